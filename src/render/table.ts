import type { ChalkInstance } from 'chalk';
import { formatDelta, formatDisplay, formatValue } from './number.js';
import { checkSentence, formatDifference, verdict } from './checks.js';
import { originLabel, priceLine, resultGroups, setAsideLine, type Report, type ReportRow } from './report.js';
import { type GridRow, renderGrid } from './grid.js';
import { columns, wrapText } from './wrap.js';
import { visibleAll } from './visible.js';

/** The width the table output keeps to: title, tables and errata. */
export const TABLE_WIDTH = 100;

/**
 * The terminal report: title, assumptions, results with checks, then errata.
 * Results of a capacity estimate are grouped in sections (traffic, storage,
 * bandwidth, cache, servers, cost, other) as row groups of one table; a
 * reference scenario, all `other`, keeps the plain list.
 */
export function renderTable(shown: Report, style: ChalkInstance): string {
  // Text from the file (title, notes, errata) with its control characters written out.
  const report = visibleAll(shown);
  const out: string[] = [];
  const { scenario } = report;
  const groups = resultGroups(report);
  // A reference scenario's output stays as it always was; a sectioned one keeps to TABLE_WIDTH.
  const width = groups ? TABLE_WIDTH : Infinity;
  out.push(style.bold(scenario.title));
  if (scenario.source) out.push(...labelled('source:', scenario.source, style, width));
  if (scenario.conventions.length) {
    out.push(`${style.dim('conventions:')} ${scenario.conventions.map((c) => `${c.unit} = ${c.text}`).join(', ')}`);
  }
  const marked = groups !== undefined || report.assumptions.some((a) => a.origin === 'default');

  out.push('', style.bold('Assumptions'));
  out.push(
    marked
      ? fitted(
          ['name', 'value', 'origin', 'note'],
          report.assumptions.map((a) => assumptionCells(a, style, true)),
          3,
        )
      : renderGrid(
          ['name', 'value', 'note'],
          report.assumptions.map((a) => assumptionCells(a, style, false)),
        ),
  );

  out.push('', style.bold('Results'));
  const ranged = report.uncertainty !== undefined;
  const mental = report.results.some((r) => r.mental) ? ['mental'] : [];
  // With --set, published figures no longer apply: each result is shown against the original instead.
  const last = report.results.some((r) => r.original) ? ['original', 'change'] : ['published'];
  const head = ranged
    ? ['name', 'value', 'unit', 'display', 'p5', 'p50', 'p95', ...mental, ...last]
    : ['name', 'value', 'unit', 'display', ...mental, ...last];
  const aligns = head.map((h) => (h === 'name' || h === 'unit' || h === 'published' ? 'left' : 'right'));
  const row = resultCells(report, style);
  if (groups) {
    const body: GridRow[] = [];
    const span = (text: string) => ({ span: text });
    let empties: string[] = [];
    for (const g of groups) {
      if (g.empty !== undefined) {
        empties.push(`${style.bold(g.section)}${style.dim(`: ${g.empty}`)}`);
        continue;
      }
      // Sections with nothing to show share one framed cell, a line each.
      if (empties.length) body.push(span(empties.join('\n')));
      empties = [];
      body.push(span(style.bold(g.section)), ...g.rows.map(row));
      if (g.section === 'cost' && report.prices) body.push(span(style.dim(priceLine(report.prices))));
    }
    if (empties.length) body.push(span(empties.join('\n')));
    // The mental column (--mental) comes on top of the width, rather than squeeze `published`.
    const extra = mental.length
      ? report.results.reduce((m, r) => Math.max(m, (r.mental?.shown.length ?? 0) + 3), 0)
      : 0;
    out.push(fitted(head, body, head.indexOf('published'), aligns, TABLE_WIDTH + extra));
  } else {
    out.push(renderGrid(head, report.results.map(row), { align: aligns }));
  }
  if (report.uncertainty) {
    const { samples, seed } = report.uncertainty;
    out.push(
      style.dim(
        `value: from each range's median; p5, p50, p95: ${formatValue(samples)} samples, seed ${seed} (--seed ${seed} repeats them). A range "a to b" is a 90% interval.`,
      ),
    );
  }
  if (report.checksSkipped) out.push(style.dim('published figures not compared: --set changed the assumptions'));
  if (report.checksSetAside.length) out.push(style.dim(setAsideLine(report.checksSetAside)));

  // A cell has room for the verdict only; the whole sentence goes under the table.
  const failed = report.checks.filter((c) => c.status === 'fail');
  if (failed.length) {
    out.push('', style.bold('Published figures that disagree'));
    for (const c of failed) {
      const [first, ...rest] = wrapText(`✗ ${c.name}: ${checkSentence(c)}`, width, '  ');
      out.push(`${style.red('✗')} ${style.cyan(c.name)}${first!.slice(2 + c.name.length)}`, ...rest);
    }
  }

  const errata = report.checks.filter((c) => c.erratum !== undefined);
  if (errata.length) {
    out.push('', style.bold('Errata in the source'));
    for (const c of errata) {
      const [first, ...rest] = wrapText(
        `• ${c.name}: published ${c.published}, computed ${formatValue(c.actual)} ${c.unit} (${formatDifference(c.difference)}). ${c.erratum}`,
        width,
        '  ',
      );
      out.push(`${style.yellow('•')} ${style.cyan(c.name)}${first!.slice(2 + c.name.length)}`, ...rest);
    }
  }
  return `${out.join('\n')}\n`;
}

