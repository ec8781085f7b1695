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
      const { run, refuses } = f;
      // Arguments out of the domain give NaN: the not-finite error names the figure, refusalIn says why.
      m[f.name] = refuses ? (...xs) => (refuses(...xs) === undefined ? run(...xs) : Number.NaN) : run;
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

/** Thrown by the runtime of refusalIn only. */
class Refused extends Error {}

/** The runtime, save that a call out of its function's domain throws why. */
const STRICT: Readonly<Record<string, Fn>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, Fn>,
    RUNTIME,
    Object.fromEntries(
      FUNCTIONS.flatMap(({ name, run, refuses }) =>
        refuses
          ? [
              [
                name,
                (...xs: number[]) => {
                  const why = refuses(...xs);
                  if (why !== undefined) throw new Refused(`${name}: ${why}`);
                  return run(...xs);
                },
              ],
            ]
          : [],
      ),
    ),
  ),
);

/**
 * Why code from checkFormula gives no number at these values, when the
 * reason is a building block's argument (`servers: the load is negative`);
 * undefined otherwise. Run only after a result came out not finite.
 */
export function refusalIn(code: string, r: Float64Array): string | undefined {
  const f = new Function('r', 'M', `"use strict"; return ${code};`) as (r: Float64Array, m: Runtime) => number;
  try {
    f(r, STRICT);
    return undefined;
  } catch (e) {
    if (e instanceof Refused) return e.message;
    throw e;
  }
}
