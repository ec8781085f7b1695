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

  const steps = model.figures.flatMap((f): Step[] => {
    const k = f.index;
    if (plan?.compute && !plan.compute.has(k)) return [];
    if (f.kind === 'assumption' || pinned.has(f.name)) return [{ k, read: plan?.constant?.has(k) ? 'once' : 'each' }];
    return [{ k, code: f.code!, keep: !plan?.keep || plan.keep.has(k) }];
  });
  const run = steps.length <= CHUNK ? oneLoop(steps) : inParts(steps, model.figures.length);
  const program: Program = (columns, n) => run(columns, n, RUNTIME);
  if (!plan) programs.set(key, program);
  return program;
}

/** One figure's part of a sample: an input read (every sample, or once: a constant), or a formula run. */
type Step = { k: number; read: 'each' | 'once' } | { k: number; code: string; keep: boolean };
type Run = (c: Float64Array[], n: number, M: Runtime) => void;

/**
 * A small model as one loop whose values live in locals (r3 rather than
 * r[3]), each column it touches in a local too, and constants read before
 * the loop: what V8 keeps in registers, so a sample costs its arithmetic.
 */
function oneLoop(steps: readonly Step[]): Run {
  const local = (code: string) => code.replace(/r\[(\d+)\]/g, 'r$1');
  const used = new Set<number>();
  for (const s of steps) {
    used.add(s.k);
    if ('code' in s) for (const m of s.code.matchAll(/r\[(\d+)\]/g)) used.add(Number(m[1]));
  }
  const before: string[] = [];
  const each: string[] = [];
  for (const s of steps) {
    if (!('code' in s)) {
      if (s.read === 'once') before.push(`r${s.k}=c[${s.k}][0];`);
      else each.push(`r${s.k}=c${s.k}[i];`);
    } else each.push(s.keep ? `c${s.k}[i]=r${s.k}=${local(s.code)};` : `r${s.k}=${local(s.code)};`);
  }
  const columns = steps.filter((s) => (!('code' in s) ? s.read === 'each' : s.keep)).map((s) => `c${s.k}=c[${s.k}]`);
  const locals = [...used].map((k) => `r${k}=0`);
  return new Function(
    'c',
    'n',
    'M',
    // A plan with nothing to compute (ranges, no formula) declares nothing: `let ;` does not parse.
    `"use strict";${columns.length ? `const ${columns.join(',')};` : ''}${locals.length ? `let ${locals.join(',')};` : ''}${before.join('')}for(let i=0;i<n;i++){${each.join('')}}`,
  ) as Run;
}

/** A large model in functions of CHUNK statements each, over a shared array of values: V8 still optimises each part. */
function inParts(steps: readonly Step[], size: number): Run {
  const statements = steps.map((s) =>
    !('code' in s)
      ? `r[${s.k}]=c[${s.k}][${s.read === 'once' ? 0 : 'i'}];`
      : s.keep
        ? `c[${s.k}][i]=r[${s.k}]=${s.code};`
        : `r[${s.k}]=${s.code};`,
  );
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
  return (c, n, M) => {
    const r = new Float64Array(size);
    for (let i = 0; i < n; i++) for (const part of parts) part(r, c, i, M);
  };
}
