import { fail, ok, type Diagnostic, type Result } from '../diagnostic.js';
import type { Model } from '../scenario/model.js';
import { withPlainUnit } from '../scenario/plain.js';
import { evaluateModel, readOverrides, type Overrides } from '../scenario/run.js';

// What-if: the pure steps of `bote estimate -i`. The state is the model and
// the edits as typed; each step returns new values and their change against
// the original, or diagnostics, and never touches a file (saving one is
// cli/interactive/splice.ts).

/** The edits as typed: figure name → text, read as `--set name=text` is. */
export type Edits = ReadonlyMap<string, string>;

export interface WhatIf {
  /** Every figure as the scenario gives it, by figure index, in base units. */
  original: Float64Array;
  /** Every figure with the edits applied. */
  values: Float64Array;
  overrides: Overrides;
  /** By figure index: values / original − 1; 0 when unchanged; null when the original is 0 and the value is not. */
  deltas: Array<number | null>;
}

/** The relative change from `before` to `after`; exact ties (and float noise) are 0. */
export function delta(before: number, after: number): number | null {
  if (before === after || Math.abs(after - before) <= 1e-12 * Math.max(Math.abs(before), Math.abs(after))) return 0;
  if (before === 0) return null;
  return after / before - 1;
}

/** Evaluates the model with the edits, each read as `--set name=text` is. */
export function applyEdits(model: Model, edits: Edits): Result<WhatIf> {
  const original = evaluateModel(model);
  if (!original.ok) return original;
  const overrides = readOverrides(
    model,
    [...edits].map(([name, text]) => ({ name, text })),
  );
  if (!overrides.ok) return fail(...overrides.diagnostics.map(bare));
  const values = evaluateModel(model, overrides.value);
  if (!values.ok) return values;
  const deltas = Array.from(values.value, (v, i) => delta(original.value[i]!, v));
  return ok({ original: original.value, values: values.value, overrides: overrides.value, deltas });
}

/**
 * Checks one edit as typed, against the others: the name, the unit and
 * dimension, and that every figure stays finite. On success, the step's new
 * state; on failure, messages worded for a prompt (no `--set` prefix).
 */
export function tryEdit(
  model: Model,
  edits: Edits,
  name: string,
  text: string,
): Result<{ edits: Edits; whatIf: WhatIf }> {
  if (!text.trim()) {
    const f = model.byName.get(name);
    return fail({
      code: 'syntax',
      message: `enter a quantity${f?.unit ? ` in ${f.unit.text}` : ''}, or a range "a to b"`,
    });
  }
  const next = new Map(edits).set(name, text.trim());
  const whatIf = applyEdits(model, next);
  return whatIf.ok ? ok({ edits: next, whatIf: whatIf.value }) : whatIf;
}

/** The edits without `name` (reset one); `undefined` resets all. */
export function resetEdit(edits: Edits, name?: string): Edits {
  if (name === undefined) return new Map();
  const next = new Map(edits);
  next.delete(name);
  return next;
}

/** readOverrides words its messages for the command line; a prompt shows the message alone. */
function bare(d: Diagnostic): Diagnostic {
  return { ...d, message: d.message.replace(/^--set [^:]*?: /, '') };
}

/**
 * An edit as it goes into a file: a plain number takes the figure's unit
 * (`300M` for dau is `300M user`), as readOverrides reads it.
 */
export function fileText(model: Model, name: string, text: string): string {
  const figure = model.byName.get(name);
  return figure ? withPlainUnit(figure, text, model.registry) : text.trim();
}
