import { NOT_FINITE_CAUSES } from '../expr/check.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostic.js';
import { placeOf, showableIn, unitOf, type Figure, type Model } from '../scenario/model.js';
import type { Overrides } from '../scenario/run.js';
import { compileProgram, type Plan } from '../scenario/program.js';
import { figuresBehind } from '../scenario/graph.js';
import { overBudget } from './budget.js';
import { fillNormal, Mulberry32, skipDraws, Z95 } from './random.js';
import type { Range } from '../scenario/range.js';

export interface SampleOptions {
  samples: number;
  seed: number;
}

/** One column of draws per figure kept, in base units, indexed like `model.figures`. */
export interface Samples {
  samples: number;
  seed: number;
  /**
   * A figure not asked for, nor drawn, has an empty column, and so has a
   * drawn input the caller said it would not read ('wanted only'); an input
   * the same in every sample, a column of one. percentiles() given a column as its
   * work reorders it: after that its samples no longer pair with the others'.
   */
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
 * Samples drawn at a time when the drawn inputs' columns are not returned:
 * each input's draws live in one reused block of this size (in cache, and
 * not n numbers of fresh memory, slow to touch the first time on some machines).
 */
export const BLOCK = 4096;

/**
 * Which columns the caller reads after sampling: the drawn inputs' too
 * (sensitivity runs the plan on them again), or only the wanted figures'
 * (estimate), when the other inputs are drawn a block at a time and their
 * columns come back empty. The draws are the same either way.
 */
export type Reads = 'inputs too' | 'wanted only';

/**
 * Monte Carlo over the checked model: each input column is drawn once
 * (typed arrays, no unit objects), then the compiled program runs every
 * sample's formulas in dependency order. Only the figures in `wanted` and
 * what they use are run, and only the ranged inputs and `wanted` keep a
 * column: the memory is samples × those, refused beyond MEMORY_BUDGET before
 * anything is allocated. Inputs are independent. A wanted figure that is not
 * finite in some samples is an error that names it. With `reads` 'wanted
 * only', the inputs not wanted are not kept: the fresh memory touched is the
 * wanted columns (see carriers and BLOCK), and the samples are the same.
 */
