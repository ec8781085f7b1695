import { describe, expect, it } from 'vitest';
import { calculate } from '../../src/core/calc.js';
import { arityOf, functionNamed, RUNTIME } from '../../src/core/expr/calls.js';
import { FUNCTIONS } from '../../src/core/expr/functions.js';

describe('the table of functions', () => {
  it.each(FUNCTIONS.map((f) => [f.name, f] as const))(
    '%s: its documented example gives its documented answer',
    (_, f) => {
      const r = calculate(f.example.formula);
      if (!r.ok) throw new Error(r.diagnostics[0]!.message);
      expect(`${Number(r.value.value.toPrecision(12))} ${r.value.unit}`.trim()).toBe(f.example.answer);
    },
  );

  it('the runtime holds each function of the table, and pow for `^`, on no prototype', () => {
    expect(Object.keys(RUNTIME).sort()).toEqual([...FUNCTIONS.map((f) => f.name), 'pow'].sort());
    expect(Object.getPrototypeOf(RUNTIME)).toBeNull();
    expect(Object.isFrozen(RUNTIME)).toBe(true);
  });

  it('knows no name outside the table, however JavaScript-like', () => {
    for (const name of ['eval', 'constructor', '__proto__', 'toString', 'pow', 'Math'])
      expect(functionNamed(name), name).toBeUndefined();
  });

  it.each<[string, [number, number]]>([
    // Counted by hand from the parameters.
    ['ceil', [1, 1]],
    ['min', [1, Infinity]],
    ['log', [1, 2]],
    ['servers', [2, 4]],
    ['shards', [2, 2]],
  ])('%s takes %j arguments', (name, arity) => {
    expect(arityOf(functionNamed(name)!)).toEqual(arity);
  });
});
