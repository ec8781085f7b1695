import type { ChalkInstance } from 'chalk';
import type { CapacityRow } from '../core/reference/capacity.js';
import { alignColumns } from './charts.js';
import type { Rows } from './rows.js';
import { wrapText } from './wrap.js';

const GROUPS: ReadonlyArray<readonly [prefix: string, title: string]> = [
  ['T', 'Throughput per server or node'],
  ['H', 'Hardware'],
  ['M', 'Rules of thumb'],
  ['P', 'Prices: list-price snapshots, override them with --set'],
];

/** "200 to 10000" when both ends share the default's unit, else both ends whole. */
function rangeText(row: CapacityRow): string {
  if (!row.range) return '';
  const split = (q: string) => /^(\S+?)(?=[ /]|$)(.*)$/.exec(q)!.slice(1) as [string, string];
  const [low, lowUnit] = split(row.range.low);
  const [high, highUnit] = split(row.range.high);
  return lowUnit === highUnit && highUnit === split(row.value)[1]
    ? `${low} to ${high}`
    : `${row.range.low} to ${row.range.high}`;
}

/** Who charges a price, where, and the date of the price list. */
function whenText(row: CapacityRow): string {
  return `${[row.provider, row.region].filter(Boolean).join(', ')}; as of ${row.date}`;
}

/** Every row: ID, what, default, the range sources give, and for prices who, where and when. */
export function renderCapacityTable(rows: readonly CapacityRow[], style: ChalkInstance): string {
  const out = [style.bold('Capacity defaults: what a scenario assumes where its source states nothing'), ''];
  for (const [prefix, title] of GROUPS) {
    const group = rows.filter((r) => r.id.startsWith(prefix));
    if (!group.length) continue;
    out.push(style.bold(title));
    const cells = group.map((r) => [r.id, r.name, r.value, prefix === 'P' ? '' : rangeText(r)]);
    const lines = alignColumns(cells, [false, false, false, false], [style.cyan, String, style.bold, style.dim]);
    // A price says who charges it, where and when, on a line of its own under it.
    const indent = ' '.repeat(Math.max(...group.map((r) => r.id.length)) + 4);
    out.push(
      ...lines.flatMap((l, i) => [`  ${l}`, ...(prefix === 'P' ? [style.dim(`${indent}${whenText(group[i]!)}`)] : [])]),
      '',
    );
  }
  out.push(style.dim('Defaults, not facts about your system: a scenario cites a row (origin: default, ref: T1) and'));
  out.push(
    style.dim('bote marks the value a default. `bote ref capacity T1` shows a row with its range, source and date.'),
  );
  return `${out.join('\n')}\n`;
}

/** Where a row's fields start: two spaces, the field name in 7, two spaces. */
const DETAIL_INDENT = ' '.repeat(11);

/** One row, or a few tied ones, with everything the row holds. */
export function renderCapacityRows(rows: readonly CapacityRow[], style: ChalkInstance): string {
  const out: string[] = [];
  for (const r of rows) {
    if (out.length) out.push('');
    out.push(`${style.cyan(r.id)}  ${style.bold(r.name)}`);
    const fields: Array<[string, string]> = [['default', r.value]];
    if (r.range) fields.push(['range', `${r.range.low} to ${r.range.high}: ${r.range.note}`]);
    if (r.note) fields.push(['note', r.note]);
    if (r.provider) fields.push(['price', [r.provider, r.region].filter(Boolean).join(', ')]);
    fields.push(['source', r.source], ['date', r.date]);
    for (const [key, value] of fields) {
      const [first, ...rest] = wrapText(value, 98 - DETAIL_INDENT.length);
      out.push(
        `  ${style.dim(key.padEnd(7))}  ${key === 'default' ? style.bold(first!) : first}`,
        ...rest.map((l) => `${DETAIL_INDENT}${l}`),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** For --format markdown and csv: one row per default, every field in its column. */
export function capacityRows(rows: readonly CapacityRow[]): Rows {
  return {
    columns: ['id', 'name', 'value', 'low', 'high', 'range_note', 'note', 'provider', 'region', 'source', 'date'],
    rows: rows.map((r) => [
      r.id,
      r.name,
      r.value,
      r.range?.low,
      r.range?.high,
      r.range?.note,
      r.note,
      r.provider,
      r.region,
      r.source,
      r.date,
    ]),
  };
}
