// Calls of the functions of the table (functions.ts): by name, how many
// arguments, and what runs them.
import { FUNCTIONS, type FunctionDef } from './functions.js';

const byName = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** The function of that name; undefined for any other word (`eval`, `constructor`). */
export function functionNamed(name: string): FunctionDef | undefined {
  return byName.get(name);
}

export function isFunctionName(name: string): boolean {
  return byName.has(name);
}

/** How many arguments it takes: [least, most]. */
export function arityOf(f: FunctionDef): [number, number] {
  const required = f.params.filter((p) => p.default === undefined && !p.optional).length;
  return [required, f.variadic ? Infinity : f.params.length];
}

type Fn = (...xs: number[]) => number;

/** The operator `^`, which generated code calls as M.pow: no function of the table may take its name. */
export const pow: Fn = (x, y) => x ** y;

/**
 * What generated code calls as `M.<name>`, and constant folding uses: the
 * runtime of each function of the table, and `pow`. A null prototype, so that
 * `M.constructor` is nothing.
 */
export const RUNTIME: Readonly<Record<string, Fn>> = Object.freeze(
  FUNCTIONS.reduce<Record<string, Fn>>(
    (m, f) => {
      // Names reach generated code: identifiers only, each once, and not pow.
      if (!/^[a-z_][a-z0-9_]*$/.test(f.name) || f.name in m) throw new Error(`functions table: bad name \`${f.name}\``);
      m[f.name] = f.run;
      return m;
    },
    Object.assign(Object.create(null) as Record<string, Fn>, { pow }),
  ),
);
export type Runtime = typeof RUNTIME;

/** Compiles code from checkFormula into a function of the values array. */
export function compileCode(code: string): (r: Float64Array) => number {
  const f = new Function('r', 'M', `"use strict"; return ${code};`) as (r: Float64Array, m: Runtime) => number;
  return (r) => f(r, RUNTIME);
}