function assumptionCells(a: ReportRow, style: ChalkInstance, marked: boolean): string[] {
  const kind = a.range
    ? style.dim(a.range.fellBackToNormal ? ' (range, normal: low end ≤ 0)' : ` (range, ${a.range.dist})`)
    : '';
  const value =
    (a.overridden
      ? `${style.yellow(`${a.text} (set)`)}${a.original ? style.dim(` was ${a.original.text.trim()}`) : ''}`
      : a.text) + kind;
  if (!marked) return [style.cyan(a.name), value, a.note ?? ''];
  const origin = originLabel(a);
  return [
    style.cyan(a.name),
    value,
    a.origin === 'default' && !a.overridden ? style.yellow(origin) : origin,
    a.note ?? '',
  ];
}

function resultCells(report: Report, style: ChalkInstance): (r: ReportRow) => string[] {
  const checks = new Map(report.checks.map((c) => [c.name, c]));
  return (r) => {
    const c = checks.get(r.name);
    let published = '';
    if (c) {
      if (c.status === 'ok') published = `${c.published} ${style.green('✓')}`;
      else if (c.status === 'erratum')
        published = `${c.published} ${style.yellow(`✗ erratum (${formatDifference(c.difference)})`)}`;
      else published = `${c.published} ${style.red(`✗ ${verdict(c)}`)}`;
    }
    const name = r.overridden ? `${r.name} ${style.yellow('(set)')}` : r.name;
    const spread = r.percentiles
      ? [r.percentiles.p5, r.percentiles.p50, r.percentiles.p95].map((p) => formatDisplay(p, r.unit, report.calendar))
      : [];
    const mental = report.results.some((x) => x.mental) ? [r.mental?.shown ?? ''] : [];
    const last = r.original ? [r.original.display, changeCell(r.original.change, style)] : [published];
    return [style.cyan(name), formatValue(r.value), r.unit, style.bold(r.display), ...spread, ...mental, ...last];
  };
}

/** "+100%", green up, red down, dim when unchanged: as the what-if loop shows a change. */
function changeCell(change: number | null, style: ChalkInstance): string {
  const paint = change === 0 ? style.dim : change === null || change > 0 ? style.green : style.red;
  return paint(formatDelta(change));
}

/** "source: ..." wrapped to the table's width, the label dim. */
function labelled(label: string, text: string, style: ChalkInstance, width: number): string[] {
  const [first, ...rest] = wrapText(`${label} ${text}`, width, '  ');
  return [`${style.dim(label)}${first!.slice(label.length)}`, ...rest];
}

/**
 * A table that keeps to TABLE_WIDTH: every column as wide as its widest
 * cell, except `wrap` (if any: -1 for none), which gets what is left and wraps its words. Rows
 * spanning every column (section headings) wrap to the table's width rather
 * than widen it.
 */
function fitted(
  head: string[],
  body: readonly GridRow[],
  wrap: number,
  align?: Array<'left' | 'right'>,
  width = TABLE_WIDTH,
): string {
  const widths = head.map((h) => h.length + 2);
  for (const row of body) {
    if ('span' in row) continue;
    row.forEach((cell, i) => {
      // In terminal columns, as the grid draws: a CJK note takes two a character.
      widths[i] = Math.max(widths[i]!, ...cell.split('\n').map((l) => columns(l) + 2));
    });
  }
  const borders = head.length + 1;
  const others = widths.reduce((sum, w, i) => (i === wrap ? sum : sum + w), 0);
  if (wrap >= 0) widths[wrap] = Math.max(head[wrap]!.length + 2, Math.min(widths[wrap]!, width - borders - others), 14);
  return renderGrid(head, body, { widths, align });
}
