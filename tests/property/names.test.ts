// A figure may be named like any unit (docs/units.md, "Names"): where a unit
// goes (10 year, 5000 req/s/server, GB-month) the word is the unit, anywhere
// else the figure. So naming a figure after a unit changes no number: the same
// scenario with the figure renamed gives the same values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import { FIGURE_NAME, RESERVED_NAMES } from '../../src/core/scenario/names.js';
import { evaluateModel } from '../../src/core/scenario/run.js';
import { UnitRegistry } from '../../src/core/units/registry.js';

/** Every unit word of a scenario with `nouns: [tweet]` that can be a figure name. */
const UNIT_NAMES = UnitRegistry.create({ nouns: ['tweet'] })
  .names()
  .filter((n) => FIGURE_NAME.test(n) && !RESERVED_NAMES.has(n));

/** The scenario's other figures: a unit named like one of them is not drawn. */
const OTHERS = [
  'span',
  'per_user',
  'capacity',
  'price',
  'row',
  'doubled',
  'share',
  'total',
  'rate',
  'load',
  'servers_needed',
  'stored',
  'horizon',
  'mixed',
  'cost',
  'final',
];

/**
 * A scenario using units everywhere a unit goes, with an assumption called
 * `a` and a derived figure called `b` used bare in formulas.
 */
function scenario(a: string, b: string): string {
  return [
    'nouns: [tweet]',
    'assumptions:',
    `  ${a}: 7 GB`,
    '  span: 10 year',
    '  per_user: 2 tweet/user/day',
    '  capacity: 5000 req/s/server',
    '  price: $0.023/GB-month',
    '  row: 4 B + 20 B',
    'derived:',
    `  doubled: ${a} * 2`,
    `  share: ${a} / (1 GB) * 3x`,
    `  total: { expr: ${a} * price * 1 month, unit: USD }`,
    '  rate: { expr: 150M user * per_user, unit: tweet/day }',
    '  load: 100000 req/s',
    '  servers_needed: "servers(load, capacity, 70%)"',
    `  stored: { expr: ${a} + row * 1000000, unit: GB }`,
    `  horizon: { expr: span + 1 day, unit: day }`,
    `  mixed: { expr: ${a} / 2 + 3 GB, unit: MB }`,
    `  cost: { expr: ${a} * 0.01 USD/GB-month * 1 month, unit: USD }`,
    `  ${b}: { expr: doubled + 1 GB, unit: GB }`,
    `  final: ${b} * 2 + 1 s/s * 1 GB`,
    '',
  ].join('\n');
}

/** Each figure's value, keyed by its name in the renamed scenario. */
function values(text: string, rename: ReadonlyMap<string, string>): Map<string, number> {
  const compiled = compileScenario(text);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  const evaluated = evaluateModel(compiled.value);
  if (!evaluated.ok) throw new Error(evaluated.diagnostics[0]!.message);
  return new Map(compiled.value.figures.map((f) => [rename.get(f.name) ?? f.name, evaluated.value[f.index]!]));
}

describe('a figure named like a unit', () => {
  const names = UNIT_NAMES.filter((n) => !OTHERS.includes(n));

  it('draws from a table of many units', () => {
    expect(names.length).toBeGreaterThan(100);
    for (const n of [
      'year',
      'years',
      'days',
      'bytes',
      'GB',
      'month',
      's',
      'x',
      'server',
      'servers',
      'requests',
      'min',
      'USD',
      'percent',
    ])
      expect(names).toContain(n);
  });

  it('gives the same numbers as the same scenario with the figure renamed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...names), (a, b) => {
        fc.pre(a !== b);
        const shadowing = values(
          scenario(a, b),
          new Map([
            [a, 'fig_a'],
            [b, 'fig_b'],
          ]),
        );
        const renamed = values(scenario('fig_a', 'fig_b'), new Map());
        expect([...shadowing.keys()]).toEqual([...renamed.keys()]);
        for (const [name, v] of renamed) expect(shadowing.get(name), `${name} with a=${a}, b=${b}`).toBe(v);
      }),
      { numRuns: 300 },
    );
  });

  it('the renamed scenario gives the figures worked out by hand', () => {
    const v = values(scenario('fig_a', 'fig_b'), new Map());
    const month = (365 * 86400) / 12;
    expect(v.get('share')).toBeCloseTo(21, 12); // 7 GB / 1 GB × 3
    expect(v.get('total')).toBeCloseTo(7 * 0.023, 12); // 7 GB × $0.023/GB-month × 1 month
    expect(v.get('cost')).toBeCloseTo(0.07, 12);
    expect(v.get('rate')! * 86400).toBeCloseTo(300e6, 3); // tweet/day
    expect(v.get('servers_needed')).toBe(29); // ceil(100000 / (5000 × 0.7)) = ceil(28.57)
    expect(v.get('stored')).toBe(7e9 + 24e6);
    expect(v.get('horizon')).toBe(3651 * 86400);
    expect(v.get('price')! * 1e9 * month).toBeCloseTo(0.023, 12);
  });
});
