import type { ChalkInstance } from 'chalk';
import type { Figure, Model } from '../core/scenario/model.js';
import type { Sensitivity, Swing } from '../core/analysis/sensitivity.js';
import { alignColumns, hbar } from './charts.js';
import { displayOf } from './figure.js';
import { formatValue } from './number.js';

/** Cells filled where the result came from the assumption's low end, and from its high end: told apart without colour. */
const LOW = '░';
const HIGH = '█';
const BASE = '│';

/** The low..high inputs of a swing, as its tornado label shows them. */
export function swingInputs(model: Model, s: Swing): string {
  const f = model.byName.get(s.name)!;
  const low = displayOf(f, s.low, model.registry.conventions);
  const high = displayOf(f, s.high, model.registry.conventions);
  // The unit once when both ends share it: 150 M .. 450 M user.
  const unit = high.slice(high.indexOf(' '));
  return high.includes(' ') && low.endsWith(unit) ? `${low.slice(0, -unit.length)} .. ${high}` : `${low} .. ${high}`;
}

/**
 * The tornado: one row per assumption, largest swing on top; the bar spans
 * the result's low and high values around the baseline column, each end
 * labelled with its value, shaded by which end of the assumption gave it.
 */
export function renderTornado(model: Model, s: Sensitivity, style: ChalkInstance, width = 100): string[] {
  const result = model.byName.get(s.result)!;
  const show = (v: number) => displayOf(result, v, model.registry.conventions);
  const names = s.swings.map((w) => w.name);
  const inputs = s.swings.map((w) => swingInputs(model, w));
  const nameW = names.reduce((m, n) => Math.max(m, n.length), 0);
  const inputW = inputs.reduce((m, t) => Math.max(m, t.length), 0);
  // A bar spans every result its swing gave: both ends and the baseline between them.
  const spans = s.swings.map((w) => ({
    min: Math.min(w.resultLow, w.resultHigh, s.baseline),
    max: Math.max(w.resultLow, w.resultHigh, s.baseline),
  }));
  const lefts = spans.map((x) => show(x.min));
  const rights = spans.map((x) => show(x.max));
  const labelW = [...lefts, ...rights].reduce((m, l) => Math.max(m, l.length), 0);
  // Half the bar area on each side of the baseline, from what the labels leave of the width.
  const half = Math.max(8, Math.min(30, Math.floor((width - 2 - nameW - 2 - inputW - 2 - 2 * (labelW + 1) - 1) / 2)));
  const reach = spans.reduce((m, x) => Math.max(m, s.baseline - x.min, x.max - s.baseline), -Infinity);
  // Cells from the baseline out to a value; a nonzero difference gets at least one cell.
  const cells = (v: number) =>
    v === s.baseline || reach === 0 ? 0 : Math.max(1, Math.round((Math.abs(v - s.baseline) / reach) * half));
  const out = [
    `${style.bold(s.result)} ${style.dim(`= ${show(s.baseline)} with every assumption at its point value`)}`,
    style.dim(
      `each bar: ${s.result} as one assumption swings from its low to its high end, the others held (${LOW} low end, ${HIGH} high end)`,
    ),
    ...(s.swings.some((w) => w.basis === 'half')
      ? [style.dim('an assumption that is not a range swings ±50% of its value; a range, from its p5 to its p95')]
      : []),
    '',
  ];
  s.swings.forEach((w, i) => {
    const label = `  ${style.cyan(names[i]!.padEnd(nameW))}  ${style.dim(inputs[i]!.padEnd(inputW))}  `;
    if (w.swing === 0) {
      out.push(`${label}${' '.repeat(labelW + 1 + half)}${BASE} ${style.dim('no effect')}`);
      return;
    }
    const { min, max } = spans[i]!;
    // Each side is shaded by the end that reached farthest on it.
    const endAt = (v: number) =>
      v === w.resultLow ? { mark: LOW, paint: style.yellow } : { mark: HIGH, paint: style.cyan };
    const leftBar = min < s.baseline ? endAt(min).mark.repeat(cells(min)) : '';
    const rightBar = max > s.baseline ? endAt(max).mark.repeat(cells(max)) : '';
    const leftText = leftBar ? `${lefts[i]!} ` : '';
    const rightText = rightBar ? ` ${rights[i]!}` : '';
    const leftPad = ' '.repeat(labelW + 1 + half - leftText.length - leftBar.length);
    const leftPainted = leftBar ? endAt(min).paint(leftBar) : '';
    const rightPainted = rightBar ? endAt(max).paint(rightBar) : '';
    out.push(`${label}${leftPad}${leftText}${leftPainted}${BASE}${rightPainted}${rightText}`.trimEnd());
  });
  return out;
}

/** The swings as numbers: inputs, the result at each end, and the swing, largest first. */
export function renderSwingTable(model: Model, s: Sensitivity, style: ChalkInstance): string[] {
  const result = model.byName.get(s.result)!;
  const rows = [['assumption', 'low', 'high', 'from', `${s.result} at low`, 'at high', 'swing']];
  for (const w of s.swings) {
    const f = model.byName.get(w.name)!;
    const show = (fig: Figure, v: number) => displayOf(fig, v, model.registry.conventions);
    rows.push([
      w.name,
      show(f, w.low),
      show(f, w.high),
      w.basis === 'half' ? '±50%' : 'range',
      show(result, w.resultLow),
      show(result, w.resultHigh),
      show(result, w.swing),
    ]);
  }
  const lines = alignColumns(rows, [false, true, true, false, true, true, true], [style.cyan]);
  return [style.bold(lines[0]!), ...lines.slice(1)];
}

const SHARE_BAR = 30;

/** Shares of variance as percentages with a bar, or why there are none. */
export function renderShares(s: Sensitivity, style: ChalkInstance): string[] {
  const v = s.variance;
  if (!v)
    return [
      style.dim(
        'no assumption of this result is a range: give one ("a to b") in the scenario or with --set for shares of variance',
      ),
    ];
  const rows = v.shares.map((x) => [x.name, `${(x.share * 100).toFixed(1)}%`]);
  const lines = alignColumns(rows, [false, true], [style.cyan]);
  return [
    style.bold('Share of variance') +
      style.dim(
        ` (${formatValue(v.samples)} samples, seed ${v.seed}): how much of ${s.result}'s variance goes when that range is fixed at its median`,
      ),
    ...lines.map((l, i) => `${l}  ${hbar(v.shares[i]!.share, SHARE_BAR)}`),
    style.dim('each share is measured on its own, the other ranges drawn as before: they need not add up to 100%'),
  ];
}
