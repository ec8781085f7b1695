import { explain, type ExplainStep } from '../../core/analysis/explain.js';
import { evaluateModel, readOverrides, type Setting } from '../../core/scenario/run.js';
import type { Model } from '../../core/scenario/model.js';
import { rangesOf } from '../../core/analysis/sample.js';
import { explainText, markupText, stepJson } from '../../render/explain.js';
import { styleFor, type ColorFlags } from '../style.js';
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
    table: () => explainText(model, steps, styleFor(io, flags)),
  });
}
