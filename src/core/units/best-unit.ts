import { Dimension } from './dimension.js';

const TIME: ReadonlyArray<readonly [string, number]> = [
  ['ns', 1e-9], ['us', 1e-6], ['ms', 1e-3], ['s', 1], ['min', 60], ['hour', 3600], ['day', 86400], ['year', 365 * 86400],
];
const SI: ReadonlyArray<readonly [string, number]> = [['', 1], ['k', 1e3], ['M', 1e6], ['G', 1e9], ['T', 1e12], ['P', 1e15], ['E', 1e18]];
const TIME_DIM = Dimension.base('s');

/**
 * The unit a value reads best in, when none was asked for: bytes (and byte
 * rates) with the SI prefix that puts the number between 1 and 1000, plain
 * durations in the largest time unit that fits, anything else in base units
 * (tweet/s, USD/day is shown as USD/s: ask with `->` for another).
 */
export function bestUnit(value: number, dim: Dimension): { value: number; unit: string } {
  if (dim.isNone) return { value, unit: '' };
  if (dim.equals(TIME_DIM)) {
    let best = TIME[3]!;
    for (const t of TIME) if (Math.abs(value) >= t[1] * 0.9995) best = t;
    if (value === 0) best = TIME[3]!;
    return { value: value / best[1], unit: best[0] };
  }
  const base = String(dim);
  if (dim.powerOf('B') === 1 && base.startsWith('B')) {
    let best = SI[0]!;
    for (const p of SI) if (Math.abs(value) >= p[1] * 0.9995) best = p;
    return { value: value / best[1], unit: `${best[0]}${base}` };
  }
  return { value, unit: base };
}
