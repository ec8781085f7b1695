import { CALENDAR_SHORTCUTS, PER_DAY_RATE, powerOfTwoShortcut, type ShortcutId } from '../reference/shortcuts.js';
import { Dimension } from '../units/dimension.js';
import type { UnitRegistry } from '../units/registry.js';
import { IEC_PREFIXES } from '../units/table.js';
import { mergeFactors, type UnitFactor } from '../units/written.js';
import { isRound, roundMental, tensOf } from './mental-round.js';

// How the whiteboard converts units (docs/mental-math.md, "Units"): the
// calendar by the shortcuts M1 to M3 (unless a scenario's own length is
// round already), IEC prefixes by 2^10 ≈ 10^3 (M4), a rate per day by
// M5 when it starts with a 1, units of time of a minute or more into each
// other by their count (365 day a year), and any other size by the rounding
// rule, unless it is round already or a round number of bits.

/** A number and the unit words it is in, as written (tweet/day, not tweet/s). */
export interface MentalValue {
  value: number;
  units: UnitFactor[];
}

/** One approximation a conversion made: 1 day = 86,400 s ≈ 10^5 s (M1). */
export interface Approximation {
  /** What is converted, with its count: `1 day`, `1 year`, `1 GiB`, `1 M/day`, `2^40`. */
  what: string;
  exact: number;
  mental: number;
  /** The unit of both numbers: `s`, `day`, `B`, `/s`; empty for a plain number. */
  in: string;
  id?: ShortcutId;
  /** (mental − exact) / exact. */
  error: number;
}

export interface Converted {
  /** The factor a value is multiplied by. */
  ratio: number;
  notes: Approximation[];
}

const TIME = Dimension.base('s');
const CALENDAR = ['day', 'month', 'year'] as const;
type CalendarWord = (typeof CALENDAR)[number];
const SHORTCUT_OF: Record<CalendarWord, ShortcutId> = { day: 'M1', month: 'M2', year: 'M3' };

function note(what: string, exact: number, mental: number, unit: string, id?: ShortcutId): Approximation {
  return { what, exact, mental, in: unit, ...(id ? { id } : {}), error: mental / exact - 1 };
}

/** A size the whiteboard keeps as it is: round by the rule, or a round number of bits (Gbps is 1.25 × 10^8 B/s). */
function keptExact(size: number): boolean {
  return isRound(size) || isRound(size * 8) || isRound(size / 8);
}

/** The whiteboard size of one unit word, in base units, and what it approximated. */
export function wordSize(f: UnitFactor, registry: UnitRegistry): Converted {
  const exact = f.factor;
  if (f.dim.equals(TIME) && (CALENDAR as readonly string[]).includes(f.symbol) && !isRound(exact)) {
    const word = f.symbol as CalendarWord;
    const mental = CALENDAR_SHORTCUTS[word];
    return { ratio: mental, notes: [note(`1 ${word}`, exact, mental, 's', SHORTCUT_OF[word])] };
  }
  const iec = IEC_PREFIXES.findIndex(
    (p) => f.symbol.startsWith(p.symbol) && registry.lookup(f.symbol)?.factor === exact,
  );
  if (iec >= 0) {
    const rest = registry.lookup(f.symbol.slice(IEC_PREFIXES[iec]!.symbol.length));
    if (rest && Math.abs(rest.factor * IEC_PREFIXES[iec]!.factor - exact) <= 1e-9 * exact) {
      const m4 = powerOfTwoShortcut(iec + 1);
      const restSize = wordSize({ ...f, symbol: rest.symbol, factor: rest.factor }, registry);
      return {
        ratio: m4.approx * restSize.ratio,
        notes: [note(`1 ${f.symbol}`, m4.exact, m4.approx, rest.symbol, 'M4'), ...restSize.notes],
      };
    }
  }
  // Billing units keep their hyphen (GB-month, server-hour): each word by itself.
  const parts = f.symbol.includes('-') ? f.symbol.split('-').map((w) => registry.lookup(w)) : [];
  if (parts.length > 1 && parts.every((u) => u !== undefined)) {
    const sizes = parts.map((u) => wordSize({ symbol: u!.symbol, power: 1, factor: u!.factor, dim: u!.dim }, registry));
    return { ratio: sizes.reduce((r, s) => r * s.ratio, 1), notes: sizes.flatMap((s) => s.notes) };
  }
  if (keptExact(exact)) return { ratio: exact, notes: [] };
  const mental = roundMental(exact);
  return { ratio: mental, notes: [note(`1 ${f.symbol}`, exact, mental, baseText(f.dim))] };
}

