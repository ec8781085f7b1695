import type { Expr } from '../expr/ast.js';
import { referent } from '../expr/referent.js';
import type { Figure, Model } from '../scenario/model.js';
import type { Overrides } from '../scenario/run.js';
import { sweepColumns } from './sweep.js';
import { Dimension } from '../units/dimension.js';

/** A figure that accumulates over a horizon, at the end of each year. Values in base units. */
export interface Growth {
  name: string;
  /** The duration assumption it multiplies by (retention, service_life). */
  horizon: string;
  /** The horizon in years, as set. */
  years: number;
  points: Array<{ year: number; value: number }>;
}

const TIME = Dimension.base('s');
/** More bars than this read as noise: longer horizons are shown in steps of several years. */
const MAX_BARS = 20;

/**
 * The factors a formula multiplies by: `a * b / c` gives a and b (c divides,
 * so it does not accumulate). Anything but products and parentheses gives
 * nothing: `ceil(log(records))` grows, but not in proportion.
 */
function numeratorNames(e: Expr, model: Model): string[] {
  switch (e.kind) {
    case 'name': {
      // `10 year` multiplies by the unit, even where a figure is called `year`.
      const r = referent(e, model.registry, (n) => model.byName.get(n));
      return r && 'figure' in r ? [e.name] : [];
    }
    case 'paren':
      return numeratorNames(e.inner, model);
    case 'bin':
      if (e.op === '*') return [...numeratorNames(e.left, model), ...numeratorNames(e.right, model)];
      if (e.op === '/') return numeratorNames(e.left, model);
      return [];
    default:
      return [];
  }
}

/**
 * The horizon a figure accumulates over: a time assumption it multiplies by
 * once (rate × duration), or a figure that does so (storage = records × size,
 * records = per day × service life). Pinned figures have no formula here.
 */
export function horizonOf(
  model: Model,
  figure: Figure,
  pinned: ReadonlySet<string>,
  memo = new Map<string, string | undefined>(),
): string | undefined {
  if (memo.has(figure.name)) return memo.get(figure.name);
  let found: string | undefined;
  if (figure.kind === 'derived' && !pinned.has(figure.name)) {
    const names = numeratorNames(figure.expr, model);
    for (const n of names) {
      const f = model.byName.get(n);
      if (!f) continue;
      const h = f.kind === 'assumption' ? (f.dim.equals(TIME) ? f.name : undefined) : horizonOf(model, f, pinned, memo);
      // The horizon must enter once: retention² would not grow year by year in proportion.
      if (h && names.filter((m) => m === n).length === 1) {
        found = h;
        break;
      }
    }
  }
  memo.set(figure.name, found);
  return found;
}

/**
 * Year-by-year values of every figure that accumulates over a horizon of a
 * year or more: the model evaluated with the horizon set to 1 year, 2 years...
 * up to its value (the last point is the value itself when it is not whole).
 */
export function growthSeries(model: Model, values: Float64Array, overrides: Overrides = new Map()): Growth[] {
  const pinned = new Set(overrides.keys());
  const year = model.registry.conventions.year;
  const memo = new Map<string, string | undefined>();
  const byHorizon = new Map<string, Figure[]>();
  // In the model's order, where each figure comes after those it uses: the memo answers each
  // recursion of horizonOf at once, so even a chain of 50,000 formulas goes one call deep.
  for (const f of model.figures) {
    const h = horizonOf(model, f, pinned, memo);
    // A cost per month that grows with what is stored is a bill, not an amount that accumulates.
    if (h && f.section !== 'cost') byHorizon.set(h, [...(byHorizon.get(h) ?? []), f]);
  }
  const out: Growth[] = [];
  for (const [horizon, figures] of byHorizon) {
    const years = values[model.byName.get(horizon)!.index]! / year;
    if (!(years >= 1)) continue;
    const step = Math.ceil(Math.floor(years) / MAX_BARS);
    const marks: number[] = [];
    for (let y = step; y <= years + 1e-9; y += step) marks.push(y);
    if (Math.abs(marks[marks.length - 1]! - years) > 1e-9) marks.push(years);
    const columns = sweepColumns(
      model,
      overrides,
      horizon,
      marks.map((y) => y * year),
    );
    for (const f of figures) {
      // A figure not finite in some year (a division by zero at 1 year) drops that figure, not the others.
      const column = columns[f.index]!;
      if (!column.every(Number.isFinite)) continue;
      out.push({ name: f.name, horizon, years, points: marks.map((y, i) => ({ year: y, value: column[i]! })) });
    }
  }
  return out.sort((a, b) => model.byName.get(a.name)!.index - model.byName.get(b.name)!.index);
}
