import { describe, expect, it } from 'vitest';
import { parseQuantity, parseUnit } from '../../src/core/expr/quantity.js';
import { sizesOf } from '../../src/core/units/definition.js';
import { Dimension } from '../../src/core/units/dimension.js';
import { bestUnit, displayUnit, rePrefixed, timeConversions } from '../../src/core/units/display.js';
import { UnitRegistry } from '../../src/core/units/registry.js';
import { NAMED_IN_HINTS, UNITS, type UnitEntry } from '../../src/core/units/table.js';

const DAY = 86_400;
const S = Dimension.base('s');
const B = Dimension.base('B');

describe('the table of units', () => {
  it('defines every unit: each definition names units of the table, and none goes round in a circle', () => {
    const sizes = sizesOf(UNITS);
    expect([...sizes.keys()].sort()).toEqual(UNITS.map((u) => u.name).sort());
  });

  it.each<[string, number, Dimension]>([
    // Read left to right from table.ts, by hand.
    ['bit', 1 / 8, B], // 1/8 B
    ['bps', 1 / 8, B.div(S)], // bit/s
    ['hour', 3600, S],
    ['week', 7 * DAY, S], // 7 day
    ['year', 365 * DAY, S], // 365 day
    ['month', (365 * DAY) / 12, S], // year/12
    ['km', 1000, Dimension.base('m')],
    ['request/s', 1, Dimension.base('request').div(S)],
    ['%', 0.01, Dimension.none],
  ])('%s', (name, factor, dim) => {
    const size = sizesOf(UNITS).get(name)!;
    expect(size.factor).toBe(factor);
    expect(size.dim.equals(dim)).toBe(true);
  });

  it('a calendar unit restated by the conventions carries the units defined through it', () => {
    const sizes = sizesOf(UNITS, { day: 100_000 });
    expect(sizes.get('week')!.factor).toBe(700_000);
    expect(sizes.get('year')!.factor).toBe(36_500_000);
    expect(sizes.get('month')!.factor).toBe(36_500_000 / 12);
  });

  it('refuses a definition that names no unit, or itself', () => {
    expect(() => sizesOf([...UNITS, { name: 'moment', is: '90 sec' }])).toThrow(/no unit `sec`/);
    expect(() =>
      sizesOf([
        { name: 'a', is: '2 b' },
        { name: 'b', is: '3 a' },
      ]),
    ).toThrow(/through itself/);
  });

  it('every unit an unknown-unit hint names is a unit', () => {
    const registry = UnitRegistry.create();
    for (const name of NAMED_IN_HINTS) expect(registry.lookup(name), name).toBeDefined();
  });

  it('no two entries share a name or a spelling', () => {
    const names = UNITS.flatMap((u) => [u.name, ...(u.spellings ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('a fortnight, one line added to a copy of the table', () => {
  const fortnight: UnitEntry = { name: 'fortnight', spellings: ['fortnights'], is: '14 day' };
  const registry = UnitRegistry.fromTable([...UNITS, fortnight]);

  it('is looked up, by its name and its plural, as 14 days', () => {
    expect(registry.lookup('fortnight')).toMatchObject({ symbol: 'fortnight', factor: 14 * DAY });
    expect(registry.lookup('fortnights')?.symbol).toBe('fortnight');
    expect(UnitRegistry.create().lookup('fortnight')).toBeUndefined();
  });

  it('parses and converts: 2 fortnight is 28 day, 6 weeks is 3 fortnights', () => {
    expect(parseQuantity('2 fortnight', registry).value / DAY).toBe(28);
    const q = parseQuantity('6 weeks', registry);
    expect(q.value / parseUnit('fortnight', registry).factor).toBe(3);
  });

  it('follows a restated day', () => {
    const c = UnitRegistry.fromTable([...UNITS, fortnight], { conventions: { day: 100_000 } });
    expect(c.lookup('fortnight')!.factor).toBe(1_400_000);
  });

  it('is shown as written, like a week, and is no step of the duration ladder', () => {
    expect(displayUnit(3, 'fortnight', registry)).toEqual({ value: 3, unit: 'fortnight', onLadder: false });
    expect(displayUnit(14, 'day', registry)).toEqual({ value: 14, unit: 'day', onLadder: true });
  });

  it('is explained: (1 fortnight = 14 day)', () => {
    expect(timeConversions(['commit/day', '1 fortnight'], registry)).toEqual([
      { unit: 'fortnight', value: 14, in: 'day' },
    ]);
    expect(timeConversions(['commit/day', '1 fortnight'], UnitRegistry.create())).toEqual([]);
  });
});

describe('the display preferences (one rule: the largest step the value, to three digits, reaches)', () => {
  const registry = UnitRegistry.create();

  it.each<[number, string, number, string]>([
    [90, 's', 1.5, 'min'],
    [1500, 'mm', 1.5, 'm'],
    [0, 's', 0, 's'],
    [1e-10, 's', 0.1, 'ns'],
    [2500, 'KiB', 2500 / 1024, 'MiB'],
    [999.6, 'B', 0.9996, 'kB'], // shown as 1 kB
    [1000, 'MiB', 1000, 'MiB'], // 0.977 GiB would read below 1
    [3, 'week', 3, 'week'],
  ])('%d %s is %d %s', (value, unit, shownValue, shownUnit) => {
    const d = displayUnit(value, unit, registry);
    expect(d.unit).toBe(shownUnit);
    expect(d.value).toBeCloseTo(shownValue, 12);
  });

  it('re-prefixes bytes within their family', () => {
    expect(rePrefixed(1e-10, 'TB', registry)).toEqual({ value: 100, unit: 'B' });
    expect(rePrefixed(2048, 'KiB/s', registry)).toEqual({ value: 2, unit: 'MiB/s' });
  });

  it('shows a value no unit was written for: durations on the ladder from seconds, bytes with SI prefixes, lengths in metres', () => {
    expect(bestUnit(5400, S, registry)).toEqual({ value: 1.5, unit: 'hour' });
    expect(bestUnit(1e-10, S, registry)).toEqual({ value: 1e-10, unit: 's' });
    expect(bestUnit(4.5e11, B, registry)).toEqual({ value: 450, unit: 'GB' });
    expect(bestUnit(3.6e6, Dimension.base('m'), registry)).toEqual({ value: 3.6e6, unit: 'm' });
  });
});
