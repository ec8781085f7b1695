import type { Report } from './report.js';
import { csvField } from './rows.js';

/** One row per figure, RFC 4180 quoting; values unrounded, for spreadsheets. */
export function renderCsv(report: Report): string {
  const rows: string[][] = [['kind', 'name', 'value', 'unit', 'display', 'text']];
  for (const a of report.assumptions) rows.push(['assumption', a.name, String(a.value), a.unit, a.display, a.text]);
  for (const r of report.results) rows.push(['result', r.name, String(r.value), r.unit, r.display, r.text]);
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