export function sampleModel(
  model: Model,
  overrides: Overrides,
  options: SampleOptions,
  wanted: readonly string[] = model.figures.filter((f) => f.kind === 'derived').map((f) => f.name),
  reads: Reads = 'inputs too',
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
  const drawn: Figure[] = [];
  for (const f of model.figures) {
    if (!behind.has(f.name)) continue;
    compute.add(f.index);
    if (f.kind === 'derived' && !pinned.has(f.name)) {
      if (wantedSet.has(f.name)) {
        keep.add(f.index);
        formulas.push(f);
      }
    } else if (ranges.has(f.name)) {
      keep.add(f.index);
      drawn.push(f);
    } else constant.add(f.index);
  }
  // The columns kept and two of headroom (a copy for percentiles(), a spare), so that the limit
  // users were told stays as it was: refused before one is allocated.
  const tooMany = overBudget(n, keep.size + 2, 'samples');
  if (tooMany) return fail(tooMany);
  const unread = reads === 'wanted only' ? drawn.filter((f) => !wantedSet.has(f.name)) : [];
  const carried = carriers(unread, formulas);
  const leftOver = unread.filter((f) => !carried.has(f.index));
  const size = n > BLOCK && leftOver.length ? BLOCK : n;
  const inBlocks = new Set(size < n ? leftOver.map((f) => f.index) : []);
  const columns = model.figures.map((f) => {
    if (constant.has(f.index)) return Float64Array.of(overrides.get(f.name)?.value ?? f.value!);
    if (inBlocks.has(f.index)) return new Float64Array(size);
    return keep.has(f.index) && !carried.has(f.index) ? new Float64Array(n) : NONE;
  });
  for (const [input, formula] of carried) columns[input] = columns[formula]!;
  // Whole columns are drawn now, in figure order, from one generator; a column drawn a block at a
  // time gets its own, started where it would begin in that sequence.
  const random = new Mulberry32(options.seed);
  const own = new Map<number, Mulberry32>();
  const extremes = drawn.map(() => new Extremes());
  for (const [j, f] of drawn.entries()) {
    const range = ranges.get(f.name)!;
    if (!inBlocks.has(f.index)) {
      // A block at a time too, so that drawing, scaling and the extremes pass over memory once.
      const column = columns[f.index]!;
      for (let start = 0; start < n; start += BLOCK) {
        const part = column.subarray(start, Math.min(n, start + BLOCK));
        draw(range, part, random);
        extremes[j]!.add(part);
      }
      continue;
    }
    own.set(f.index, new Mulberry32(random.state));
    if (j < drawn.length - 1) skipDraws(random, range.dist === 'uniform' ? 'uniform' : 'normal', n);
  }
  const plan: Plan = { compute, keep, constant };
  const program = compileProgram(model, pinned, plan);
  // Each block's part of every column the program touches: a view of a whole column, or a reused block.
  const part = [...columns];
  const formulaExtremes = formulas.map(() => new Extremes());
  for (let start = 0; start < n; start += size) {
    const count = Math.min(size, n - start);
    for (const [k, column] of columns.entries()) {
      if (column.length === n) part[k] = column.subarray(start, start + count);
      else if (inBlocks.has(k)) part[k] = column.subarray(0, count);
    }
    for (const [j, f] of drawn.entries()) {
      if (!inBlocks.has(f.index)) continue;
      draw(ranges.get(f.name)!, part[f.index]!, own.get(f.index)!);
      extremes[j]!.add(part[f.index]!);
    }
    program(part, count);
    for (const [j, f] of formulas.entries()) formulaExtremes[j]!.add(part[f.index]!);
  }
  // A lognormal over a huge span can overflow a draw (or its unit): the range is to blame, not a formula that uses it.
  for (const [j, f] of drawn.entries())
    if (!extremes[j]!.every(showableIn(f))) return fail(overflowed(model, f, overrides.has(f.name)));
  for (const [j, f] of formulas.entries()) {
    // Finite in base units and in the figure's own unit, where its percentiles are shown.
    const factor = unitOf(f).factor;
    const finite = (x: number) => Number.isFinite(x / factor) && Number.isFinite(x);
    if (!formulaExtremes[j]!.every(finite)) {
      const col = columns[f.index]!;
      let bad = 0;
      for (let i = 0; i < n; i++) if (!finite(col[i]!)) bad++;
      return fail({
        code: 'not-finite',
        message: `\`${f.name}\` is not finite in ${bad} of ${n} samples (${NOT_FINITE_CAUSES}, in part of a range?)`,
        ...placeOf(model, f),
        hint: 'narrow the ranges it uses, or keep them away from zero',
      });
    }
  }
  for (const f of unread) columns[f.index] = NONE;
  return ok({ samples: n, seed: options.seed, columns, ranged: [...ranges.keys()], plan });
}

/**
 * Drawn inputs the caller will not read, each paired with a wanted formula
 * whose column can carry its draws: the program reads input k of a sample (at
 * step k) before formula o writes that sample (at step o > k), so one column
 * of memory serves both. Greedy in figure order, which pairs as many as can be.
 */
function carriers(unread: readonly Figure[], formulas: readonly Figure[]): Map<number, number> {
  const out = new Map<number, number>();
  let next = 0;
  for (const f of unread) {
    while (next < formulas.length && formulas[next]!.index <= f.index) next++;
    if (next === formulas.length) break;
    out.set(f.index, formulas[next++]!.index);
  }
  return out;
}

/**
 * The smallest and largest value of a column, taken a block at a time, and
 * whether any is NaN: for a check `ok` that holds on an interval (a finite
 * bound on |x|, or on |x / factor|), the extremes decide, found without a
 * call per value.
 */
