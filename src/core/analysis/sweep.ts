import { NOT_FINITE_CAUSES } from '../expr/check.js';
import { DiagnosticError, fail, ok, type Result } from '../diagnostic.js';
import { placeOf, showableIn, unitOf, type Figure, type Model } from '../scenario/model.js';
import { notInUnitOf, readFor } from '../scenario/plain.js';
import { compileProgram } from '../scenario/program.js';
import { figuresBehind } from '../scenario/graph.js';
import { overBudget } from './budget.js';
import type { Overrides } from '../scenario/run.js';
import { didYouMean } from '../suggest.js';

/** `--vary name=FROM..TO`, read against a model: FROM and TO in base units. */
export interface Vary {
  name: string;
  from: number;
  to: number;
}

/** Points from `from` to `to`, both included: evenly spaced, or evenly on a log scale. */
export function sweepPoints(from: number, to: number, steps: number, log = false): number[] {
  const last = steps - 1;
  return Array.from({ length: steps }, (_, i) => {
    if (i === last) return to; // exactly TO, whatever the rounding on the way
    const t = i / last;
    if (log) {
      const ratio = to / from;
      return Number.isFinite(ratio) ? from * ratio ** t : Math.exp(Math.log(from) * (1 - t) + Math.log(to) * t);
    }
    // to − from overflows for -1e308..1e308: then the ends weighted instead.
    return Number.isFinite(to - from) ? from + (to - from) * t : from * (1 - t) + to * t;
  });
}

/**
 * Reads `FROM..TO` for a figure, as --set reads a value: a quantity of the
 * figure's dimension, or a plain number meaning the figure's own unit.
 */
export function readVary(model: Model, name: string, text: string, log: boolean): Result<Vary> {
  const figure = model.byName.get(name);
  const flag = `--vary ${name}=${text}`;
  if (!figure) {
    const guess = didYouMean(name, model.byName.keys());
    return fail({
      code: 'bad-override',
      message: `${flag}: \`${name}\` is not a figure of ${model.name}`,
      hint: guess ? `did you mean \`${guess}\`?` : `the assumptions are ${assumptionNames(model)}`,
    });
  }
  const dots = text.indexOf('..');
  const ends: number[] = [];
  // The first bad end only: `10MB..1GB` for users is one mistake, not two.
  for (const part of [text.slice(0, dots), text.slice(dots + 2)]) {
    const value = readEnd(model, figure, part, flag);
    if (!value.ok) return value;
    ends.push(value.value);
  }
  const [from, to] = ends as [number, number];
  if (!(from < to))
    return fail({
      code: 'bad-override',
      message: `${flag}: FROM must be below TO`,
      hint: 'write the smaller value first: FROM..TO',
    });
  if (log && from <= 0)
    return fail({
      code: 'bad-override',
      message: `${flag}: --log needs FROM above zero`,
      hint: 'start the range above zero, or drop --log',
    });
  return ok({ name, from, to });
}

function readEnd(model: Model, figure: Figure, text: string, flag: string): Result<number> {
  try {
    // A plain number is read in the figure's own unit: dau=10M..1bn means 10 M user to 1 bn user.
    const { quantity: q, range } = readFor(figure, text, model.registry);
    if (range)
      return fail({
        code: 'bad-override',
        message: `${flag}: \`${text.trim()}\` is a range; give a single quantity at each end`,
        hint: 'e.g. --vary dau=10M..1bn',
      });
    if (!q.dim.equals(figure.dim)) {
      const unit = unitOf(figure).text;
      return fail({
        code: 'unit-mismatch',
        message: `${flag}: ${notInUnitOf(figure, q)}`,
        hint: `give quantities in ${unit}, or plain numbers to mean ${unit}`,
      });
    }
    return ok(q.value);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    return fail(
      ...e.diagnostics.map((d) => ({
        code: d.code,
        message: `${flag}: \`${text.trim()}\`: ${d.message}`,
        ...(d.hint ? { hint: d.hint } : {}),
      })),
    );
  }
}

