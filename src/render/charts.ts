import type { ChalkInstance } from 'chalk';
import type { Growth } from '../core/analysis/growth.js';
import type { Model } from '../core/scenario/model.js';
import { displayOf } from './figure.js';
import { threeDigits } from './number.js';

// Shared pieces of the terminal charts: the tornado (tornado.ts), the sweep's
// line chart (line-chart.ts) and the growth bars below.

/** Left-aligned partial blocks: a bar is drawn to an eighth of a cell. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `fraction` (0..1) of `width` cells long; anything above zero shows at least an eighth. */
export function hbar(fraction: number, width: number): string {
  return fraction > 0 ? cellsBar(Math.max(1 / 8, Math.min(1, fraction) * width)) : '';
}

/** A bar `cells` long, drawn to the nearest eighth of a cell. */
export function cellsBar(cells: number): string {
  const eighths = Math.round(Math.max(0, cells) * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** Plain columns two spaces apart, numbers right-aligned; cells are padded before they are painted. */
export function alignColumns(
  rows: string[][],
  right: readonly boolean[],
  paint: Array<((s: string) => string) | undefined> = [],
): string[] {
  const widths = rows[0]!.map((_, i) => rows.reduce((m, r) => Math.max(m, r[i]!.length), 0));
  return rows.map((r) =>
    r
      .map((cell, i) => (paint[i] ?? String)(right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The chart width to aim for: $COLUMNS when it is a number, else 100, never below 60. */
export function chartWidth(env: Readonly<Record<string, string | undefined>>): number {
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? Math.max(60, Math.min(columns, 160)) : 100;
}

const GROWTH_BAR = 40;

/**
 * `estimate --chart`: one bar per year for each figure that accumulates over
 * a horizon, the cumulative value at the end of that year at the bar's end.
 */
export function renderGrowthCharts(model: Model, growths: readonly Growth[], style: ChalkInstance): string {
  if (!growths.length)
    return `${style.dim('no result accumulates over a horizon (a rate times a duration of a year or more)')}\n`;
  const out: string[] = [];
  for (const g of growths) {
    const f = model.byName.get(g.name)!;
    const top = Math.max(...g.points.map((p) => Math.abs(p.value)));
    out.push(
      '',
      `${style.bold(g.name)} ${style.dim(`over ${g.horizon} (${threeDigits(g.years)} year): cumulative at the end of each year`)}`,
    );
    const labels = g.points.map((p) => `year ${threeDigits(p.year)}`);
    const width = Math.max(...labels.map((l) => l.length));
    g.points.forEach((p, i) => {
      const bar = hbar(top > 0 ? Math.abs(p.value) / top : 0, GROWTH_BAR);
      out.push(
        `  ${labels[i]!.padEnd(width)}  ${style.cyan(bar.padEnd(GROWTH_BAR))}  ${displayOf(f, p.value, model.registry.conventions)}`,
      );
    });
  }
  return `${out.join('\n')}\n`;
}
