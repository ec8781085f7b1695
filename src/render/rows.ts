import { formatValue } from './number.js';

/** A cell: numbers stay unrounded in CSV and read as `formatValue` in Markdown; null is empty. */
export type Cell = string | number | boolean | null | undefined;

/** A command's results as one table, for `--format markdown` and `--format csv`. */
export interface Rows {
  columns: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
}

/** A Markdown pipe table, or RFC 4180 CSV with CRLF like `estimate --format csv`. */
export function renderRows(format: 'markdown' | 'csv', { columns, rows }: Rows): string {
  if (format === 'csv') return [columns, ...rows].map((r) => r.map((c) => csvField(text(c))).join(',')).join('\r\n') + '\r\n';
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const cell = (c: Cell) => (typeof c === 'number' ? formatValue(c) : text(c)).replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
  return [line(columns.map(cell)), line(columns.map(() => '---')), ...rows.map((r) => line(r.map(cell)))].join('\n') + '\n';
}

function text(c: Cell): string {
  return c === null || c === undefined ? '' : String(c);
}

/** One CSV field, RFC 4180 quoting. */
export function csvField(s: string): string {
  // A leading = + - @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
