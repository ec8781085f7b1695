import type { ExplainStep } from '../../core/analysis/explain.js';
import { mentalMath, type MentalFigure } from '../../core/analysis/mental.js';
import { MENTAL_RULE } from '../../core/analysis/mental-round.js';
import type { Approximation } from '../../core/analysis/mental-units.js';
import type { Model } from '../../core/scenario/model.js';
import { explainText, markupText, stepJson } from '../../render/explain.js';
import { displayOf } from '../../render/figure.js';
import { envelope } from '../../render/json.js';
import { approximationText, mentalLines, tensText } from '../../render/mental.js';
import { renderRows, type Rows } from '../../render/rows.js';
import type { Io } from '../io.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import { styleFor, type ColorFlags } from '../style.js';

/** `bote explain NAME [figure...] --mental`: each step, and beside it the whiteboard's (docs/mental-math.md). */
export async function explainMental(
  io: Io,
  model: Model,
  values: Float64Array,
  steps: ExplainStep[],
  pinned: ReadonlySet<string>,
  flags: FormatFlags & ColorFlags,
): Promise<void> {
  const board = new Map(mentalMath(model, values, pinned).map((m) => [m.name, m]));
  const shown = steps.map((s) => board.get(s.name)!);
  const conversions = distinct(shown.flatMap((m) => m.lines.flatMap((l) => l.notes)));
  const calendar = model.registry.conventions;
  const rows = (join: string): Rows => ({
    columns: ['name', 'formula', 'substituted', 'value', 'unit', 'mental', 'error', 'whiteboard'],
    rows: steps.map((s) => {
      const m = board.get(s.name)!;
      return [
        s.name,
        markupText(s.formula, undefined, calendar),
        markupText(s.substituted, undefined, calendar),
        s.value,
        s.unit,
        m.value,
        m.input ? undefined : m.error,
        mentalLines(m).join(join),
      ];
    }),
  });
  return emit(io, formatOf(flags), {
    json: () =>
      envelope(
        {
          rule: MENTAL_RULE,
          steps: steps.map((s) => {
            const f = model.byName.get(s.name)!;
            return {
              ...stepJson(s, calendar, displayOf(f, values[f.index]!, calendar)),
              mental: mentalJson(board.get(s.name)!),
            };
          }),
          approximations: conversions,
        },
        model,
      ),
    markdown: () => renderRows('markdown', rows('<br>')),
    csv: () => renderRows('csv', rows('\n')),
    table: () => {
      const text = explainText(model, steps, styleFor(io, flags), (s, dim) => whiteboard(board.get(s.name)!, dim), [
        MENTAL_RULE,
      ]);
      if (!conversions.length) return text;
      return `${text}\nConversions on the whiteboard\n${conversions.map((n) => `  ${approximationText(n)}`).join('\n')}\n`;
    },
  });
}

/** The lines under a step: an input only where the whiteboard writes it otherwise (300 million user = 3 × 10^8 user). */
function whiteboard(m: MentalFigure, dim: (s: string) => string): string[] {
  const lines = mentalLines(m);
  if (m.input && m.value === m.exact && m.lines[0]?.parts[0]?.kind === 'written') {
    const written = m.lines[0].parts[0].text.replace(/\s+/g, ' ');
    if (written === tensText(m.value, m.unit)) return [];
  }
  return lines.map((l, i) => dim(`${i ? '            ' : '    mental: '}${l}`));
}

function mentalJson(m: MentalFigure) {
  return {
    value: m.value,
    unit: m.unit,
    ...(m.input ? {} : { error: m.error }),
    derivation: mentalLines(m),
    approximations: distinct(m.lines.flatMap((l) => l.notes)),
    shortcuts: m.shortcuts,
  };
}

/** Each conversion once, in the order first made. */
function distinct(notes: Approximation[]): Approximation[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = approximationText(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