/** The base units of a dimension as a unit is written: `s`, `B`, `USD`. */
function baseText(dim: Dimension): string {
  return dim.isNone ? '' : String(dim);
}

/**
 * The factor that takes a value from units `from` to units `to` (of the same
 * dimension) on the whiteboard. `value` decides M5: a rate per day that
 * starts with a 1 goes per second by 1 M/day ≈ 12/s; without one, M1.
 */
export function convert(
  value: number | undefined,
  from: readonly UnitFactor[],
  to: readonly UnitFactor[],
  registry: UnitRegistry,
): Converted {
  const rest = mergeFactors(expand([...from, ...to.map((f) => ({ ...f, power: -f.power }))], registry));
  const time = rest.filter((f) => f.dim.equals(TIME));
  const other = rest.filter((f) => !f.dim.equals(TIME));
  const parts = [timeRatio(value, time, registry), ...other.map((f) => powered(wordSize(f, registry), f.power))];
  return { ratio: parts.reduce((r, p) => r * p.ratio, 1), notes: parts.flatMap((p) => p.notes) };
}

function powered(c: Converted, power: number): Converted {
  return { ratio: c.ratio ** power, notes: c.notes };
}

function timeRatio(value: number | undefined, time: readonly UnitFactor[], registry: UnitRegistry): Converted {
  if (!time.length) return { ratio: 1, notes: [] };
  // Two units of time of a minute or more, one into the other: their count (365 day a year, 24 hour a day).
  if (time.length === 2 && time[0]!.power === -time[1]!.power && Math.abs(time[0]!.power) === 1) {
    const [big, small] = time[0]!.factor >= time[1]!.factor ? [time[0]!, time[1]!] : [time[1]!, time[0]!];
    if (small.factor >= 60) {
      const count = big.factor / small.factor;
      const mental = roundMental(count);
      const notes = isRound(count) ? [] : [note(`1 ${big.symbol}`, count, mental, small.symbol)];
      return { ratio: mental ** big.power, notes };
    }
  }
  // A rate per day that starts with a 1, per second: 1 M/day ≈ 12/s (M5).
  const day = time.find((f) => f.symbol === 'day');
  const perDayToSeconds =
    day?.power === -1 && !isRound(day.factor) && time.every((f) => f === day || (f.symbol === 's' && f.power === 1));
  if (perDayToSeconds && value !== undefined && Math.floor(tensOf(Math.abs(roundMental(value))).mantissa) === 1) {
    const { perDay, perSecond } = PER_DAY_RATE;
    return { ratio: perSecond / perDay, notes: [note('1 M/day', perDay / day.factor, perSecond, '/s', 'M5')] };
  }
  const parts = time.map((f) => powered(wordSize(f, registry), f.power));
  return { ratio: parts.reduce((r, p) => r * p.ratio, 1), notes: parts.flatMap((p) => p.notes) };
}

/** Billing units as their words (GB-month as GB and month), so that a month cancels a month. */
export function expand(units: readonly UnitFactor[], registry: UnitRegistry): UnitFactor[] {
  return units.flatMap((f) => {
    const parts = f.symbol.includes('-') ? f.symbol.split('-').map((w) => registry.lookup(w)) : [];
    if (parts.length < 2 || parts.some((u) => u === undefined)) return [f];
    return parts.map((u) => ({ symbol: u!.symbol, power: f.power, factor: u!.factor, dim: u!.dim }));
  });
}

/** The whiteboard size of a whole unit, in base units (for the runtime of a function). */
export function unitSize(units: readonly UnitFactor[], registry: UnitRegistry): Converted {
  return convert(undefined, units, [], registry);
}

/** The dimension of unit words. */
export function dimOf(units: readonly UnitFactor[]): Dimension {
  return Dimension.of(units.flatMap((f) => f.dim.factors.map(([b, p]) => [b, p * f.power] as const)));
}

/** A dimension as unit words in base units: B/s is B and s^-1. */
export function baseUnits(dim: Dimension): UnitFactor[] {
  return dim.factors.map(([b, p]) => ({ symbol: b, power: p, factor: 1, dim: Dimension.base(b) }));
}
