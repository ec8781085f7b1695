import { describe, expect, it } from 'vitest';
import { calculate } from '../../src/core/calc.js';

function value(text: string) {
  const r = calculate(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return { value: r.value.value, unit: r.value.unit };
}

function refusal(text: string) {
  const r = calculate(text);
  if (r.ok) throw new Error(`expected ${text} to be refused, got ${r.value.value} ${r.value.unit}`);
  const d = r.diagnostics[0]!;
  return { message: d.message, under: text.slice(d.span!.start, d.span!.end) };
}

describe('bote calc', () => {
  it.each<[string, number, string]>([
    // 150 M × 2 / 86,400 s = 3,472.2 req/s
    ['150M user * 2 req/user/day -> req/s', (150e6 * 2) / 86400, 'req/s'],
    // 30 TB × 365 × 5 = 54,750 TB = 54.75 PB
    ['30 TB/day * 5 year -> PB', 54.75, 'PB'],
    // 1e9 bit/s × 3600 s / 8 / 2^30 = 419.095 GiB
    ['1 Gbps * 1 hour -> GiB', (1e9 * 3600) / 8 / 2 ** 30, 'GiB'],
    ['1 m^2 -> m^2', 1, 'm^2'],
  ])('%s', (text, expected, unit) => {
    const r = value(text);
    expect(r.value).toBeCloseTo(expected, 9);
    expect(r.unit).toBe(unit);
  });

  it('answers in the one unit written, when there is one: IEC stays IEC, bits stay bits', () => {
    expect(value('1 KiB')).toEqual({ value: 1, unit: 'KiB' });
    expect(value('3 GiB * 2')).toEqual({ value: 6, unit: 'GiB' });
    expect(value('1 Gbit')).toEqual({ value: 1, unit: 'Gbit' });
    // Several units written: the best-fitting one. 1e9 bit/s × 3,600 s / 8 = 450 GB.
    expect(value('1 Gbps * 1 hour')).toEqual({ value: 450, unit: 'GB' });
    expect(value('2^32')).toEqual({ value: 2 ** 32, unit: '' });
  });

  it('rounds ceil, floor and round in the unit asked for, as a figure with unit: does', () => {
    expect(value('ceil(1.5 hour) -> hour')).toEqual({ value: 2, unit: 'hour' });
    expect(value('floor(90 min) -> hour')).toEqual({ value: 1, unit: 'hour' });
  });

  it.each(['1 GB -> 0 MB', '1 GB -> 2 MB', '1 GB -> -MB'])('refuses a number in the target unit: %s', (text) => {
    const r = refusal(text);
    expect(r.message).toMatch(/a unit has no number in it/);
  });
});

describe('bote calc: units written and count nouns', () => {
  it.each<[string, number, string]>([
    ['10 Gb/s', 10, 'Gbit/s'],
    ['5 req/user/day', 5, 'request/user/day'],
    ['36.5 TB / 365 bn', 100, 'B'],
    // 20,000 KB/s re-prefixed in its family: 20 MB/s.
    ['2 KB/req * 10k req/s', 20, 'MB/s'],
    ['$5/month * 12 month', 60, 'USD'],
    // 1 MB / 1 KB: the units cancel by dimension only, a plain 1,000.
    ['1 MB / 1 KB', 1000, ''],
  ])('%s is %d %s', (text, v, unit) => {
    const r = value(text);
    expect(r.unit).toBe(unit);
    expect(r.value).toBeCloseTo(v, 9);
  });

  it('takes a word that is no unit as a count noun, singular', () => {
    const r = calculate('150M user * 2 tweets/user/day * 3 photo/tweet');
    expect(r.ok && r.value).toMatchObject({ unit: 'photo/day', guessedNouns: ['tweet', 'photo'] });
  });

  it('a declared noun is no guess', () => {
    const r = calculate('2 tweet', { nouns: ['tweet'] });
    expect(r.ok && r.value.guessedNouns).toEqual([]);
  });

  it.each(['5 requst/s', '3 MBB', '5 GB/d'])('a typo of a unit, or a single letter, is no noun: %s', (text) => {
    expect(refusal(text).message).toMatch(/unknown unit/);
  });
});
