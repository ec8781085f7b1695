import { UnitRegistry } from '../units/registry.js';
import type { Conventions } from '../units/table.js';

/**
 * The whiteboard shortcuts of mental math (docs/mental-math.md), rows M1 to
 * M5 and M11 of section 4 of the research note on capacity and shortcuts.
 * Each error is computed here from the exact value, by bote's calendar (or a
 * scenario's), never copied: error = (shortcut − exact) / exact.
 */
export type ShortcutId = 'M1' | 'M2' | 'M3' | 'M4' | 'M5' | 'M11';

export interface Shortcut {
  id: ShortcutId;
  /** As one says it: "day ≈ 10^5 s". */
  text: string;
  /** What is approximated: `1 day`, `2^10`, `1 M/day`. */
  what: string;
  exact: number;
  approx: number;
  /** The unit of `exact` and `approx`: `s`, `/s`, `MB/s`; empty for a plain number. */
  unit: string;
  /** (approx − exact) / exact. */
  error: number;
}

const row = (id: ShortcutId, text: string, what: string, exact: number, approx: number, unit: string): Shortcut => ({
  id,
  text,
  what,
  exact,
  approx,
  unit,
  error: approx / exact - 1,
});

/** The whiteboard lengths of the calendar, in seconds: M1, M2, M3. */
export const CALENDAR_SHORTCUTS = { day: 1e5, month: 2.5e6, year: 3e7 } as const;
/** M5: a million a day is about 12 a second. */
export const PER_DAY_RATE = { perDay: 1e6, perSecond: 12 } as const;

/** 2^(10k) ≈ 10^(3k): the rule M4, compounded k times. */
export function powerOfTwoShortcut(k: number): Shortcut {
  return row('M4', `2^${10 * k} ≈ 10^${3 * k}`, `2^${10 * k}`, 2 ** (10 * k), 10 ** (3 * k), '');
}

/** The shortcuts with their errors, against a scenario's calendar or bote's own (365-day year, month = year/12). */
export function shortcuts(calendar: Conventions = UnitRegistry.create().conventions): Shortcut[] {
  const gbps = UnitRegistry.create().lookup('Gbps')!.factor;
  return [
    row('M1', 'day ≈ 10^5 s', '1 day', calendar.day, CALENDAR_SHORTCUTS.day, 's'),
    row('M2', 'month ≈ 2.5 × 10^6 s', '1 month', calendar.month, CALENDAR_SHORTCUTS.month, 's'),
    row('M3', 'year ≈ 3 × 10^7 s', '1 year', calendar.year, CALENDAR_SHORTCUTS.year, 's'),
    ...[1, 2, 3, 4].map(powerOfTwoShortcut),
    row('M5', '1 M/day ≈ 12/s', '1 M/day', PER_DAY_RATE.perDay / calendar.day, PER_DAY_RATE.perSecond, '/s'),
    // The network rule: a byte is 8 bits, and 2 of 10 go to protocol overhead.
    row('M11', '1 Gbps ≈ 100 MB/s', '1 Gbps', gbps / 1e6, 100, 'MB/s'),
  ];
}
