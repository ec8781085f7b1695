import { Dimension } from './dimension.js';
import { durationUnits, SI_PREFIXES, type Conventions } from './table.js';

const SI: ReadonlyArray<readonly [string, number]> = [['', 1], ...SI_PREFIXES.filter(([p]) => p !== 'K').map(([p, f]) => [p, f] as const)];
const TIME_DIM = Dimension.base('s');

/**
 * The unit a value reads best in, when none was asked for: bytes (and byte
 * rates) with the SI prefix that puts the number between 1 and 1000, plain
 * durations in the largest time unit that fits, anything else in base units
 * (tweet/s, USD/day is shown as USD/s: ask with `->` for another).
 */
export function bestUnit(value: number, dim: Dimension, conventions?: Conventions): { value: number; unit: string } {
  if (dim.isNone) return { value, unit: '' };
  if (dim.equals(TIME_DIM)) {
    const units = durationUnits(conventions);
    let best = units[3]!;
    for (const t of units) if (Math.abs(value) >= t[1] * 0.9995) best = t;
    if (value === 0) best = units[3]!;
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
