import { explain, type ExplainStep } from '../../core/analysis/explain.js';
import { evaluateModel, readOverrides } from '../../core/scenario/run.js';
import { rangesOf } from '../../core/analysis/sample.js';
import { markupText, renderStep, spoken } from '../../render/explain.js';
import { styleFor, type ColorFlags } from '../style.js';
import type { Conventions } from '../../core/units/table.js';
import type { Model } from '../../core/scenario/model.js';
import { displayOf } from '../../render/figure.js';
import { envelope } from '../../render/json.js';
import type { Io } from '../io.js';
import type { SetFlags } from '../options.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import { figureNamed, loadModel, orFail } from '../load.js';

export type ExplainFlags = SetFlags &
  FormatFlags &
  ColorFlags & {
    /** The whiteboard derivation beside each step (docs/mental-math.md). */
    mental?: boolean;
  };

/** `bote explain <scenario> [name...]`: each figure's chain, as one would say it. */
export async function explainCommand(io: Io, ref: string, names: string[], flags: ExplainFlags): Promise<void> {
  const model = loadModel(io, ref);
  for (const n of names) figureNamed(model, n);
  const settings = flags.set ?? [];
  const overrides = orFail(io, readOverrides(model, settings), model.text);
  const values = orFail(io, evaluateModel(model, overrides), model.text);
  const steps = explain(model, values, names, new Set(overrides.keys()), rangesOf(model, overrides));
  const calendar = model.registry.conventions;
  if (flags.mental) {
    const { explainMental } = await import('./explain-mental.js');
    return explainMental(io, model, values, steps, new Set(overrides.keys()), flags);
  }
  return emit(io, formatOf(flags), {
    json: () =>
      envelope(
        {
          steps: steps.map((s) =>
            stepJson(
              s,
              calendar,
              displayOf(model.byName.get(s.name)!, values[model.byName.get(s.name)!.index]!, calendar),
            ),
          ),
        },
        model,
      ),
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