class Extremes {
  low = Infinity;
  high = -Infinity;
  nan = false;
  add(column: Float64Array): void {
    let low = this.low;
    let high = this.high;
    for (let i = 0; i < column.length; i++) {
      const x = column[i]!;
      if (x < low) low = x;
      if (x > high) high = x;
      if (Number.isNaN(x)) this.nan = true;
    }
    this.low = low;
    this.high = high;
  }
  /** Whether `ok` holds for every value seen (and for none, when none was). */
  every(ok: (x: number) => boolean): boolean {
    return !this.nan && (this.low > this.high || (ok(this.low) && ok(this.high)));
  }
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

/** Draws into `out`: normal draws are made in place, then scaled (the same arithmetic as drawing them apart). */
function draw(range: Range, out: Float64Array, random: Mulberry32): void {
  const { low, high } = range;
  switch (range.dist) {
    case 'uniform':
      for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * random.uniform();
      return;
    case 'normal':
      fillNormal(out, random, (low + high) / 2, (high - low) / (2 * Z95), false);
      return;
    case 'lognormal':
      fillNormal(out, random, (Math.log(low) + Math.log(high)) / 2, (Math.log(high) - Math.log(low)) / (2 * Z95), true);
      return;
    default:
      range.dist satisfies never;
  }
}

/**
 * Percentiles (0-100) of a column, by linear interpolation between order
 * statistics. Selection, not a full sort: the order statistics needed (each
 * percentile's rank and, where it interpolates, the next) are placed by
 * Floyd-Rivest selection, the middle one first so that each side is searched
 * apart: about one pass over the column per percentile.
 *
 * The selection reorders `work`, a copy of the column unless the caller
 * gives the column itself, when it needs the order no more: a million samples
 * are 8 MB, and memory the process has not touched yet is slow to fill (on
 * some machines more than the selection).
 */
export function percentiles(
  column: Float64Array,
  ps: readonly number[],
  work: Float64Array = column.slice(),
): number[] {
  const last = work.length - 1;
  const ranks = new Set<number>();
  for (const p of ps) {
    const at = (p / 100) * last;
    const lo = Math.floor(at);
    ranks.add(lo);
    if (lo !== last && at !== lo) ranks.add(lo + 1);
  }
  selectAll(
    work,
    [...ranks].sort((a, b) => a - b),
    0,
    ranks.size - 1,
    0,
    last,
  );
  return ps.map((p) => {
    const at = (p / 100) * last;
    const lo = Math.floor(at);
    const low = work[lo]!;
    return lo === last || at === lo ? low : low + (work[lo + 1]! - low) * (at - lo);
  });
}

/** Places ranks[from..to] (ascending), each within a[left..right]: the middle rank, then each side's on its side. */
function selectAll(a: Float64Array, ranks: readonly number[], from: number, to: number, left: number, right: number) {
  if (from > to) return;
  const mid = (from + to) >>> 1;
  const k = ranks[mid]!;
  select(a, k, left, right);
  selectAll(a, ranks, from, mid - 1, left, k - 1);
  selectAll(a, ranks, mid + 1, to, k + 1, right);
}

/**
 * Rearranges a[left..right] so that a[k] is its (k - left)-th smallest,
 * smaller before, larger after: Floyd and Rivest's selection (1975), which
 * first narrows to a window around k chosen from a sample, so that the
 * partition passes over the range about once. Rank `left` or `right` is a scan.
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  if (k === left || k === right) {
    let best = k;
    for (let i = left; i <= right; i++) if (k === left ? a[i]! < a[best]! : a[i]! > a[best]!) best = i;
    swap(a, k, best);
    return;
  }
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(
        a,
        k,
        Math.max(left, Math.floor(k - (m * s) / n + sd)),
        Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)),
      );
    }
    const pivot = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > pivot) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
    }
    if (a[left] === pivot) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
