// formatDisplay shows three significant digits; what it shows must read back
// (parseQuantity) as the value it stands for, to within half a percent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, parseUnit } from '../../src/core/expr/quantity.js';
import { UnitRegistry } from '../../src/core/units/registry.js';
import { formatDisplay } from '../../src/render/number.js';

const registry = UnitRegistry.create({ nouns: ['tweet'] });

const UNITS = [
  '',
  'B',
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
  'kbit',
  'Gbit',
  'Kibit',
  'bps',
  'Mbps',
  'Gbps',
  'B/s',
  'MB/s',
  'GiB/s',
  'TB/day',
  'GB/month',
  'PB/year',
  'KiB/request',
  'ns',
  'us',
  'ms',
  's',
  'min',
  'hour',
  'day',
  'week',
  'month',
  'year',
  'user',
  'tweet',
  'tweet/s',
  'request/s',
  'tweet/user/day',
  'USD',
  'USD/month',
  'USD/GB',
];

/** Values over many magnitudes, either sign, and zero. */
const value = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  {
    weight: 20,
    arbitrary: fc
      .tuple(
        fc.double({ min: 1, max: 10, maxExcluded: true, noNaN: true }),
        fc.integer({ min: -8, max: 24 }),
        fc.boolean(),
      )
      .map(([m, e, negative]) => (negative ? -1 : 1) * m * 10 ** e),
  },
);

function readBack(value: number, unit: string): { shown: string; back: number; exact: number } {
  const shown = formatDisplay(value, unit);
  const back = parseQuantity(shown, registry).value;
  const exact = value * parseUnit(unit, registry).factor;
  return { shown, back, exact };
}

describe('formatDisplay reads back', () => {
  it('to within 0.5% (three significant digits) of the value, for random values and units', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...UNITS), (v, unit) => {
        const { shown, back, exact } = readBack(v, unit);
        const err = exact === 0 ? Math.abs(back) : Math.abs(back - exact) / Math.abs(exact);
        expect(err, `${v} ${unit} shown as ${shown}`).toBeLessThanOrEqual(0.005 + 1e-12);
      }),
      { numRuns: 2000 },
    );
  });

  it('in the dimension of its unit', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...UNITS), (v, unit) => {
        const shown = formatDisplay(v, unit);
        expect(parseQuantity(shown, registry).dim.key).toBe(parseUnit(unit, registry).dim.key);
      }),
      { numRuns: 500 },
    );
  });

  it.each<[number, string]>([
    [54.75, 'PB'],
    [3472.2, 'tweet/s'],
    [0.5, 'GiB'],
    [1, 'KiB'],
    [1.005, 'MB'],
    [999.5, 'GB'],
  ])('%d %s', (v, unit) => {
    const { back, exact } = readBack(v, unit);
    expect(Math.abs(back - exact) / exact).toBeLessThanOrEqual(0.005);
  });
});
