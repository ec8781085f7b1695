import { RUNTIME, type Runtime } from '../expr/calls.js';
import type { Model } from './model.js';

/**
 * Runs the model over `n` samples: `columns[k][i]` is figure k in sample i,
 * in base units. Input columns (assumptions, and figures pinned by --set)
 * are read; every other column is written.
 */
export type Program = (columns: Float64Array[], n: number) => void;

/**
 * What a run needs, when not every figure: the output of `sweep --show a,b`
 * or of sensitivity is a few columns, and memory goes with the columns kept.
 */
export interface Plan {
  /** Figures run (inputs read, formulas computed); the rest are skipped. All when absent. */
  compute?: ReadonlySet<number>;
  /** Formulas whose column is written; the others live in a register of the sample only. All when absent. */
  keep?: ReadonlySet<number>;
  /** Inputs the same in every sample: their column holds one entry, read at 0. */
  constant?: ReadonlySet<number>;
}

/** Statements per generated function: large models are split so that V8 still optimises each part. */
const CHUNK = 400;
const cache = new WeakMap<Model, Map<string, Program>>();

/**
 * Compiles the checked formulas into one JavaScript loop. The code comes from
 * checkFormula (numbers, indices, operators and RUNTIME calls only) and from
 * the fixed text below; no scenario text reaches it. With a plan, only what
 * it names is run and kept (and such a program is not cached).
 */
export function compileProgram(model: Model, pinned: ReadonlySet<string> = new Set(), plan?: Plan): Program {
  // A pinned assumption reads its column as any assumption does: only pinned formulas change the code.
  const key = [...pinned]
    .filter((n) => model.byName.get(n)?.kind === 'derived')
    .sort()
    .join(',');
  const programs = cache.get(model) ?? new Map<string, Program>();
  cache.set(model, programs);
  const known = plan ? undefined : programs.get(key);
  if (known) return known;

  const statements = model.figures.flatMap((f) => {
    const k = f.index;
    if (plan?.compute && !plan.compute.has(k)) return [];
    if (f.kind === 'assumption' || pinned.has(f.name)) return [`r[${k}]=c[${k}][${plan?.constant?.has(k) ? 0 : 'i'}];`];
    return [!plan?.keep || plan.keep.has(k) ? `c[${k}][i]=r[${k}]=${f.code};` : `r[${k}]=${f.code};`];
  });
  const size = model.figures.length;
  let run: (c: Float64Array[], n: number, M: Runtime) => void;
  if (statements.length <= CHUNK) {
    run = new Function(
      'c',
      'n',
      'M',
      `"use strict";const r=new Float64Array(${size});for(let i=0;i<n;i++){${statements.join('')}}`,
    ) as typeof run;
  } else {
    const parts: Array<(r: Float64Array, c: Float64Array[], i: number, M: Runtime) => void> = [];
    for (let s = 0; s < statements.length; s += CHUNK) {
      parts.push(
        new Function(
          'r',
          'c',
          'i',
          'M',
          `"use strict";${statements.slice(s, s + CHUNK).join('')}`,
        ) as (typeof parts)[number],
      );
    }
    run = (c, n, M) => {
      const r = new Float64Array(size);
      for (let i = 0; i < n; i++) for (const part of parts) part(r, c, i, M);
    };
  }
  const program: Program = (columns, n) => run(columns, n, RUNTIME);
  if (!plan) programs.set(key, program);
  return program;
}
