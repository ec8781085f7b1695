import type { Report, ReportRow } from './report.js';
import { renderRows, type Cell } from './rows.js';
import { visibleAll } from './visible.js';

/**
 * One row per figure, values unrounded, for spreadsheets; with p5, p50 and
 * p95 of each result when the scenario holds a range. `section` (results),
 * `origin` and `ref` (assumptions) come last, so the older columns keep
 * their places; with --mental, `mental` and `mental_error` after them;
 * with --set, `original` and `change` last.
 */
export function renderCsv(shown: Report): string {
  const report = visibleAll(shown);
  const sampled = report.uncertainty !== undefined;
  const mental = report.results.some((r) => r.mental);
  const set = report.results.some((r) => r.original);
  const row = (kind: string, f: ReportRow): Cell[] => [
    kind,
    f.name,
    f.value,
    f.unit,
    f.display,
    f.text,
    ...(sampled ? [f.percentiles?.p5, f.percentiles?.p50, f.percentiles?.p95] : []),
    f.section,
    f.origin,
    f.ref,
    ...(mental ? [f.mental?.value, f.mental?.error] : []),
    ...(set ? [f.original?.value, f.original?.change] : []),
  ];
  return renderRows('csv', {
    columns: [
      'kind',
      'name',
      'value',
      'unit',
      'display',
      'text',
      ...(sampled ? ['p5', 'p50', 'p95'] : []),
      'section',
      'origin',
      'ref',
      ...(mental ? ['mental', 'mental_error'] : []),
      ...(set ? ['original', 'change'] : []),
    ],
    rows: [...report.assumptions.map((a) => row('assumption', a)), ...report.results.map((r) => row('result', r))],
  });
}
