import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import type { Model } from '../../src/core/scenario/model.js';
import { evaluateModel, readOverrides, type Input } from '../../src/core/scenario/run.js';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

function model(text: string): Model {
  const r = compileScenario(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

const SCENARIO = lines(
  'name: demo',
  'assumptions:',
  '  mau: 300 million user',
  '  daily_active: 50%',
  '  requests_per_user: 10 request/user/day',
  '  object_size: 2 KB/request',
  '  replicas: 3',
  'derived:',
  '  dau: { expr: mau * daily_active, unit: user }',
  '  qps: { expr: dau * requests_per_user, unit: request/s }',
  '  storage_per_day: { expr: qps * object_size * replicas, unit: GB/day }',
);
const DAY = 86400;

function values(m: Model, overrides?: Map<string, Input>) {
  const r = evaluateModel(m, overrides);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return (name: string) => r.value[m.byName.get(name)!.index]!;
}

function overrides(m: Model, ...settings: Array<[string, string]>) {
  return readOverrides(
    m,
    settings.map(([name, text]) => ({ name, text })),
  );
}

describe('evaluateModel', () => {
  it('computes every figure in base units', () => {
    const m = model(SCENARIO);
    const v = values(m);
    const dau = 300e6 * 0.5;
    const qps = (dau * 10) / DAY;
    expect(v('dau')).toBe(dau);
    expect(v('qps')).toBeCloseTo(qps, 9);
    expect(v('storage_per_day')).toBeCloseTo(qps * 2000 * 3, 6);
  });

  it('an overridden assumption changes what depends on it', () => {
    const m = model(SCENARIO);
    const v = values(m, new Map([['mau', { value: 100e6 }]]));
    expect(v('mau')).toBe(100e6);
    expect(v('dau')).toBe(50e6);
    expect(v('qps')).toBeCloseTo((50e6 * 10) / DAY, 9);
  });

  it('overriding a derived figure pins it, and its users follow the pinned value', () => {
    const m = model(SCENARIO);
    const v = values(m, new Map([['dau', { value: 1e6 }]]));
    expect(v('dau')).toBe(1e6);
    expect(v('qps')).toBeCloseTo((1e6 * 10) / DAY, 9);
    // The unpinned run is unaffected by the pinned one (programs are cached per pinned set).
    expect(values(m)('dau')).toBe(150e6);
  });

  it('a division by zero names the figure', () => {
    const text = lines(
      'assumptions:',
      '  total: 10 GB',
      '  shards_n: 0',
      'derived:',
      '  per_shard: total / shards_n',
      '  doubled: per_shard * 2',
    );
    const m = model(text);
    const r = evaluateModel(m);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('not-finite');
    expect(d.message).toBe('`per_shard` is infinite');
    expect(d.hint).toMatch(/division by zero/);
    expect(text.slice(d.span!.start, d.span!.end)).toBe('total / shards_n');
    expect(d.hint).toMatch(/total, shards_n/);
  });

  it('0/0 is not a number', () => {
    const m = model(lines('assumptions:', '  x1: 0 GB', '  x2: 0 GB', 'derived:', '  ratio: x1 / x2'));
    const r = evaluateModel(m);
    expect(!r.ok && r.diagnostics[0]!.message).toBe('`ratio` is not a number');
  });

  it('an override that is not finite is named as the --set, with no place in the file', () => {
    const m = model(SCENARIO);
    const r = evaluateModel(m, new Map([['object_size', { value: Infinity }]]));
    expect(!r.ok && r.diagnostics[0]!.code).toBe('not-finite');
    expect(!r.ok && r.diagnostics[0]!.message).toBe('--set object_size: the value is infinite');
    expect(!r.ok && r.diagnostics[0]!.span).toBeUndefined();
  });
});

describe('readOverrides', () => {
  it.each<[string, string, number]>([
    // [name, text, value in base units]
    ['mau', '200M', 200e6],
    ['mau', '200 million user', 200e6],
    ['mau', '1,500', 1500],
    ['daily_active', '25%', 0.25],
    ['daily_active', '0.25', 0.25],
    // A plain number takes the figure's unit: KB/request here, GB/day for a derived figure.
    ['object_size', '4', 4000],
    ['object_size', '1 KiB/request', 1024],
    ['requests_per_user', '20', 20 / DAY],
    ['storage_per_day', '5', 5e9 / DAY],
    ['storage_per_day', '1 TB/day', 1e12 / DAY],
    ['dau', '2M', 2e6],
  ])('%s=%s', (name, text, value) => {
    const r = overrides(model(SCENARIO), [name, text]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const got = r.value.get(name)!.value;
    expect(Math.abs(got - value)).toBeLessThanOrEqual(1e-12 * Math.abs(value));
  });

  it('a plain number takes a declared unit of percent', () => {
    const m = model(
      lines(
        'name: hits',
        'assumptions:',
        '  hits: 800 request/s',
        '  total: 1000 request/s',
        'derived:',
        '  hit_rate: { expr: hits / total, unit: percent }',
        '  misses: { expr: total * (1 - hit_rate), unit: request/s }',
      ),
    );
    const r = overrides(m, ['hit_rate', '90']);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.get('hit_rate')!.value).toBeCloseTo(0.9, 12);
    expect(values(m, r.value)('misses')).toBeCloseTo(100, 9);
  });

  it('a range takes the figure unit at both ends', () => {
    const r = overrides(model(SCENARIO), ['object_size', '1 to 4']);
    expect(r.ok && r.value.get('object_size')!.range).toMatchObject({ low: 1000, high: 4000, dist: 'lognormal' });
    expect(r.ok && r.value.get('object_size')!.value).toBeCloseTo(2000, 9);
  });

  it.each<[string, string, string, RegExp]>([
    ['mau', '5 GB', 'unit-mismatch', /`mau` is in user, not GB/],
    ['qps', '3 tweet', 'unknown-unit', /unknown unit `tweet`/],
    ['object_size', '2 KB', 'unit-mismatch', /is in KB\/request, not KB/],
    ['daily_active', '2 s', 'unit-mismatch', /`daily_active` is a plain number, not s/],
    ['mau', '2 ** 3', 'syntax', /`\*\*`/],
    // A plain number is a fraction: 60 for a figure written as a percentage is 6000%, or a slip for 60%.
    ['daily_active', '60', 'syntax', /60 for a percentage: 60% or 6000%\?/],
    ['daily_active', '40 to 60', 'syntax', /40 for a percentage/],
    ['mua', '5', 'bad-override', /`mua` is not a figure of demo/],
  ])('%s=%s is refused', (name, text, code, message) => {
    const r = overrides(model(SCENARIO), [name, text]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]!.code).toBe(code);
    expect(r.diagnostics[0]!.message).toMatch(message);
    expect(r.diagnostics[0]!.message.startsWith(`--set ${name}`)).toBe(true);
  });

  it('an unknown name gets a did-you-mean', () => {
    const r = overrides(model(SCENARIO), ['mua', '5']);
    expect(!r.ok && r.diagnostics[0]!.hint).toBe('did you mean `mau`?');
  });

  it('a name like none lists the assumptions', () => {
    const r = overrides(model(SCENARIO), ['zzzzzz', '5']);
    expect(!r.ok && r.diagnostics[0]!.hint).toBe(
      'the assumptions are mau, daily_active, requests_per_user, object_size, replicas',
    );
  });

  it('reports every bad setting, keeping none', () => {
    const r = overrides(model(SCENARIO), ['mau', '5 GB'], ['replicas', '4'], ['zzz_unknown', '1']);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.diagnostics.map((d) => d.code)).toEqual(['unit-mismatch', 'bad-override']);
  });
});