/** The figures to show must exist; the first unknown one is named with a suggestion. */
export function readShow(model: Model, names: readonly string[]): Result<string[]> {
  for (const n of names) {
    if (model.byName.has(n)) continue;
    const guess = didYouMean(n, model.byName.keys());
    return fail({
      code: 'unknown-name',
      message: `--show ${n}: \`${n}\` is not a figure of ${model.name}`,
      hint: guess
        ? `did you mean \`${guess}\`?`
        : `the results are ${model.figures
            .filter((f) => f.kind === 'derived')
            .map((f) => f.name)
            .join(', ')}`,
    });
  }
  return ok([...new Set(names)]);
}

/** Inputs and each shown figure at every point, in base units: `values[k][i]` is show[k] at points[i]. */
export interface SweepResult {
  points: number[];
  values: number[][];
}

/**
 * Evaluates the model at every point in one pass of the compiled program:
 * the varied figure is pinned like a --set, one column entry per point. Only
 * the shown figures and what they use are run, and only the shown keep a
 * column: steps × shown, refused beyond MEMORY_BUDGET before allocating.
 */
export function sweepModel(
  model: Model,
  overrides: Overrides,
  vary: Vary,
  points: readonly number[],
  show: readonly string[],
): Result<SweepResult> {
  const tooMany = overBudget(points.length, show.length + 1, 'steps');
  if (tooMany) return fail(tooMany);
  const columns = sweepColumns(model, overrides, vary.name, points, show);
  const values = show.map((name) => Array.from(columns[model.byName.get(name)!.index]!));
  for (const [k, name] of show.entries()) {
    const f = model.byName.get(name)!;
    const fits = showableIn(f);
    const bad = values[k]!.findIndex((v) => !fits(v));
    if (bad >= 0) {
      return fail({
        code: 'not-finite',
        message: `\`${name}\` is not finite at ${vary.name} = ${points[bad]} (base units): ${NOT_FINITE_CAUSES}?`,
        ...placeOf(model, f),
        hint: `sweep a range that keeps \`${name}\` finite`,
      });
    }
  }
  return ok({ points: [...points], values });
}

/**
 * The figures at each point of one figure, in one compiled pass: a column
 * per figure (of `wanted` only when given; the others empty), in base units,
 * not checked. The caller checks what it shows.
 */
export function sweepColumns(
  model: Model,
  overrides: Overrides,
  name: string,
  points: readonly number[],
  wanted?: readonly string[],
): Float64Array[] {
  const n = points.length;
  const pinned = new Set([...overrides.keys(), name]);
  const varied = model.byName.get(name)!.index;
  if (!wanted) {
    const columns = model.figures.map((f) => new Float64Array(n).fill(overrides.get(f.name)?.value ?? f.value ?? 0));
    columns[varied]!.set(points);
    compileProgram(model, pinned)(columns, n);
    return columns;
  }
  const behind = figuresBehind(model, wanted, pinned);
  const compute = new Set(model.figures.filter((f) => behind.has(f.name)).map((f) => f.index));
  const keep = new Set(wanted.map((w) => model.byName.get(w)!.index));
  const input = (f: Figure) => f.kind === 'assumption' || pinned.has(f.name);
  // An input shown keeps a full column (it is read at every step); one only used is read once.
  const constant = new Set(
    model.figures
      .filter((f) => compute.has(f.index) && f.index !== varied && input(f) && !keep.has(f.index))
      .map((f) => f.index),
  );
  const setValue = (f: Figure) => overrides.get(f.name)?.value ?? f.value ?? 0;
  const columns = model.figures.map((f) => {
    if (constant.has(f.index)) return Float64Array.of(setValue(f));
    if (f.index === varied || !keep.has(f.index)) return new Float64Array(f.index === varied ? n : 0);
    return input(f) ? new Float64Array(n).fill(setValue(f)) : new Float64Array(n);
  });
  columns[varied]!.set(points);
  compileProgram(model, pinned, { compute, keep, constant })(columns, n);
  return columns;
}
function assumptionNames(model: Model): string {
  return model.figures
    .filter((f) => f.kind === 'assumption')
    .map((f) => f.name)
    .join(', ');
}
