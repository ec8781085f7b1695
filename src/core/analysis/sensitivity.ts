import { fail, ok, type Result } from '../diagnostic.js';
import { figuresBehind } from '../scenario/graph.js';
import { callNodes } from '../expr/ast.js';
import { functionNamed } from '../expr/calls.js';
import { placeOf, type Figure, type Model } from '../scenario/model.js';
import { compileProgram } from '../scenario/program.js';
import { evaluateModel, type Input, type Overrides } from '../scenario/run.js';
import { medianOf, type Range } from '../scenario/range.js';
import { rangesOf, sampleModel, type SampleOptions } from './sample.js';

/** One assumption moved from its low end to its high end, the others at their point values. In base units. */
export interface Swing {
  name: string;
  low: number;
  high: number;
  /** 'range': the range's p5 and p95 (a uniform's too); 'half': ±50% of the point value. */
  basis: 'range' | 'half';
  resultLow: number;
  resultHigh: number;
  /**
   * How far the result spreads over the swing: the span of the result at the
   * low end, at the point value and at the high end. For a result that moves
   * one way with the input, |resultHigh - resultLow|; for one that does not
   * (abs(x - 1) as x swings from -1 to 3), not zero.
   */
  swing: number;
}

/** How much of the result's variance each ranged input carries: 1 - Var(fixed at median) / Var(all). */
export interface VarianceShares {
  samples: number;
  seed: number;
  variance: number;
  shares: Array<{ name: string; share: number }>;
}

export interface Sensitivity {
  result: string;
  /** The result at every point value (a range's median). */
  baseline: number;
  /** Largest swing first. */
  swings: Swing[];
  variance?: VarianceShares;
}

/**
 * The inputs a figure depends on: assumptions, and derived figures pinned
 * with --set (whose formula no longer applies, so the walk stops there).
 */
export function inputsOf(model: Model, name: string, pinned: ReadonlySet<string>): Figure[] {
  // The studied figure itself is an input only when it is pinned (or an assumption): then nothing else moves it.
  const behind = figuresBehind(model, [name], pinned);
  return model.figures.filter((f) => behind.has(f.name) && (f.kind === 'assumption' || pinned.has(f.name)));
}

/**
 * The ends an input swings between. A lognormal or normal range's written ends
 * are already its p5 and p95; a uniform's ends are bounds, so its p5 and p95
 * lie 5% inside them: every ranged input then swings over the same 90%.
 */
export function swingEnds(
  value: number,
  range: Range | undefined,
  ceiling = Infinity,
): { low: number; high: number; basis: Swing['basis'] } {
  if (!range) return { low: value * 0.5, high: Math.max(value, Math.min(ceiling, value * 1.5)), basis: 'half' };
  if (range.dist === 'uniform') {
    const w = range.high - range.low;
    return { low: range.low + 0.05 * w, high: range.high - 0.05 * w, basis: 'range' };
  }
  return { low: range.low, high: range.high, basis: 'range' };
}

/**
 * The largest value an input may swing to: the least `max` of the parameters
 * it is passed to by name (a utilization of 70% swings to 100%, where
 * servers() stops; a growth rate of 80% to 120%).
 */
function ceilingOf(model: Model, name: string): number {
  let ceiling = Infinity;
  for (const g of model.figures) {
    if (g.kind !== 'derived') continue;
    for (const call of callNodes(g.expr)) {
      const params = functionNamed(call.fn)?.params ?? [];
      call.args.forEach((a, i) => {
        const max = params[i]?.max;
        if (max !== undefined && a.kind === 'name' && a.name === name) ceiling = Math.min(ceiling, max);
      });
    }
  }
  return ceiling;
}

/** One-at-a-time swings of `result`, sorted by size (ties keep the scenario's order). */
export function swings(
  model: Model,
  overrides: Overrides,
  result: string,
): Result<{ baseline: number; swings: Swing[] }> {
  const base = evaluateModel(model, overrides);
  if (!base.ok) return base;
  const target = model.byName.get(result)!.index;
  const ranges = rangesOf(model, overrides);
  const out: Swing[] = [];
  for (const f of inputsOf(model, result, new Set(overrides.keys()))) {
    const ends = swingEnds(base.value[f.index]!, ranges.get(f.name), ceilingOf(model, f.name));
    const at = (value: number): Result<number> => {
      const pinned = new Map<string, Input>(overrides);
      pinned.set(f.name, { value });
      const r = evaluateModel(model, pinned);
      return r.ok
        ? ok(r.value[target]!)
        : fail(
            ...r.diagnostics.map((d) => ({
              ...d,
              message: `with ${f.name} at ${value === ends.low ? 'its low' : 'its high'} end: ${d.message}`,
            })),
          );
    };
    const low = at(ends.low);
    if (!low.ok) return low;
    const high = at(ends.high);
    if (!high.ok) return high;
    const seen = [low.value, base.value[target]!, high.value];
    out.push({
      name: f.name,
      ...ends,
      resultLow: low.value,
      resultHigh: high.value,
      swing: Math.max(...seen) - Math.min(...seen),
    });
  }
  // A stable sort: equal swings (mau and daily_active, both ±50%) stay in the file's order.
  out.sort((a, b) => b.swing - a.swing);
  return ok({ baseline: base.value[target]!, swings: out });
}

