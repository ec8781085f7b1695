import Table from 'cli-table3';
import type { GridLayout, GridRow } from '../../src/render/grid.js';

const NO_ROW_LINES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/**
 * A table as cli-table3 0.6.5 drew it for bote, the yardstick of renderGrid:
 * no colours of its own, and its row lines either taken out of the chars
 * (`rowLines: 'chars'`, the tables without spanning rows) or filtered out
 * afterwards where they cross a column (`'filter'`), which keeps those beside
 * a spanning row.
 */
export function cliTable3(
  head: readonly string[],
  rows: readonly GridRow[],
  layout: GridLayout,
  rowLines: 'chars' | 'filter',
): string {
  const table = new Table({
    head: [...head],
    style: { head: [], border: [] },
    ...(layout.align ? { colAligns: [...layout.align] } : {}),
    ...(layout.widths ? { colWidths: [...layout.widths], wordWrap: true } : {}),
    ...(rowLines === 'chars' ? { chars: NO_ROW_LINES } : {}),
  });
  for (const row of rows) table.push('span' in row ? [{ colSpan: head.length, content: row.span }] : [...row]);
  const text = table.toString();
  if (rowLines === 'chars') return text;
  return text
    .split('\n')
    .filter((l) => !(l.startsWith('├') && l.includes('┼')))
    .join('\n');
}
