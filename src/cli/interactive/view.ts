import type { ChalkInstance } from 'chalk';
import type { Figure, Model } from '../../core/scenario/model.js';
import type { Edits, WhatIf } from '../../core/analysis/whatif.js';
import { displayOf } from '../../render/figure.js';
import { renderGrid } from '../../render/grid.js';
import { formatDelta } from '../../render/number.js';
import { visible } from '../../render/visible.js';

/** What a figure was before the edits: an assumption as written, a result's formula and value. */
export function wasText(model: Model, f: Figure, w: WhatIf): string {
  return f.kind === 'assumption'
    ? f.text.trim()
    : `${f.text.trim()} = ${displayOf(f, w.original[f.index]!, model.registry.conventions)}`;
}

/** What a figure is now: the edit as typed, an assumption as written, or a result's value. */
export function currentText(model: Model, edits: Edits, w: WhatIf, name: string): string {
  const f = model.byName.get(name)!;
  return (
    edits.get(name) ??
    (f.kind === 'assumption' ? f.text.trim() : displayOf(f, w.values[f.index]!, model.registry.conventions))
  );
}

/** The results against the original, with the edits above them. */
export function renderWhatIf(model: Model, edits: Edits, w: WhatIf, style: ChalkInstance): string {
  const out: string[] = [];
  if (edits.size) {
    out.push(style.bold('Changed'));
    for (const [name, text] of edits) {
      const f = model.byName.get(name)!;
      const was = wasText(model, f, w);
      const range = w.overrides.get(name)?.range ? style.dim(' (a range: its median is used here)') : '';
      out.push(`  ${style.cyan(name)} = ${style.yellow(text)}${range} ${style.dim(`(was ${was})`)}`);
    }
  } else {
    out.push(style.dim('No assumption changed yet.'));
  }
  out.push('', style.bold('Results'));
  const rows = model.figures
    .filter((g) => g.kind === 'derived')
    .map((f) => {
      const d = w.deltas[f.index]!;
      const text = formatDelta(d);
      const paint = d === 0 ? style.dim : d === null || d > 0 ? style.green : style.red;
      const name = edits.has(f.name) ? `${f.name} ${style.yellow('(set)')}` : f.name;
      return [
        style.cyan(name),
        style.bold(displayOf(f, w.values[f.index]!, model.registry.conventions)),
        displayOf(f, w.original[f.index]!, model.registry.conventions),
        paint(text),
      ];
    });
  out.push(renderGrid(['name', 'value', 'original', 'change'], rows, { align: ['left', 'right', 'right', 'right'] }));
  return `${out.join('\n')}\n`;
}

/** The choices of the "change" and "explain" lists, best matches first. */
export function figureChoices(
  model: Model,
  edits: Edits,
  w: WhatIf,
  term: string | undefined,
  which: 'all' | 'changed' = 'all',
) {
  const t = (term ?? '').trim().toLowerCase();
  const figures = model.figures.filter(
    (f) => (which === 'changed' ? edits.has(f.name) : true) && f.name.toLowerCase().includes(t),
  );
  const rank = (f: Figure) => (f.name.toLowerCase() === t ? 0 : f.name.toLowerCase().startsWith(t) ? 1 : 2);
  const width = Math.max(0, ...figures.map((f) => f.name.length));
  return [...figures]
    .sort((a, b) => rank(a) - rank(b))
    .map((f) => ({
      value: f.name,
      name: `${f.name.padEnd(width)}  ${currentText(model, edits, w, f.name)}${edits.has(f.name) ? '  (changed)' : ''}${f.kind === 'derived' ? '  [result]' : ''}`,
      short: f.name,
      description: visible(f.kind === 'derived' ? `= ${f.text.trim()}${f.note ? `: ${f.note}` : ''}` : (f.note ?? '')),
    }));
}
