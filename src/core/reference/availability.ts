import { toDigits } from '../units/display.js';
import { UnitRegistry } from '../units/registry.js';

const seconds = (unit: string) => UnitRegistry.create().unit(unit)!.factor;

/** bote's calendar (365-day year, month = year/12), in seconds, so these figures agree with every estimate. */
export const DOWNTIME_PERIODS = {
  day: seconds('day'),
  week: seconds('week'),
  month: seconds('month'),
  year: seconds('year'),
} as const;

export const YEAR_DAYS = DOWNTIME_PERIODS.year / DOWNTIME_PERIODS.day;

export type Period = keyof typeof DOWNTIME_PERIODS;

export interface AvailabilityRow {
  /** A fraction: 0.9995 for 99.95%. */
  availability: number;
  /** As people write it: "99.95%". */
  percent: string;
  /**
   * The count SLAs use: 3 for 99.9%, 3.5 for 99.95% (three nines, then a 5),
   * as `parseAvailability` reads it back; null for a target of another shape
   * (99.7%, 100%), which no count of nines names.
   */
  nines: number | null;
  /** Seconds of downtime allowed per period. */
  downtime: Record<Period, number>;
}

/** The targets the usual table lists, plus 99.95% ("three and a half nines"), a common SLA. */
export const AVAILABILITY_TARGETS: readonly number[] = [0.99, 0.999, 0.9995, 0.9999, 0.99999, 0.999999];

// 1 - 0.9999 is 0.00009999999999998899 in binary; twelve digits are far more
// than any downtime figure needs and give 52.56 min, not 52.559999 min.
const clean = (x: number) => toDigits(x, 12);

export function availabilityRow(availability: number): AvailabilityRow {
  // The error of 1 - a is absolute (about 1e-16), so it is rounded to fixed
  // places: relative to 1 - 0.99999 it would reach the twelfth digit.
  const unavailable = Number((1 - availability).toFixed(15));
  const downtime = Object.fromEntries(
    Object.entries(DOWNTIME_PERIODS).map(([period, seconds]) => [period, clean(unavailable * seconds)]),
  ) as Record<Period, number>;
  return {
    availability,
    percent: `${clean(availability * 100)}%`,
    nines: ninesOf(unavailable),
    downtime,
  };
}

function ninesOf(unavailable: number): number | null {
  if (unavailable <= 0 || unavailable > 0.1) return null;
  const whole = -Math.log10(unavailable);
  if (Math.abs(whole - Math.round(whole)) < 1e-9) return Math.round(whole);
  const half = -Math.log10(unavailable * 2);
  return Math.abs(half - Math.round(half)) < 1e-9 ? Math.round(half) + 0.5 : null;
}

export function availabilityTable(): AvailabilityRow[] {
  return AVAILABILITY_TARGETS.map(availabilityRow);
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

/**
 * An availability as people write it: "99.95%", "99.95" (a number above 1 is
 * a percentage), "0.9995" (at most 1 is a fraction), "3 nines", "three nines",
 * and half nines the way SLAs use them: "3.5 nines" and "three and a half
 * nines" are 99.95% (three nines, then a 5), not 1 - 10^-3.5.
 */
export function parseAvailability(text: string): Parsed {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const nines = /^(\d+(?:\.5)?|[a-z]+(?: and a half)?) ?nines?$/.exec(t);
  if (nines) return fromNines(nines[1]!, text);
  const number = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?) ?(%)?$/.exec(t);
  if (!number)
    return { ok: false, message: `"${text}" is not an availability: write 99.95%, 99.95, 0.9995 or "4 nines"` };
  const x = Number(number[1]);
  const fraction = number[2] || x > 1 ? x / 100 : x;
  if (fraction < 0 || fraction > 1) {
    return { ok: false, message: `${text} is not an availability: it must lie between 0% and 100%` };
  }
  return { ok: true, value: clean(fraction) };
}

function fromNines(count: string, text: string): Parsed {
  const half = count.endsWith(' and a half') || count.endsWith('.5');
  const whole = count.replace(/ and a half$|\.5$/, '');
  const n = /^\d+$/.test(whole) ? Number(whole) : NUMBER_WORDS.indexOf(whole) + 1;
  if (n < 1 || n > 9)
    return { ok: false, message: `"${text}": count the nines from 1 to 9, e.g. "4 nines" or "3.5 nines"` };
  const unavailable = 10 ** -n * (half ? 0.5 : 1);
  return { ok: true, value: clean(1 - unavailable) };
}
