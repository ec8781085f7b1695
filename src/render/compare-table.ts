import type { ChalkInstance } from 'chalk';
import type { ComparedFigure, Comparison } from '../core/analysis/compare.js';
import { cellDisplay, changeText, type ColumnInfo } from './compare.js';
import { type GridRow, renderGrid } from './grid.js';

/**
 * `bote compare` on a terminal: the columns and where each comes from, the
 * results by section with each column's change against the first, then the
 * assumptions that differ.
 */
export function renderCompareTable(c: Comparison, columns: readonly ColumnInfo[], style: ChalkInstance): string {
  const heads = columns.map((col, i) => (col.label.length <= LONGEST_HEAD ? col.label : `(${i + 1})`));
  const out = [style.bold(`${columns.length} columns, each against the first`)];
  const width = Math.max(...heads.map((h) => h.length));
  columns.forEach((col, i) => {
    const from = col.model.file ?? col.model.name;
    const set = col.settings.map((s) => `${s.name}=${s.text.trim()}`).join('; ');
    out.push(`  ${style.cyan(heads[i]!.padEnd(width))}  ${style.dim(set ? `${from} with ${set}` : from)}`);
  });
  out.push('', style.bold('Results'), figureTable(c.results, heads, columns, style, true));
  if (c.assumptions.length)
    out.push('', style.bold('Assumptions that differ'), figureTable(c.assumptions, heads, columns, style, false));
  else out.push('', style.dim('The assumptions are the same in every column.'));
  return `${out.join('\n')}\n`;
}

/** A longer label (a variant's settings) heads its column by number; the list above says which it is. */
const LONGEST_HEAD = 20;

function figureTable(
  figures: readonly ComparedFigure[],
  heads: readonly string[],
  columns: readonly ColumnInfo[],
  style: ChalkInstance,
  sections: boolean,
): string {
  const head = ['name', ...heads.flatMap((h, i) => (i === 0 ? [h] : [h, 'change']))];
  const rows: GridRow[] = [];
  let section: string | undefined;
  for (const f of figures) {
    if (sections && f.section !== section) {
      section = f.section;
      rows.push({ span: style.bold(section ?? 'other') });
    }
    const row = [style.cyan(f.name)];
    f.cells.forEach((cell, i) => {
      const shown = cellDisplay(f, cell, columns);
      row.push(cell ? (i === 0 ? style.bold(shown) : shown) : style.dim(shown));
      if (i === 0) return;
      const change = changeText(f, i);
      const d = f.changes[i] ?? null;
      row.push(change === '0%' || d === null ? style.dim(change) : d > 0 ? style.green(change) : style.red(change));
    });
    rows.push(row);
  }
  return renderGrid(head, rows, { align: head.map((_, i) => (i === 0 ? 'left' : 'right')) });
}
