import type { ComparedCell, ComparedFigure, Comparison } from '../core/analysis/compare.js';
import { unitOf, type Model } from '../core/scenario/model.js';
import type { Setting } from '../core/scenario/run.js';
import { displayOf, inUnit } from './figure.js';
import { envelope } from './json.js';
import { formatDelta } from './number.js';
import type { Cell, Rows } from './rows.js';

/** A column as the user asked for it: its label, its scenario, the settings applied to it. */
export interface ColumnInfo {
  /** The scenario's name, or its variant's settings (`mau=600M`); unique among the columns. */
  label: string;
  model: Model;
  settings: readonly Setting[];
}

/** A cell's value in the reference's unit; null where missing or in another dimension. */
function valueIn(f: ComparedFigure, cell: ComparedCell | undefined): number | null {
  return cell?.comparable ? inUnit(cell.value, unitOf(f.reference).factor) : null;
}

/** A cell in friendly form, in the reference's unit family; a figure of another dimension in its own. */
export function cellDisplay(f: ComparedFigure, cell: ComparedCell | undefined, columns: readonly ColumnInfo[]): string {
  if (!cell) return 'missing';
  const calendar = columns[0]!.model.registry.conventions;
  return cell.comparable
    ? displayOf(f.reference, cell.value, calendar)
    : `${displayOf(cell.figure, cell.value, calendar)} (other unit)`;
}

/** "+100%", "0%", "new" (from 0), "n/a" (another unit), or "" where a side is missing. */
export function changeText(f: ComparedFigure, i: number): string {
  const [base, cell] = [f.cells[0], f.cells[i]];
  if (!base || !cell) return '';
  if (!cell.comparable) return 'n/a';
  return formatDelta(f.changes[i]!);
}

/** The `--json` document of `bote compare` (docs/json.md): columns, then each figure's values and changes. */
export function compareDocument(c: Comparison, columns: readonly ColumnInfo[]) {
  const figure = (f: ComparedFigure) => ({
    ...(f.section !== undefined ? { section: f.section } : {}),
    unit: unitOf(f.reference).text,
    values: f.cells.map((cell) => valueIn(f, cell)),
    changes: f.changes,
    displays: f.cells.map((cell) => (cell ? cellDisplay(f, cell, columns) : null)),
  });
  return envelope({
    columns: columns.map((col) => ({
      name: col.label,
      scenario: col.model.name,
      file: col.model.file ?? null,
      settings: Object.fromEntries(col.settings.map((s) => [s.name, s.text.trim()])),
    })),
    results: Object.fromEntries(c.results.map((f) => [f.name, figure(f)])),
    assumptions: Object.fromEntries(c.assumptions.map((f) => [f.name, figure(f)])),
  });
}

/**
 * Results, then the assumptions that differ, as one table for Markdown and
 * CSV: `values` gives numbers in `unit` and changes as fractions (CSV),
 * `displays` friendly values and "+100%" (Markdown).
 */
export function compareRows(c: Comparison, columns: readonly ColumnInfo[], form: 'values' | 'displays'): Rows {
  const head = [
    'kind',
    'section',
    'name',
    'unit',
    ...columns.flatMap((col, i) => (i === 0 ? [col.label] : [col.label, `${col.label} change`])),
  ];
  const row = (f: ComparedFigure): Cell[] => {
    const cells: Cell[] = [f.kind === 'derived' ? 'result' : 'assumption', f.section ?? null, f.name];
    cells.push(unitOf(f.reference).text);
    f.cells.forEach((cell, i) => {
      const shown = form === 'displays' || !cell?.comparable ? cellDisplay(f, cell, columns) : valueIn(f, cell);
      cells.push(shown);
      if (i > 0) cells.push(form === 'displays' ? changeText(f, i) : f.changes[i]);
    });
    return cells;
  };
  return { columns: head, rows: [...c.results, ...c.assumptions].map(row) };
}
