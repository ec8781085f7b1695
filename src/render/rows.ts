import { formatValue } from './number.js';
import { visible } from './visible.js';

/** A cell: numbers stay unrounded in CSV and read as `formatValue` in Markdown; null is empty. */
export type Cell = string | number | boolean | null | undefined;

/** A command's results as one table, for `--format markdown` and `--format csv`. */
export interface Rows {
  columns: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
}

/** A Markdown pipe table, or RFC 4180 CSV with CRLF like `estimate --format csv`. */
export function renderRows(format: 'markdown' | 'csv', { columns, rows }: Rows): string {
  if (format === 'csv') return `${[columns, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const cell = (c: Cell) => markdownCell(typeof c === 'number' ? formatValue(c) : text(c));
  return `${[line(columns.map(cell)), line(columns.map(() => '---')), ...rows.map((r) => line(r.map(cell)))].join('\n')}\n`;
}

/** Text safe inside a Markdown table cell: no pipe, no line break. */
export function markdownCell(s: string): string {
  // Cells may quote the file (notes, errata): its control characters are written out.
  return visible(s.replaceAll('|', '\\|').replace(/\r\n?|\n/g, ' '));
}

function text(c: Cell): string {
  return c === null || c === undefined ? '' : String(c);
}

/**
 * One CSV field, RFC 4180 quoting. Numbers are written as they are; text that
 * a spreadsheet would run as a formula (= + - @, or a tab or CR before one)
 * gets a leading apostrophe, as OWASP advises against CSV injection.
 */
function csvField(c: Cell): string {
  const s = text(c);
  // Control characters from the file are written out; CR stays, a line break CSV quotes.
  const shown = s.split('\r').map(visible).join('\r');
  const safe = typeof c !== 'number' && /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
