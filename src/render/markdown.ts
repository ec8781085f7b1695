import { formatDelta, formatValue } from './number.js';
import { verdict } from './checks.js';
import { originLabel, priceLine, resultGroups, setAsideLine, type Report } from './report.js';
import { markdownCell as cell } from './rows.js';
import { visibleAll } from './visible.js';

/**
 * For design docs: a heading, the assumptions (each stated or a default) and
 * the results as Markdown tables, results by section; then the sections the
 * scenario leaves out, and what its prices rest on.
 */
export function renderMarkdown(shown: Report): string {
  const report = visibleAll(shown);
  const { scenario } = report;
  const out = [`## ${cell(scenario.title)}`, ''];
  if (scenario.source) out.push(`Source: ${cell(scenario.source)}`, '');
  if (scenario.conventions.length)
    out.push(`Conventions: ${scenario.conventions.map((c) => `${c.unit} = ${c.text}`).join(', ')}`, '');
  out.push('| Assumption | Value | Origin | Note |', '| --- | --- | --- | --- |');
  for (const a of report.assumptions)
    out.push(
      `| ${a.name} | ${cell(a.text)}${a.overridden ? ` (set${a.original ? `; was ${cell(a.original.text.trim())}` : ''})` : ''} | ${originLabel(a)} | ${cell(a.note ?? '')} |`,
    );
  const sampled = report.uncertainty;
  const mental = report.results.some((r) => r.mental);
  // With --set, published figures no longer apply: the original and the change take their column.
  const set = report.results.some((r) => r.original);
  out.push(
    '',
    `| Section | Result | Value | Unit | Display | Formula | ${set ? 'Original | Change' : 'Published'} |${sampled ? ' p5 | p50 | p95 |' : ''}${mental ? ' Mental |' : ''}`,
    `| --- | --- | ---: | --- | ---: | --- | ${set ? '---: | ---:' : '---'} |${sampled ? ' ---: | ---: | ---: |' : ''}${mental ? ' ---: |' : ''}`,
  );
  const checks = new Map(report.checks.map((c) => [c.name, c]));
  const groups = resultGroups(report);
  const rows = groups ? groups.flatMap((g) => g.rows) : report.results;
  for (const r of rows) {
    const c = checks.get(r.name);
    const published = r.original
      ? `${cell(r.original.display)} | ${formatDelta(r.original.change)}`
      : cell(c ? `${c.published} (${verdict(c)})` : '');
    const spread = sampled
      ? ` ${[r.percentiles?.p5, r.percentiles?.p50, r.percentiles?.p95].map((p) => (p === undefined ? '' : formatValue(p))).join(' | ')} |`
      : '';
    out.push(
      `| ${r.section ?? 'other'} | ${r.name} | ${formatValue(r.value)} | ${cell(r.unit)} | ${cell(r.display)} | \`${cell(r.text)}\` | ${published} |${spread}${mental ? ` ${cell(r.mental?.shown ?? '')} |` : ''}`,
    );
  }
  const empty = groups?.filter((g) => g.empty !== undefined) ?? [];
  if (empty.length) out.push('', ...empty.map((g) => `- ${g.section}: ${cell(g.empty!)}`));
  if (report.prices) out.push('', `Cost: ${cell(priceLine(report.prices))}.`);
  if (report.checksSetAside.length) out.push('', `${cell(setAsideLine(report.checksSetAside))}.`);
  if (sampled)
    out.push(
      '',
      `Value is the point estimate (each range at its median); p5, p50 and p95 by Monte Carlo, ${sampled.samples.toLocaleString('en-US')} samples, seed ${sampled.seed}.`,
    );
  const errata = report.checks.filter((c) => c.erratum !== undefined);
  if (errata.length) {
    out.push('', '**Errata in the source**', '');
    for (const c of errata)
      out.push(
        `- ${c.name}: published ${cell(c.published)}, computed ${formatValue(c.actual)} ${cell(c.unit)}. ${cell(c.erratum!)}`,
      );
  }
  return `${out.join('\n')}\n`;
}
