import { Dimension } from './dimension.js';
import { durationUnits, IEC_PREFIXES, SI_PREFIXES, type Conventions } from './table.js';

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

const BYTE_UNIT = /^(Ki|Mi|Gi|Ti|Pi|Ei|Zi|Yi|k|K|M|G|T|P|E|Z|Y)?(B|bit|bps)(?=$|[/·-])/;

/** A unit that starts with bytes or bits (`TB/day`, `MiB`, `Gbit/s`, `GB-month`): one that takes another prefix of its family. */
export function isByteUnit(unit: string): boolean {
  return BYTE_UNIT.test(unit);
}

/**
 * A value in a unit of bytes or bits, in the prefix of the unit's own family
 * (SI stays SI, IEC stays IEC) that its three digits reach 1 in: 1e-10 TB is
 * 100 B, 2500 KiB is 2.44 MiB, 10 Gbit/s stays. Other units as they are.
 */
export function rePrefixed(value: number, unit: string): { value: number; unit: string } {
  const m = BYTE_UNIT.exec(unit);
  if (!m) return { value, unit };
  const [written, prefix = '', base] = m as unknown as [string, string | undefined, string];
  const family = prefix.endsWith('i') ? IEC_PREFIXES : SI_PREFIXES.filter(([p]) => p !== 'K');
  const factor = [...IEC_PREFIXES, ...SI_PREFIXES].find(([p]) => p === prefix)?.[1] ?? 1;
  const inBase = value * factor;
  // The largest prefix whose shown value (three digits) reaches 1. Rounding the
  // byte count instead put 1 KiB (1024 → 1020 B) below the IEC step: "1020 B".
  let best: readonly [string, number] = ['', 1];
  for (const p of family) if (Math.abs(Number((inBase / p[1]).toPrecision(3))) >= 1) best = [p[0], p[1]];
  return { value: inBase / best[1], unit: `${best[0]}${base}${unit.slice(written.length)}` };
}
