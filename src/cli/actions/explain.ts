import { explain, type ExplainStep } from '../../core/analysis/explain.js';
import { evaluateModel, readOverrides, type Setting } from '../../core/scenario/run.js';
import type { Model } from '../../core/scenario/model.js';
import { rangesOf } from '../../core/analysis/sample.js';
import { markupText, renderStep, spoken } from '../../render/explain.js';
import { styleFor, type ColorFlags } from '../style.js';
import type { Conventions } from '../../core/units/table.js';
import { displayOf } from '../../render/figure.js';
import { envelope } from '../../render/json.js';
import type { Io } from '../io.js';
import type { SetFlags } from '../options.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import { cliLoader, figureNamed, type Loader, type ScenarioRef } from '../load.js';

export type ExplainFlags = SetFlags &
  FormatFlags &
  ColorFlags & {
    /** The whiteboard derivation beside each step (docs/mental-math.md). */
    mental?: boolean;
  };

/**
 * The steps from the assumptions to each named figure (every figure when
 * none is named), with --set applied: what every format of `bote explain`
 * prints, and what the library's explain() returns as explainDocument.
 */
export function explainSteps(
  loader: Loader,
  ref: ScenarioRef,
  names: readonly string[],
  settings: readonly Setting[],
): Explained {
  const model = loader.model(ref);
  for (const n of names) figureNamed(model, n);
  const overrides = loader.check(readOverrides(model, settings), model.sources);
  const values = loader.check(evaluateModel(model, overrides), model.sources);
  const steps = explain(model, values, [...names], new Set(overrides.keys()), rangesOf(model, overrides));
  return { model, values, steps, pinned: new Set(overrides.keys()) };
}

export interface Explained {
  model: Model;
  /** By figure index, in base units. */
  values: Float64Array;
  steps: ExplainStep[];
  /** Figures pinned with --set: their formulas no longer apply. */
  pinned: ReadonlySet<string>;
}

/** The `--json` document of `bote explain` (docs/json.md). */
export function explainDocument({ model, values, steps }: Explained) {
  const calendar = model.registry.conventions;
  const display = (name: string) =>
    displayOf(model.byName.get(name)!, values[model.byName.get(name)!.index]!, calendar);
  return envelope({ steps: steps.map((s) => stepJson(s, calendar, display(s.name))) }, model);
}

/** `bote explain <scenario> [name...]`: each figure's chain, as one would say it. */
export async function explainCommand(io: Io, ref: string, names: string[], flags: ExplainFlags): Promise<void> {
  const explained = explainSteps(cliLoader(io), ref, names, flags.set ?? []);
  const { model, values, steps, pinned } = explained;
  const calendar = model.registry.conventions;
  if (flags.mental) {
    const { explainMental } = await import('./explain-mental.js');
    return explainMental(io, model, values, steps, pinned, flags);
  }
  return emit(io, formatOf(flags), {
    json: () => explainDocument(explained),
    rows: () => ({
      columns: ['name', 'formula', 'substituted', 'value', 'unit'],
      rows: steps.map((s) => [
        s.name,
        markupText(s.formula, undefined, calendar),
        markupText(s.substituted, undefined, calendar),
        s.value,
        s.unit,
      ]),
    }),
    table: () => explainText(io, model, steps, flags),
  });
}

/** The steps as text, Given then Derived; `more` adds lines under a step (the whiteboard's). */
export function explainText(
  io: Io,
  model: Model,
  steps: ExplainStep[],
  flags: ColorFlags,
  more: (s: ExplainStep, dim: (s: string) => string) => string[] = () => [],
  header: string[] = [],
): string {
  const calendar = model.registry.conventions;
  const style = styleFor(io, flags);
  const paint = { name: style.cyan, value: style.bold, dim: style.dim };
  const out = [style.bold(model.title), ...header.map((h) => style.dim(h))];
  if (model.conventions.length)
    out.push(style.dim(`conventions: ${model.conventions.map((c) => `${c.unit} = ${c.text}`).join(', ')}`));
  const shown = (s: ExplainStep) => [renderStep(s, paint, calendar), ...more(s, style.dim)];
  const given = steps.filter((s) => s.kind === 'assumption' || s.overridden);
  const derived = steps.filter((s) => s.kind === 'derived' && !s.overridden);
  if (given.length) out.push('', style.bold('Given'), ...given.flatMap(shown));
  if (derived.length) out.push('', style.bold('Derived'), ...derived.flatMap(shown));
  return `${out.join('\n')}\n`;
}

export function stepJson(s: ExplainStep, calendar: Conventions, display: string) {
  return {
    name: s.name,
    kind: s.kind,
    formula: markupText(s.formula, undefined, calendar),
    substituted: markupText(s.substituted, undefined, calendar),
    value: s.value,
    unit: s.unit,
    display,
    spoken: `~${spoken(s.value, s.unit, calendar)}`,
    uses: s.uses,
    overridden: s.overridden,
    ...(s.origin !== undefined ? { origin: s.origin } : {}),
    ...(s.ref !== undefined ? { ref: s.ref } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
    ...(s.range ? { range: s.range } : {}),
  };
}
