import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { formatDisplay, formatValue } from './number.js';
import { checkSentence, formatDifference } from './checks.js';
import type { Report } from './report.js';

/** The terminal report: title, assumptions, results with checks, then errata. */
export function renderTable(report: Report, style: ChalkInstance): string {
  const out: string[] = [];
  const { scenario } = report;
  out.push(style.bold(scenario.title));
  if (scenario.source) out.push(`${style.dim('source:')} ${scenario.source}`);
  if (scenario.conventions.length) {
    out.push(`${style.dim('conventions:')} ${scenario.conventions.map((c) => `${c.unit} = ${c.text}`).join(', ')}`);
  }

  out.push('', style.bold('Assumptions'));
  const inputs = table(['name', 'value', 'note']);
  for (const a of report.assumptions) {
    const kind = a.range ? style.dim(a.range.fellBackToNormal ? ' (range, normal: low end ≤ 0)' : ` (range, ${a.range.dist})`) : '';
    inputs.push([style.cyan(a.name), (a.overridden ? style.yellow(`${a.text} (set)`) : a.text) + kind, a.note ?? '']);
  }
  out.push(inputs.toString());

  const checks = new Map(report.checks.map((c) => [c.name, c]));
  out.push('', style.bold('Results'));
  const ranged = report.uncertainty !== undefined;
  const head = ranged ? ['name', 'value', 'unit', 'display', 'p5', 'p50', 'p95', 'published'] : ['name', 'value', 'unit', 'display', 'published'];
  const results = table(head, head.map((h) => (h === 'name' || h === 'unit' || h === 'published' ? 'left' : 'right')));
  for (const r of report.results) {
    const c = checks.get(r.name);
    let published = '';
    if (c) {
      if (c.status === 'ok') published = `${c.published} ${style.green('✓')}`;
      else if (c.status === 'erratum') published = `${c.published} ${style.yellow(`✗ erratum (${formatDifference(c.difference)})`)}`;
      else published = style.red(`✗ ${checkSentence(c)}`);
    }
    const name = r.overridden ? `${r.name} ${style.yellow('(set)')}` : r.name;
    const spread = r.percentiles ? [r.percentiles.p5, r.percentiles.p50, r.percentiles.p95].map((p) => formatDisplay(p, r.unit, report.calendar)) : [];
    results.push([style.cyan(name), formatValue(r.value), r.unit, style.bold(r.display), ...spread, published]);
  }
  out.push(results.toString());
  if (report.uncertainty) {
    const { samples, seed } = report.uncertainty;
    out.push(style.dim(`value: from each range's median; p5, p50, p95: ${formatValue(samples)} samples, seed ${seed} (--seed ${seed} repeats them). A range "a to b" is a 90% interval.`));
  }
  if (report.checksSkipped) out.push(style.dim('published figures not compared: --set changed the assumptions'));

  const errata = report.checks.filter((c) => c.erratum !== undefined);
  if (errata.length) {
    out.push('', style.bold('Errata in the source'));
    for (const c of errata) {
      out.push(`${style.yellow('•')} ${style.cyan(c.name)}: published ${c.published}, computed ${formatValue(c.actual)} ${c.unit} (${formatDifference(c.difference)}). ${c.erratum}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const NO_ROW_LINES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function table(head: string[], colAligns?: Array<'left' | 'right'>): Table.Table {
  // cli-table3 colours headers and borders by itself, even into pipes: never let it.
  return new Table({ head, style: { head: [], border: [] }, chars: NO_ROW_LINES, ...(colAligns ? { colAligns } : {}) });
}