/**
 * Shares of variance by fixing one ranged input at its median. The draws are
 * made once and reused: the fixed run keeps every other input's draws, so the
 * difference comes from the fixed input alone and not from sampling noise.
 * Each share is measured on its own, so they need not add up to 100%: fixing
 * a factor of a product at its median removes more than its average share
 * (the median is below the mean of a lognormal), and interactions count twice.
 */
export function varianceShares(
  model: Model,
  overrides: Overrides,
  result: string,
  options: SampleOptions,
): Result<VarianceShares | undefined> {
  const pinned = new Set(overrides.keys());
  const ranges = rangesOf(model, overrides);
  const ranged = inputsOf(model, result, pinned).filter((f) => ranges.has(f.name));
  if (!ranged.length) return ok(undefined);
  const sampled = sampleModel(model, overrides, options, [result]);
  if (!sampled.ok) return sampled;
  const { columns, samples: n, plan } = sampled.value;
  const target = model.byName.get(result)!.index;
  const all = variance(columns[target]!);
  // (x − mean)² of values near 1e154 and beyond passes the largest number: a variance that cannot be held is refused.
  if (!Number.isFinite(all))
    return fail({
      code: 'not-finite',
      message: `${pinned.has(result) ? `--set ${result}: ` : ''}the variance of \`${result}\` is too large to hold (above 1.8e308)`,
      ...(pinned.has(result) ? {} : placeOf(model, model.byName.get(result)!)),
      hint: 'narrow the ranges it uses',
    });
  // The program writes only the result's column (when it is a formula): inputs are shared with the draws, save the one fixed.
  const computed = model.figures[target]!.kind === 'derived' && !pinned.has(result);
  const work = columns.map((c, i) => (i === target && computed ? new Float64Array(n) : c));
  const program = compileProgram(model, pinned, plan);
  const shares = ranged.map((f) => {
    work[f.index] = new Float64Array(n).fill(medianOf(ranges.get(f.name)!));
    program(work, n);
    // Measured before the input's draws go back: the result may be that input (pinned with --set).
    const fixed = variance(work[target]!);
    work[f.index] = columns[f.index]!;
    // Noise can make a tiny share slightly negative; a share below zero means none.
    return { name: f.name, share: all > 0 && Number.isFinite(fixed) ? Math.max(0, 1 - fixed / all) : 0 };
  });
  shares.sort((a, b) => b.share - a.share);
  return ok({ samples: n, seed: options.seed, variance: all, shares });
}

/** Population variance, two-pass for accuracy with large means (bytes run to 1e18). */
export function variance(xs: Float64Array): number {
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let sum = 0;
  for (const x of xs) sum += (x - mean) * (x - mean);
  return sum / xs.length;
}

/** Both analyses; the variance shares only when an input of `result` is a range. */
export function sensitivity(
  model: Model,
  overrides: Overrides,
  result: string,
  options: SampleOptions,
): Result<Sensitivity> {
  // Monte Carlo first: a request beyond the memory budget is refused before the swings' evaluations.
  const v = varianceShares(model, overrides, result, options);
  if (!v.ok) return v;
  const s = swings(model, overrides, result);
  if (!s.ok) return s;
  return ok({ result, ...s.value, ...(v.value ? { variance: v.value } : {}) });
}

/**
 * The figures `bote sensitivity NAME` studies when no result is named: those
 * the scenario marks `headline: true`; failing that, every result with a
 * published figure; failing that, every result.
 */
export function headlineResults(model: Model): string[] {
  const results = model.figures.filter((f) => f.kind === 'derived');
  const marked = results.filter((f) => f.headline);
  if (marked.length) return marked.map((f) => f.name);
  const published = new Set(model.expectations.map((e) => e.name));
  const checked = results.filter((f) => published.has(f.name));
  return (checked.length ? checked : results).map((f) => f.name);
}
