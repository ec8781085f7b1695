import { formatValue } from './number.js';
import { verdict } from './checks.js';
import type { Report } from './report.js';

/** For design docs: a heading, the assumptions and the results as Markdown tables. */
export function renderMarkdown(report: Report): string {
  const { scenario } = report;
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const out = [`## ${cell(scenario.title)}`, ''];
  if (scenario.source) out.push(`Source: ${cell(scenario.source)}`, '');
  if (scenario.conventions.length) out.push(`Conventions: ${scenario.conventions.map((c) => `${c.unit} = ${c.text}`).join(', ')}`, '');
  out.push('| Assumption | Value | Note |', '| --- | --- | --- |');
  for (const a of report.assumptions) out.push(`| ${a.name} | ${cell(a.text)}${a.overridden ? ' (set)' : ''} | ${cell(a.note ?? '')} |`);
  out.push('', '| Result | Value | Unit | Display | Formula | Published |', '| --- | ---: | --- | ---: | --- | --- |');
  const checks = new Map(report.checks.map((c) => [c.name, c]));
  for (const r of report.results) {
    const c = checks.get(r.name);
    const published = c ? `${c.published} (${verdict(c)})` : '';
    out.push(`| ${r.name} | ${formatValue(r.value)} | ${cell(r.unit)} | ${cell(r.display)} | \`${cell(r.text)}\` | ${cell(published)} |`);
  }
  const errata = report.checks.filter((c) => c.erratum !== undefined);
  if (errata.length) {
    out.push('', '**Errata in the source**', '');
    for (const c of errata) out.push(`- ${c.name}: published ${cell(c.published)}, computed ${formatValue(c.actual)} ${cell(c.unit)}. ${cell(c.erratum!)}`);
  }
  return `${out.join('\n')}\n`;
}
