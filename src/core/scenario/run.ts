import { DiagnosticError, fail, ok, type Diagnostic, type Result } from '../diagnostic.js';
import { didYouMean } from '../suggest.js';
import { parseQuantity } from '../units/quantity.js';
import type { Model } from './model.js';

/** Values pinned by the user (`--set name=quantity`), in base units, by figure name. */
export type Overrides = ReadonlyMap<string, number>;

/**
 * Evaluates every figure: assumptions first, then derived figures in
 * dependency order. An overridden figure keeps its pinned value, even a derived
 * one (`--set dau=200M` replaces the formula of dau). Refuses non-finite
 * results, naming the first figure that produced one.
 */
export function evaluateModel(model: Model, overrides: Overrides = new Map()): Result<Float64Array> {
  const values = new Float64Array(model.figures.length);
  for (const f of model.figures) {
    const pinned = overrides.get(f.name);
    const value = pinned ?? (f.kind === 'assumption' ? f.value! : f.evaluate!(values));
    if (!Number.isFinite(value)) {
      return fail({
        code: 'not-finite', message: `\`${f.name}\` is ${Number.isNaN(value) ? 'not a number' : 'infinite'} (a division by zero?)`,
        span: f.span, ...(model.file !== undefined ? { file: model.file } : {}),
        hint: `check the values that \`${f.name}\` divides by: ${f.uses.join(', ') || f.text}`,
      });
    }
    values[f.index] = value;
  }
  return ok(values);
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
export function readOverrides(model: Model, settings: readonly Setting[]): Result<Map<string, number>> {
  const out = new Map<string, number>();
  const problems: Diagnostic[] = [];
  for (const { name, text } of settings) {
    const figure = model.byName.get(name);
    if (!figure) {
      const guess = didYouMean(name, model.byName.keys());
      problems.push({ code: 'bad-override', message: `--set ${name}: \`${name}\` is not a figure of ${model.name}`,
        hint: guess ? `did you mean \`${guess}\`?` : `the assumptions are ${model.figures.filter((f) => f.kind === 'assumption').map((f) => f.name).join(', ')}` });
      continue;
    }
    try {
      const q = parseQuantity(text, model.registry);
      const unit = figure.unit?.text || String(figure.dim);
      // A plain number is read in the figure's own unit: --set dau=200M means 200 M user.
      if (q.dim.isNone && !figure.dim.isNone) {
        out.set(name, q.value * (figure.unit?.factor ?? 1));
        continue;
      }
      if (!q.dim.equals(figure.dim)) {
        problems.push({ code: 'unit-mismatch', message: `--set ${name}=${text}: \`${name}\` is in ${figure.dim}, not ${q.dim}`,
          hint: `give a quantity in ${unit}, or a plain number to mean ${unit}` });
        continue;
      }
      out.set(name, q.value);
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      for (const d of e.diagnostics) {
        problems.push({ code: d.code, message: `--set ${name}=${text}: ${d.message}`, ...(d.hint ? { hint: d.hint } : {}) });
      }
    }
  }
  return problems.length ? fail(...problems) : ok(out);
}
