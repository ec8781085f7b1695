import { NOT_FINITE_CAUSES } from '../expr/check.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostic.js';
import { placeOf, showableIn, unitOf, type Figure, type Model } from '../scenario/model.js';
import type { Overrides } from '../scenario/run.js';
import { compileProgram, type Plan } from '../scenario/program.js';
import { figuresBehind } from '../scenario/graph.js';
import { overBudget } from './budget.js';
import { fillStandardNormal, mulberry32, Z95, type Random } from './random.js';
import type { Range } from '../scenario/range.js';

export interface SampleOptions {
  samples: number;
  seed: number;
}

/** One column of draws per figure kept, in base units, indexed like `model.figures`. */
export interface Samples {
  samples: number;
  seed: number;
  /** A figure not asked for, nor drawn, has an empty column; an input the same in every sample, a column of one. */
  columns: Float64Array[];
  /** The figures whose value is a range here (written so, or set with --set). */
  ranged: string[];
  /** What was run: the same plan runs these columns again (sensitivity fixes one input at a time). */
  plan: Plan;
}

/** The figures that are guesses: written as ranges, or set to one. */
export function rangesOf(model: Model, overrides: Overrides = new Map()): Map<string, Range> {
  const out = new Map<string, Range>();
  for (const f of model.figures) {
    const pinned = overrides.get(f.name);
    const range = pinned ? pinned.range : f.range;
    if (range) out.set(f.name, range);
  }
  return out;
}

const NONE = new Float64Array(0);

/**
 * Monte Carlo over the checked model: each input column is drawn once
 * (typed arrays, no unit objects), then the compiled program runs every
 * sample's formulas in dependency order. Only the figures in `wanted` and
 * what they use are run, and only the ranged inputs and `wanted` keep a
 * column: the memory is samples × those, refused beyond MEMORY_BUDGET before
 * anything is allocated. Inputs are independent. A wanted figure that is not
 * finite in some samples is an error that names it.
 */
export function sampleModel(
  model: Model,
  overrides: Overrides,
  options: SampleOptions,
  wanted: readonly string[] = model.figures.filter((f) => f.kind === 'derived').map((f) => f.name),
): Result<Samples> {
  const n = Math.max(1, Math.floor(options.samples));
  const pinned = new Set(overrides.keys());
  const ranges = rangesOf(model, overrides);
  const behind = figuresBehind(model, wanted, pinned);
  const wantedSet = new Set(wanted);
  const compute = new Set<number>();
  const keep = new Set<number>();
  const constant = new Set<number>();
  const formulas: Figure[] = [];
  for (const f of model.figures) {
    if (!behind.has(f.name)) continue;
    compute.add(f.index);
    if (f.kind === 'derived' && !pinned.has(f.name)) {
      if (wantedSet.has(f.name)) {
        keep.add(f.index);
        formulas.push(f);
      }
    } else if (ranges.has(f.name)) keep.add(f.index);
    else constant.add(f.index);
  }
  // The columns kept, the normal draws and the copy percentiles sort: refused before one is allocated.
  const tooMany = overBudget(n, keep.size + 2, 'samples');
  if (tooMany) return fail(tooMany);
  const random = mulberry32(options.seed);
  const columns = model.figures.map((f) =>
    keep.has(f.index) ? new Float64Array(n) : constant.has(f.index) ? new Float64Array(1) : NONE,
  );
  const normal = new Float64Array(n);
  for (const f of model.figures) {
    if (!compute.has(f.index) || (f.kind === 'derived' && !pinned.has(f.name))) continue;
    const range = ranges.get(f.name);
    if (!range) {
      columns[f.index]![0] = overrides.get(f.name)?.value ?? f.value!;
      continue;
    }
    draw(range, columns[f.index]!, normal, random);
    // A lognormal over a huge span can overflow a draw (or its unit): the range is to blame, not a formula that uses it.
    if (!columns[f.index]!.every(showableIn(f))) return fail(overflowed(model, f, overrides.has(f.name)));
  }
  const plan: Plan = { compute, keep, constant };
  compileProgram(model, pinned, plan)(columns, n);
  for (const f of formulas) {
    const col = columns[f.index]!;
    // Finite in base units and in the figure's own unit, where its percentiles are shown.
    const factor = unitOf(f).factor;
    let bad = 0;
    for (let i = 0; i < n; i++) if (!Number.isFinite(col[i]! / factor) || !Number.isFinite(col[i]!)) bad++;
    if (bad) {
      return fail({
        code: 'not-finite',
        message: `\`${f.name}\` is not finite in ${bad} of ${n} samples (${NOT_FINITE_CAUSES}, in part of a range?)`,
        ...placeOf(model, f),
        hint: 'narrow the ranges it uses, or keep them away from zero',
      });
    }
  }
  return ok({ samples: n, seed: options.seed, columns, ranged: [...ranges.keys()], plan });
}

/** A lognormal over a huge span can overflow a draw. */
function overflowed(model: Model, f: Figure, pinned: boolean): Diagnostic {
  const hint = 'narrow it: its ends are p5 and p95, so a span of many orders of magnitude reaches far past them';
  if (pinned) return { code: 'not-finite', message: `--set ${f.name}: the range gives draws too large to hold`, hint };
  return {
    code: 'not-finite',
    message: `the range of \`${f.name}\` gives draws too large to hold`,
    ...placeOf(model, f),
    hint,
  };
}

function draw(range: Range, out: Float64Array, normal: Float64Array, random: Random): void {
  const { low, high } = range;
  switch (range.dist) {
    case 'uniform':
      for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * random.uniform();
      return;
    case 'normal': {
      fillStandardNormal(normal, random);
      const mean = (low + high) / 2;
      const sd = (high - low) / (2 * Z95);
      for (let i = 0; i < out.length; i++) out[i] = mean + sd * normal[i]!;
      return;
    }
    case 'lognormal': {
      fillStandardNormal(normal, random);
      const mu = (Math.log(low) + Math.log(high)) / 2;
      const sigma = (Math.log(high) - Math.log(low)) / (2 * Z95);
      for (let i = 0; i < out.length; i++) out[i] = Math.exp(mu + sigma * normal[i]!);
      return;
    }
    default:
      range.dist satisfies never;
  }
}

/**
 * Percentiles (0-100) of a column, by linear interpolation between order
 * statistics. Selection, not a full sort: a few percentiles of 100,000
 * samples cost a millisecond or two instead of ten.
 */
export function percentiles(column: Float64Array, ps: readonly number[]): number[] {
  const work = Float64Array.from(column);
  const last = work.length - 1;
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(ps.length);
  // Ascending percentiles: after selecting rank k, every rank above it lies right of k.
  let left = 0;
  for (const [p, i] of order) {
    const at = (p / 100) * last;
    const lo = Math.floor(at);
    const low = select(work, lo, left);
    left = lo;
    if (lo === last || at === lo) {
      out[i] = low;
      continue;
    }
    let high = Infinity;
    for (let j = lo + 1; j <= last; j++) if (work[j]! < high) high = work[j]!;
    out[i] = low + (high - low) * (at - lo);
  }
  return out;
}

/** Rearranges `a` so that a[k] is the k-th smallest, smaller before, larger after (Hoare's selection). */
function select(a: Float64Array, k: number, from = 0): number {
  let left = from;
  let right = a.length - 1;
  while (left < right) {
    const pivot = a[(left + right) >>> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}
