import { IEC_PREFIXES, SI_PREFIXES } from '../units/table.js';

export interface PowerRow {
  power: number;
  /** 2^power as a number: exact, since a double holds any power of two. */
  value: number;
  /** The digits, which a double prints rounded beyond 2^53 ("...847000"). */
  exact: string;
  /** What the rule "2^10 ≈ 1,000" makes of it: 2^32 ≈ 4 × 1000^3. */
  approximate: number;
  /** "~4 billion"; the exact value when the rule does not apply (2^8). */
  approximateText: string;
  /** "4 GiB": the binary (IEC) size of 2^power bytes. */
  iec: string;
  /** "4 GB": the decimal (SI) name it is commonly confused with, which is `approximate` bytes. */
  si: string;
  /** How much larger the IEC size is than the SI one: 0.074 for GiB against GB. */
  iecLargerBy: number;
}

// One word per factor of 1000, as the tables of System Design Interview name them.
const SCALE_WORDS = [
  '',
  'thousand',
  'million',
  'billion',
  'trillion',
  'quadrillion',
  'quintillion',
  'sextillion',
  'septillion',
];

/** The largest power whose IEC prefix exists (Yi = 2^80). */
export const MAX_POWER = 10 * IEC_PREFIXES.length + 9;

/** Every 10th power, and the ones that recur in estimates: a byte, a 16-bit and a 32-bit counter. */
export const POWERS_SHOWN: readonly number[] = [8, 10, 16, 20, 30, 32, 40, 50, 60];

export function powerRow(power: number): PowerRow {
  const thousands = Math.floor(power / 10);
  const mantissa = 2 ** (power % 10);
  const approximate = mantissa * 1000 ** thousands;
  const iecPrefix = thousands ? IEC_PREFIXES[thousands - 1]!.symbol : '';
  // SI_PREFIXES lists both 'k' and 'K' for 1e3; sizes say KB, as the book does.
  const siPrefix = thousands ? SI_PREFIXES.filter((p) => p.symbol !== 'k')[thousands - 1]!.symbol : '';
  const value = 2 ** power;
  return {
    power,
    value,
    exact: (2n ** BigInt(power)).toString(),
    approximate,
    approximateText: thousands ? `~${mantissa} ${SCALE_WORDS[thousands]}` : String(value),
    iec: `${mantissa} ${iecPrefix}B`,
    si: `${mantissa} ${siPrefix}B`,
    iecLargerBy: value / approximate - 1,
  };
}

export function powersTable(): PowerRow[] {
  return POWERS_SHOWN.map(powerRow);
}

/** "32" or "2^32" (or "2**32") to a power in 0..MAX_POWER; undefined for anything else. */
export function parsePower(text: string): number | undefined {
  const m = /^\s*(?:2\s*(?:\^|\*\*)\s*)?(\d{1,3})\s*$/.exec(text);
  const power = m ? Number(m[1]) : NaN;
  return power >= 0 && power <= MAX_POWER ? power : undefined;
}
