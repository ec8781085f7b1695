import { RUNTIME, type Runtime } from '../expr/calls.js';
import type { Model } from './model.js';

/**
 * Runs the model over `n` samples: `columns[k][i]` is figure k in sample i,
 * in base units. Input columns (assumptions, and figures pinned by --set)
 * are read; every other column is written.
 */
export type Program = (columns: Float64Array[], n: number) => void;

/** Statements per generated function: large models are split so that V8 still optimises each part. */
const CHUNK = 400;
const cache = new WeakMap<Model, Map<string, Program>>();

/**
 * Compiles the checked formulas into one JavaScript loop. The code comes from
 * checkFormula (numbers, indices, operators and RUNTIME calls only) and from
 * the fixed text below; no scenario text reaches it.
 */
export function compileProgram(model: Model, pinned: ReadonlySet<string> = new Set()): Program {
  const key = [...pinned].sort().join(',');
  const programs = cache.get(model) ?? new Map<string, Program>();
  cache.set(model, programs);
  const known = programs.get(key);
  if (known) return known;

  const statements = model.figures.map((f) =>
    f.kind === 'assumption' || pinned.has(f.name)
      ? `r[${f.index}]=c[${f.index}][i];`
      : `c[${f.index}][i]=r[${f.index}]=${f.code};`,
  );
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
  programs.set(key, program);
  return program;
}
