import type { Conventions } from '../core/units/table.js';
import type { ChalkInstance } from 'chalk';
import { formatDisplay } from './number.js';

/** One line: y against x, both in the units the axes are labelled in. */
export interface Series {
  name: string;
  ys: readonly number[];
}

export interface LineChart {
  xs: readonly number[];
  series: readonly Series[];
  xName: string;
  xUnit: string;
  yUnit: string;
  logX: boolean;
  /** Durations on an axis are shown by the scenario's day and year. */
  calendar?: Conventions;
  /** Characters per line, axis labels included. */
  width?: number;
  height?: number;
}

/** Told apart without colour: each series marks its data points with its own symbol. */
export const MARKERS = ['●', '○', '◆', '◇', '▲', '△'];
const COLOURS = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red'] as const;
/** Braille dot bits by [row 0..3 from the top][column 0..1] within a cell. */
const DOTS = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
];

/** A position 0..1 along an axis, linear or logarithmic. */
function scale(lo: number, hi: number, log: boolean): (v: number) => number {
  // Halves where hi − lo overflows (an axis from -1e308 to 1e308); never NaN, never off the plot (0..5e-324).
  const wide = !Number.isFinite(hi - lo);
  const at = log
    ? (v: number) => (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))
    : (v: number) => (wide ? (v / 2 - lo / 2) / (hi / 2 - lo / 2) : (v - lo) / (hi - lo));
  return (v) => {
    const t = at(v);
    return Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  };
}
function unscale(lo: number, hi: number, log: boolean, t: number): number {
  return log ? Math.exp(Math.log(lo) * (1 - t) + Math.log(hi) * t) : lo * (1 - t) + hi * t;
}

/** Within the largest number: the extent around 1.7e308 would pass it. */
const finite = (x: number) => Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, x));

/** The y extent: from zero for positive values on a linear scale, so that proportions read true; never empty. */
function yExtent(ys: number[], log: boolean): [number, number] {
  let lo = ys.reduce((m, y) => Math.min(m, y), Infinity);
  const hi = ys.reduce((m, y) => Math.max(m, y), -Infinity);
  if (!log && lo > 0) lo = 0;
  if (hi === lo)
    return log
      ? [lo / 2, finite(hi * 2)]
      : ([lo - (Math.abs(lo) || 1) / 2, hi + (Math.abs(hi) || 1) / 2].map(finite) as [number, number]);
  return [lo, hi];
}

/**
 * A braille line chart: 2×4 dots per cell, segments joined between the data
 * points, which carry the series' marker. With a log x axis and positive
 * values the y axis is logarithmic too, so proportional results are straight.
 */
export function renderLineChart(c: LineChart, style: ChalkInstance): string[] {
  const H = c.height ?? 12;
  const all = c.series.flatMap((s) => s.ys);
  const logY = c.logX && all.every((y) => y > 0);
  const [ylo, yhi] = yExtent(all, logY);
  // The y labels' width is known only from the extent: the plot takes what they leave.
  const lw = Math.max(...[ylo, yhi, ylo / 2 + yhi / 2].map((v) => formatDisplay(v, c.yUnit, c.calendar).length));
  const W = Math.max(20, (c.width ?? 80) - lw - 2);
  const xlo = c.xs[0]!;
  const xhi = c.xs[c.xs.length - 1]!;
  const fx = scale(xlo, xhi, c.logX);
  const fy = scale(ylo, yhi, logY);
  const bits = new Uint8Array(W * H);
  const owner = new Int8Array(W * H).fill(-1);
  const marks = new Map<number, number>();
  const plot = (px: number, py: number, k: number) => {
    const cell = (H - 1 - Math.floor(py / 4)) * W + Math.floor(px / 2);
    bits[cell]! |= DOTS[3 - (py % 4)]![px % 2]!;
    owner[cell] = k;
  };
  // Markers on every point when they fit, else on about eight of them.
  const every = Math.max(1, Math.ceil(c.xs.length / Math.min(8, Math.floor(W / 3))));
  c.series.forEach((s, k) => {
    const pts = s.ys.map((y, i) => [Math.round(fx(c.xs[i]!) * (2 * W - 1)), Math.round(fy(y) * (4 * H - 1))] as const);
    pts.forEach(([x, y], i) => {
      const next = pts[i + 1];
      if (next) {
        const n = Math.max(Math.abs(next[0] - x), Math.abs(next[1] - y), 1);
        for (let t = 0; t <= n; t++)
          plot(Math.round(x + ((next[0] - x) * t) / n), Math.round(y + ((next[1] - y) * t) / n), k);
      } else plot(x, y, k);
      if (i % every === 0 || i === pts.length - 1) marks.set((H - 1 - Math.floor(y / 4)) * W + Math.floor(x / 2), k);
    });
  });
  const paint = (k: number) => style[COLOURS[k % COLOURS.length]!];
  const cellText = (i: number) => {
    const m = marks.get(i);
    if (m !== undefined) return paint(m)(MARKERS[m % MARKERS.length]!);
    return bits[i] ? paint(owner[i]!)(String.fromCharCode(0x2800 + bits[i]!)) : ' ';
  };
  // Tick rows: top, middle and bottom, each labelled with the value its row stands for.
  const mid = Math.floor((H - 1) / 2);
  const ticks = new Map([
    [0, yhi],
    [mid, unscale(ylo, yhi, logY, (4 * (H - 1 - mid) + 1.5) / (4 * H - 1))],
    [H - 1, ylo],
  ]);
  const labels = new Map([...ticks].map(([r, v]) => [r, formatDisplay(v, c.yUnit, c.calendar)]));
  const labelW = Math.max(...[...labels.values()].map((l) => l.length));
  const out: string[] = [];
  if (c.series.length > 1)
    out.push(c.series.map((s, k) => `${paint(k)(MARKERS[k % MARKERS.length]!)} ${s.name}`).join('   '));
  for (let r = 0; r < H; r++) {
    const row = Array.from({ length: W }, (_, i) => cellText(r * W + i)).join('');
    const label = labels.get(r);
    out.push(`${(label ?? '').padStart(labelW)} ${style.dim(label ? '┤' : '│')}${row}`.trimEnd());
  }
  const xMid = unscale(xlo, xhi, c.logX, 0.5);
  const axis = Array.from({ length: W }, (_, i) =>
    i === 0 || i === W - 1 || i === Math.floor(W / 2) ? '┬' : '─',
  ).join('');
  out.push(`${' '.repeat(labelW)} ${style.dim(`└${axis}`)}`);
  const [a, b, m] = [xlo, xhi, xMid].map((v) => formatDisplay(v, c.xUnit, c.calendar)) as [string, string, string];
  const under = `${a}${' '.repeat(Math.max(1, Math.floor(W / 2) - a.length - Math.floor(m.length / 2)))}${m}`;
  out.push(`${' '.repeat(labelW + 2)}${under}${b.padStart(Math.max(b.length + 1, W - under.length))}`);
  const caption = `${c.xName}${c.logX ? ' (log scale)' : ''}${logY ? `; ${c.yUnit || 'values'} on a log scale` : ''}`;
  out.push(`${' '.repeat(labelW + 2 + Math.max(0, Math.floor((W - caption.length) / 2)))}${style.dim(caption)}`);
  return out;
}
