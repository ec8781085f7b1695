// Properties of quantities and conversions: round trips, agreement with
// mathjs (used here only as an oracle), and parseQuantity's arithmetic.
import fc from 'fast-check';
import * as math from 'mathjs';
import { describe, expect, it } from 'vitest';
import { parseQuantity, parseUnit } from '../../src/core/expr/quantity.js';
import { UnitRegistry } from '../../src/core/units/registry.js';

const registry = UnitRegistry.create({ nouns: ['tweet'] });
const DAY = 86400;
const YEAR = 365 * DAY;

function relErr(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

/** A finite double spread over many magnitudes, either sign. */
const magnitude = fc
  .tuple(fc.double({ min: 1, max: 10, maxExcluded: true, noNaN: true }), fc.integer({ min: -9, max: 15 }), fc.boolean())
  .map(([m, e, negative]) => (negative ? -1 : 1) * m * 10 ** e);

/** Units of one dimension each, as bote writes them. */
const FAMILIES: string[][] = [
  [
    'B',
    'byte',
    'kB',
    'KB',
    'MB',
    'GB',
    'TB',
    'PB',
    'KiB',
    'MiB',
    'GiB',
    'TiB',
    'bit',
    'b',
    'kbit',
    'Mb',
    'Gb',
    'megabyte',
    'kibibyte',
    'gigabits',
  ],
  ['ns', 'us', 'ms', 's', 'min', 'hour', 'h', 'day', 'week', 'month', 'year'],
  ['B/s', 'bps', 'kbps', 'Mbps', 'Gbps', 'MB/s', 'GiB/hour', 'TB/day', 'PB/year'],
  ['request/s', 'qps', 'rps', 'request/day', 'queries/hour'],
  ['tweet/user/day', 'tweet/user/s', 'tweets/user/month'],
  ['USD/GB', 'USD/TB', 'USD/GiB'],
];

const pair = (families: string[][]) =>
  fc
    .integer({ min: 0, max: families.length - 1 })
    .chain((f) => fc.tuple(fc.constantFrom(...families[f]!), fc.constantFrom(...families[f]!)));

describe('round trips', () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the name shows the quantity's form
  it('`${x} ${unit}` converted to another unit of its dimension and back gives x within 1e-12', () => {
    fc.assert(
      fc.property(magnitude, pair(FAMILIES), (x, [from, to]) => {
        const q = parseQuantity(`${x} ${from}`, registry);
        const target = parseUnit(to, registry);
        expect(q.dim.equals(target.dim)).toBe(true);
        const converted = q.value / target.factor;
        const back = parseQuantity(`${converted} ${to}`, registry).value / parseUnit(from, registry).factor;
        expect(relErr(back, x)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 500 },
    );
  });
});

/** [bote, mathjs]: the same unit in both, spelt as each spells it. */
const ORACLE_FAMILIES: Array<Array<[string, string]>> = [
  [
    ['B', 'B'],
    ['kB', 'kB'],
    ['MB', 'MB'],
    ['GB', 'GB'],
    ['TB', 'TB'],
    ['KiB', 'KiB'],
    ['MiB', 'MiB'],
    ['GiB', 'GiB'],
    ['TiB', 'TiB'],
    ['bit', 'bit'],
    ['b', 'b'],
    ['kbit', 'kb'],
    ['Kb', 'kb'],
    ['Mb', 'Mb'],
    ['Gb', 'Gb'],
    ['bits', 'bits'],
    ['bytes', 'bytes'],
  ],
  [
    ['s', 's'],
    ['ms', 'ms'],
    ['us', 'us'],
    ['ns', 'ns'],
    ['min', 'min'],
    ['hour', 'hour'],
    ['h', 'h'],
    ['day', 'day'],
    ['week', 'week'],
  ],
  [
    ['B/s', 'B/s'],
    ['MB/s', 'MB/s'],
    ['Gb/s', 'Gb/s'],
    ['GiB/hour', 'GiB/hour'],
    ['TB/day', 'TB/day'],
    ['kbit/ms', 'kb/ms'],
  ],
];

describe('conversions agree with mathjs', () => {
  it('for units both define with the same meaning (not month, year, KB, Mbps: mathjs differs or lacks them)', () => {
    const oraclePair = fc
      .integer({ min: 0, max: ORACLE_FAMILIES.length - 1 })
      .chain((f) => fc.tuple(fc.constantFrom(...ORACLE_FAMILIES[f]!), fc.constantFrom(...ORACLE_FAMILIES[f]!)));
    fc.assert(
      fc.property(magnitude, oraclePair, (x, [[from, mFrom], [to, mTo]]) => {
        const ours = parseQuantity(`${x} ${from}`, registry).value / parseUnit(to, registry).factor;
        const theirs = math.unit(x, mFrom).toNumber(mTo);
        expect(relErr(ours, theirs)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it('the excluded units do differ in mathjs, as documented', () => {
    // mathjs's year is 365.25 days; bote's is 365 (month = year/12).
    expect(math.unit(1, 'year').toNumber('day')).toBe(365.25);
    expect(parseUnit('year', registry).factor).toBe(YEAR);
    expect(() => math.unit(1, 'KB')).toThrow();
    expect(() => math.unit(1, 'Mbps')).toThrow();
  });
});

/** Unit text with its size in base units, by hand. */
const UNITS: Array<[string, number]> = [
  ['', 1],
  ['B', 1],
  ['kB', 1e3],
  ['KB', 1e3],
  ['MB', 1e6],
  ['GB', 1e9],
  ['TB', 1e12],
  ['PB', 1e15],
  ['KiB', 1024],
  ['MiB', 1024 ** 2],
  ['GiB', 1024 ** 3],
  ['TiB', 1024 ** 4],
  ['bit', 1 / 8],
  ['Mbps', 1e6 / 8],
  ['Gbps', 1e9 / 8],
  ['ms', 1e-3],
  ['s', 1],
  ['min', 60],
  ['hour', 3600],
  ['day', DAY],
  ['week', 7 * DAY],
  ['month', YEAR / 12],
  ['year', YEAR],
  ['user', 1],
  ['users', 1],
  ['tweet', 1],
  ['tweets', 1],
  ['request/s', 1],
  ['qps', 1],
  ['tweet/user/day', 1 / DAY],
  ['MB/tweet', 1e6],
  ['GB/day', 1e9 / DAY],
  ['USD', 1],
  ['USD/month', 12 / YEAR],
  ['%', 0.01],
];
/** Scale suffixes, attached to the number or as words. */
const SUFFIXES: Array<[string, number]> = [
  ['', 1],
  ['k', 1e3],
  ['K', 1e3],
  ['M', 1e6],
  ['bn', 1e9],
  ['T', 1e12],
  [' thousand', 1e3],
  [' million', 1e6],
  [' billion', 1e9],
  [' trillion', 1e12],
];

/** A written number and its value: digits with optional groups, a fraction or an exponent. */
const writtenNumber = fc.oneof(
  fc.integer({ min: 0, max: 999_999_999 }).map((n) => [String(n), n] as const),
  fc
    .integer({ min: 1000, max: 999_999_999 })
    .map((n) => [n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ','), n] as const),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 999 }))
    .map(([i, f]) => [`${i}.${String(f).padStart(3, '0')}`, i + f / 1000] as const),
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -5, max: 9 }))
    .map(([m, e]) => [`${m}e${e}`, m * 10 ** e] as const),
);

describe('parseQuantity', () => {
  it('of number, optional suffix and unit gives number × suffix × unit factor', () => {
    fc.assert(
      fc.property(
        writtenNumber,
        fc.constantFrom(...SUFFIXES),
        fc.constantFrom(...UNITS),
        ([text, n], [suffix, scale], [unit, factor]) => {
          const q = parseQuantity(`${text}${suffix}${unit ? ` ${unit}` : ''}`, registry);
          expect(relErr(q.value, n * scale * factor)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each<[string, number]>([
    ['2e3k', 2e6],
    ['1,500k user', 1.5e6],
    ['1.5 thousand MB', 1.5e9],
  ])('%s', (text, value) => {
    expect(parseQuantity(text, registry).value).toBe(value);
  });
});
