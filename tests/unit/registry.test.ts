import { describe, expect, it } from 'vitest';
import { Dimension } from '../../src/core/units/dimension.js';
import { newNoun, pluralOf, singularOf, UnitRegistry } from '../../src/core/units/registry.js';

const registry = UnitRegistry.create({ nouns: ['tweet', 'query_log', 'match', 'box', 'day_pass'] });
const DAY = 24 * 60 * 60;
const YEAR = 365 * DAY;

const B = Dimension.base('B');
const S = Dimension.base('s');
const BPS = B.div(S);

function relClose(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

describe('UnitRegistry.lookup: bytes and bits', () => {
  it.each<[string, string, number]>([
    // [name, symbol, size in bytes]
    ['B', 'B', 1],
    ['byte', 'B', 1],
    ['bytes', 'B', 1],
    ['kB', 'kB', 1000],
    ['KB', 'KB', 1000],
    ['MB', 'MB', 1000 * 1000],
    ['GB', 'GB', 1000 ** 3],
    ['TB', 'TB', 1000 ** 4],
    ['PB', 'PB', 1000 ** 5],
    ['EB', 'EB', 1000 ** 6],
    ['KiB', 'KiB', 1024],
    ['MiB', 'MiB', 1024 * 1024],
    ['GiB', 'GiB', 1024 ** 3],
    ['TiB', 'TiB', 1024 ** 4],
    ['bit', 'bit', 1 / 8],
    ['bits', 'bit', 1 / 8],
    ['b', 'bit', 1 / 8],
    ['kbit', 'kbit', 1000 / 8],
    // Written back as Mbit, Gbit: `Mb` read as MB would be off by 8.
    ['Mb', 'Mbit', (1000 * 1000) / 8],
    ['Gb', 'Gbit', 1000 ** 3 / 8],
    ['Kibit', 'Kibit', 1024 / 8],
    ['megabyte', 'MB', 1000 * 1000],
    ['megabytes', 'MB', 1000 * 1000],
    ['kilobyte', 'kB', 1000],
    ['gigabit', 'Gbit', 1000 ** 3 / 8],
    ['kibibyte', 'KiB', 1024],
    ['gibibytes', 'GiB', 1024 ** 3],
  ])('%s', (name, symbol, bytes) => {
    const u = registry.lookup(name)!;
    expect(u).toBeDefined();
    expect(u.symbol).toBe(symbol);
    relClose(u.factor, bytes);
    expect(u.dim.equals(B)).toBe(true);
    expect(u.scale).toBe(false);
  });

  it('kB = KB = 1000 B, and KiB = 1024 B', () => {
    expect(registry.lookup('kB')!.factor).toBe(registry.lookup('KB')!.factor);
    expect(registry.lookup('KiB')!.factor / registry.lookup('KB')!.factor).toBe(1.024);
  });
});

describe('UnitRegistry.lookup: bit rates take SI prefixes only', () => {
  it.each<[string, number]>([
    ['bps', 1 / 8],
    ['kbps', 1000 / 8],
    ['Kbps', 1000 / 8],
    ['Mbps', 1e6 / 8],
    ['Gbps', 1e9 / 8],
    ['Tbps', 1e12 / 8],
  ])('%s', (name, bytesPerSecond) => {
    const u = registry.lookup(name)!;
    relClose(u.factor, bytesPerSecond);
    expect(u.dim.equals(BPS)).toBe(true);
  });

  it.each(['Mibps', 'Gibps', 'Kibps'])('%s is unknown', (name) => {
    expect(registry.lookup(name)).toBeUndefined();
  });

  it.each(['MBB', 'megabps', 'Xb', 'mB', 'gigabyt', 'kibibit_'])('%s is unknown', (name) => {
    expect(registry.lookup(name)).toBeUndefined();
  });
});

describe('UnitRegistry.lookup: time, money, scale words, nouns', () => {
  it.each<[string, string, number, string]>([
    // [name, symbol, factor in base units, dimension key]
    ['s', 's', 1, 's'],
    ['sec', 's', 1, 's'],
    ['ms', 'ms', 1e-3, 's'],
    ['us', 'us', 1e-6, 's'],
    ['µs', 'us', 1e-6, 's'],
    ['ns', 'ns', 1e-9, 's'],
    ['min', 'min', 60, 's'],
    ['minutes', 'min', 60, 's'],
    ['hour', 'hour', 3600, 's'],
    ['h', 'hour', 3600, 's'],
    ['day', 'day', DAY, 's'],
    ['days', 'day', DAY, 's'],
    ['week', 'week', 7 * DAY, 's'],
    ['year', 'year', YEAR, 's'],
    ['yr', 'year', YEAR, 's'],
    ['month', 'month', YEAR / 12, 's'],
    ['USD', 'USD', 1, 'USD'],
    ['$', 'USD', 1, 'USD'],
    ['dollars', 'USD', 1, 'USD'],
    ['user', 'user', 1, 'user'],
    ['users', 'user', 1, 'user'],
    ['request', 'request', 1, 'request'],
    ['req', 'request', 1, 'request'],
    ['query', 'request', 1, 'request'],
    ['queries', 'request', 1, 'request'],
    ['tweet', 'tweet', 1, 'tweet'],
    ['tweets', 'tweet', 1, 'tweet'],
    ['query_logs', 'query_log', 1, 'query_log'],
    ['matches', 'match', 1, 'match'],
    ['boxes', 'box', 1, 'box'],
    ['qps', 'request/s', 1, 'request s^-1'],
    ['QPS', 'request/s', 1, 'request s^-1'],
    ['rps', 'request/s', 1, 'request s^-1'],
    ['RPS', 'request/s', 1, 'request s^-1'],
  ])('%s', (name, symbol, factor, key) => {
    const u = registry.lookup(name)!;
    expect(u.symbol).toBe(symbol);
    relClose(u.factor, factor);
    expect(u.dim.key).toBe(key);
  });

  it.each<[string, number]>([
    ['%', 0.01],
    ['percent', 0.01],
    ['thousand', 1e3],
    ['k', 1e3],
    ['K', 1e3],
    ['million', 1e6],
    ['M', 1e6],
    ['billion', 1e9],
    ['bn', 1e9],
    ['trillion', 1e12],
    ['T', 1e12],
  ])('scale word %s', (name, factor) => {
    const u = registry.lookup(name)!;
    expect(u.factor).toBe(factor);
    expect(u.scale).toBe(true);
    expect(u.dim.isNone).toBe(true);
  });

  it('count nouns and their rates are countable; bytes, time and money are not', () => {
    for (const n of ['user', 'users', 'qps', 'tweet', 'tweets']) expect(registry.lookup(n)!.countable, n).toBe(true);
    for (const n of ['B', 'MB', 'day', 's', 'USD']) expect(registry.lookup(n)!.countable, n).toBeFalsy();
  });

  it('a noun of another scenario is not known to the standard registry', () => {
    expect(UnitRegistry.create().lookup('tweet')).toBeUndefined();
  });

  it('names() lists prefixed forms for did-you-mean', () => {
    const names = new Set(UnitRegistry.create().names());
    for (const n of ['MB', 'GiB', 'kbit', 'Gbps', 'day', 'qps', 'user']) expect(names.has(n), n).toBe(true);
    expect(names.has('Mibps')).toBe(false);
  });
});

describe('UnitRegistry: calendar conventions', () => {
  it('month is year/12 and year is 365 days by default', () => {
    const r = UnitRegistry.create();
    expect(r.conventions).toEqual({ day: 86400, year: 365 * 86400, month: (365 * 86400) / 12 });
    expect(r.lookup('month')!.factor * 12).toBe(r.lookup('year')!.factor);
  });

  it('day = 100000 s propagates to week, month and year', () => {
    const r = UnitRegistry.create({ conventions: { day: 100_000 } });
    expect(r.lookup('day')!.factor).toBe(100_000);
    expect(r.lookup('week')!.factor).toBe(700_000);
    expect(r.lookup('year')!.factor).toBe(36_500_000);
    relClose(r.lookup('month')!.factor, 36_500_000 / 12);
    // The shared standard registry is not changed by it.
    expect(UnitRegistry.create().lookup('day')!.factor).toBe(86400);
  });

  it('a year given alone sets the month, not the day', () => {
    const r = UnitRegistry.create({ conventions: { year: 360 * 86400 } });
    expect(r.lookup('day')!.factor).toBe(86400);
    expect(r.lookup('month')!.factor).toBe(30 * 86400);
  });

  it('a month given alone leaves the year', () => {
    const r = UnitRegistry.create({ conventions: { month: 30 * 86400 } });
    expect(r.lookup('month')!.factor).toBe(30 * 86400);
    expect(r.lookup('year')!.factor).toBe(365 * 86400);
  });
});

describe('pluralOf', () => {
  it.each<[string, string]>([
    ['tweet', 'tweets'],
    ['query', 'queries'],
    ['day', 'days'],
    ['key', 'keys'],
    ['match', 'matches'],
    ['box', 'boxes'],
    ['bus', 'buses'],
    ['wish', 'wishes'],
    ['quiz', 'quizes'],
  ])('%s', (noun, plural) => {
    expect(pluralOf(noun)).toBe(plural);
  });
});

describe('singularOf, the inverse of pluralOf', () => {
  it.each<[string, string]>([
    ['tweets', 'tweet'],
    ['queries', 'query'],
    ['keys', 'key'],
    ['matches', 'match'],
    ['boxes', 'box'],
    ['buses', 'bus'],
    ['photo', 'photo'],
    ['status', 'status'],
    ['class', 'class'],
  ])('%s', (word, noun) => {
    expect(singularOf(word)).toBe(noun);
    // The noun's plural reads back as the word, where the word was a plural.
    if (word !== noun) expect(pluralOf(noun)).toBe(word);
  });
});

describe('newNoun', () => {
  it('refuses a unit, lets a built-in noun be declared again', () => {
    expect(newNoun('tweet')).toBe('ok');
    expect(newNoun('user')).toBe('again');
    expect(newNoun('MB')).toMatchObject({ clash: { symbol: 'MB' } });
    expect(newNoun('x')).toMatchObject({ clash: { symbol: 'x' } });
  });
});

describe('Dimension', () => {
  it.each<[Array<[string, number]>, string, string]>([
    [
      [
        ['B', 1],
        ['s', -1],
      ],
      'B s^-1',
      'B/s',
    ],
    [
      [
        ['tweet', 1],
        ['user', -1],
        ['s', -1],
      ],
      's^-1 tweet user^-1',
      'tweet/(s·user)',
    ],
    [[['s', -1]], 's^-1', '1/s'],
    [[['B', 2]], 'B^2', 'B^2'],
    [
      [
        ['B', 1],
        ['B', -1],
      ],
      '',
      'dimensionless',
    ],
  ])('%j', (pairs, key, text) => {
    const d = Dimension.of(pairs);
    expect(d.key).toBe(key);
    expect(String(d)).toBe(text);
  });

  it('pow refuses a non-integer power, and sqrt of B^2 is B', () => {
    expect(B.pow(0.5)).toBeUndefined();
    expect(B.mul(B).pow(0.5)!.equals(B)).toBe(true);
    expect(BPS.mul(S).equals(B)).toBe(true);
  });
});
