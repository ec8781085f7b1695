import { NOT_FINITE_CAUSES } from '../expr/check.js';
import { DiagnosticError, fail, ok, type Diagnostic, type Result } from '../diagnostic.js';
import { didYouMean } from '../suggest.js';
import type { Range } from './range.js';
import { notInUnitOf, readFor } from './plain.js';
import { placeOf, showable, unitOf, type Model } from './model.js';
import { compileProgram } from './program.js';
import { refusalIn } from '../expr/calls.js';

/** A value pinned by the user (`--set name=quantity` or `--set name="a to b"`), in base units. */
export interface Input {
  /** The point value: the quantity, or a range's median. */
  value: number;
  range?: Range;
}

/** Pinned values by figure name. */
export type Overrides = ReadonlyMap<string, Input>;

/**
 * Evaluates every figure: assumptions first, then derived figures in
 * dependency order. An overridden figure keeps its pinned value, even a derived
 * one (`--set dau=200M` replaces the formula of dau). Refuses non-finite
 * results, naming the first figure that produced one.
 */
export function evaluateModel(model: Model, overrides: Overrides = new Map()): Result<Float64Array> {
  const values = (overrides.size === 0 && asChecked(model)) || runOnce(model, overrides);
  for (const f of model.figures) {
    const value = values[f.index]!;
    if (!Number.isFinite(value)) return fail(notFinite(model, f, values, overrides));
    if (!showable(f, value)) return fail(tooLargeToShow(model, f, overrides));
  }
  return ok(values);
}

/**
 * The values computed when the model was checked: the same operations as the
 * program, without compiling one (a 100,000-figure model is megabytes of
 * code to run once). Undefined if a figure has none.
 */
function asChecked(model: Model): Float64Array | undefined {
  const values = new Float64Array(model.figures.length);
  for (const f of model.figures) {
    const value = f.kind === 'derived' ? f.evaluated : f.value;
    if (value === undefined) return undefined;
    values[f.index] = value;
  }
  return values;
}

function runOnce(model: Model, overrides: Overrides): Float64Array {
  const columns = model.figures.map((f) => Float64Array.of(overrides.get(f.name)?.value ?? f.value ?? 0));
  compileProgram(model, new Set(overrides.keys()))(columns, 1);
  return Float64Array.from(columns, (c) => c[0]!);
}

/**
 * Names the figure, and whether --set is the cause; a pinned figure has no
 * place in the file. A building block given arguments out of its domain says so.
 */
function notFinite(model: Model, f: Model['figures'][number], values: Float64Array, overrides: Overrides): Diagnostic {
  const value = values[f.index]!;
  const what = Number.isNaN(value) ? 'not a number' : 'infinite';
  if (overrides.has(f.name)) return { code: 'not-finite', message: `--set ${f.name}: the value is ${what}` };
  const set = f.uses.filter((u) => overrides.has(u));
  const bySet = set.length ? ` (set with --set: ${set.join(', ')})` : '';
  const why = f.kind === 'derived' ? refusalIn(f.code!, values) : undefined;
  if (why !== undefined)
    return {
      code: 'bad-argument',
      message: `\`${f.name}\`: ${why}`,
      ...placeOf(model, f),
      hint: `check the figures it uses: ${f.uses.join(', ') || f.text}${bySet}`,
    };
  return {
    code: 'not-finite',
    message: `\`${f.name}\` is ${what}`,
    ...placeOf(model, f),
    hint: `${NOT_FINITE_CAUSES}; it uses ${f.uses.join(', ') || f.text}${bySet}`,
  };
}

/** A value finite in base units that its own unit cannot hold (1e308 B in bit). */
export function tooLargeToShow(model: Model, f: Model['figures'][number], overrides: Overrides): Diagnostic {
  const unit = unitOf(f).text || 'percent';
  const message = `\`${f.name}\` is too large to show in ${unit} (above 1.8e308)`;
  if (overrides.has(f.name)) return { code: 'not-finite', message: `--set ${f.name}: ${message}` };
  return { code: 'not-finite', message, ...placeOf(model, f), hint: 'give it a larger unit, or smaller values' };
}

/** One `--set name=quantity`, as typed. */
export interface Setting {
  name: string;
  text: string;
}

/**
 * Reads settings against a model: each name must be a figure, each quantity
 * must parse and have that figure's dimension. Messages name the setting
 * (`--set dau=...`) rather than a file.
 */
export function readOverrides(model: Model, settings: readonly Setting[]): Result<Map<string, Input>> {
  const out = new Map<string, Input>();
  const problems: Diagnostic[] = [];
  for (const { name, text } of settings) {
    const figure = model.byName.get(name);
    if (!figure) {
      const guess = didYouMean(name, model.byName.keys());
      problems.push({
        code: 'bad-override',
        message: `--set ${name}: \`${name}\` is not a figure of ${model.name}`,
        hint: guess
          ? `did you mean \`${guess}\`?`
          : `the assumptions are ${model.figures
              .filter((f) => f.kind === 'assumption')
              .map((f) => f.name)
              .join(', ')}`,
      });
      continue;
    }
    try {
      // A plain number is read in the figure's own unit: --set dau=200M means 200 M user.
      const { quantity: q, range } = readFor(figure, text, model.registry);
      if (!q.dim.equals(figure.dim)) {
        const unit = unitOf(figure).text;
        problems.push({
          code: 'unit-mismatch',
          message: `--set ${name}=${text}: ${notInUnitOf(figure, q)}`,
          hint: `give a quantity in ${unit}, or a plain number to mean ${unit}`,
        });
        continue;
      }
      out.set(name, { value: q.value, ...(range ? { range } : {}) });
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      for (const d of e.diagnostics) {
        problems.push({
          code: d.code,
          message: `--set ${name}=${text}: ${d.message}`,
          ...(d.hint ? { hint: d.hint } : {}),
        });
      }
    }
  }
  return problems.length ? fail(...problems) : ok(out);
}
