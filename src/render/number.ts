import { displayUnit, toDigits } from '../core/units/display.js';
import { UnitRegistry } from '../core/units/registry.js';
import type { Conventions } from '../core/units/table.js';

// Not Intl.NumberFormat: creating one loads ICU data, about 20 ms of start-up.
export function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A value for the value column: grouped digits, six significant ones
 * (3,472.22; 150,000,000; 54.75), exponent form for the very large and small.
 */
export function formatValue(x: number): string {
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e21 || a < 1e-4)) return x.toExponential(3).replace(/\.?0+e/, 'e');
  const [int, frac] = String(Number.isInteger(x) && a < 1e15 ? x : toDigits(x, 6)).split('.');
  return frac === undefined ? group(int!) : `${group(int!)}.${frac}`;
}

/**
 * Three significant digits, no trailing zeros: 3.47, 54.8, 30, 0.5; digits
 * grouped from 10,000 (31,700,000 year); exponent form from 1e15, where
 * scale suffixes end (2e+15 user), and below 1e-4.
 */
export function threeDigits(x: number): string {
  const r = toDigits(x, 3);
  if (Math.abs(r) >= 1e15 || (r !== 0 && Math.abs(r) < 1e-4)) return r.toExponential(2).replace(/\.?0+e/, 'e');
  return Math.abs(r) >= 1e4 ? group(String(r)) : String(r);
}

const SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'T'],
  [1e9, 'bn'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 3472 → "3.47 K", 150000 → "150 K", 7 → "7". Every suffix reads back as a scale word. */
export function scaled(x: number): string {
  const r = toDigits(x, 3);
  for (const [size, suffix] of SCALES) {
    if (Math.abs(r) >= size && Math.abs(r) < size * 1000) return `${threeDigits(r / size)} ${suffix}`;
  }
  return threeDigits(r);
}

/**
 * The friendly form of a value in `unit`: bytes and bits re-prefixed in the
 * unit's own family (54.75 PB, 30 TB/day, 2.5 GiB), plain durations and
 * lengths in the largest unit that fits (by the scenario's `conventions` of
 * day and year), and counts with a scale (3.47 K tweet/s). Which unit is
 * core's choice (units/display.ts); this only writes the number.
 */
export function formatDisplay(
  value: number,
  unit: string,
  conventions?: Conventions,
  whole: boolean = isBought(unit),
): string {
  // A whole count of things bought is shown as it is: 1,003 servers are not "1 K".
  if (whole && Number.isInteger(value) && Math.abs(value) < 1e6)
    return `${group(String(value))}${unit ? ` ${unit}` : ''}`;
  const shown = displayUnit(value, unit, UnitRegistry.create({ conventions }));
  if (shown.onLadder) return `${threeDigits(shown.value)} ${shown.unit}`;
  return unit ? `${scaled(value)} ${unit}` : scaled(value);
}

/**
 * Whether a unit counts things bought, as servers() and shards() count them:
 * never rounded down. A figure whose formula calls one of them is a count
 * whatever its unit (countsWhole in core/expr/functions.ts); this covers the
 * sums of such counts, written in server or shard.
 */
export function isBought(unit: string): boolean {
  return /^(server|shard)s?$/.test(unit);
}

/** A change as a percentage: "+100%", "-50%", "0%"; "new" where the original was 0. */
export function formatDelta(d: number | null): string {
  if (d === null) return 'new';
  if (d === 0) return '0%';
  const p = d * 100;
  // A change of 1e307 times is no finite percentage: said as a multiple.
  if (!Number.isFinite(p)) return `${d > 0 ? '+' : '-'}${threeDigits(Math.abs(d))}×`;
  let shown = Math.abs(p) >= 10 ? Math.round(p) : toDigits(p, 2);
  // A fall that does not reach zero is not said as one: 1,003 servers to 1 is -99.9%.
  if (shown <= -100 && p > -100) shown = Math.max(toDigits(p, 3), -99.99);
  return `${p > 0 ? '+' : '-'}${Math.abs(shown)}%`;
}
