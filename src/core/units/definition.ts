import { Dimension } from './dimension.js';
import type { Conventions, UnitEntry } from './table.js';

/** A unit's size in base units (B, s, USD, m, one noun) and its dimension. */
export interface Size {
  factor: number;
  dim: Dimension;
}

const TIME = Dimension.base('s');

/**
 * The size of every entry of the table. A definition is read left to right,
 * numbers and unit names multiplied, `/` dividing by the next term: `1/8 B`
 * is an eighth of a byte, `year/12` a twelfth of a year, `bit/s` a bit per
 * second. A calendar unit the scenario restates (`conventions`, in seconds)
 * takes that length, and the units defined through it follow (a week is 7 of
 * the scenario's days). A definition that names no entry, or goes round in a
 * circle, is a mistake in the table: it throws.
 */
export function sizesOf(entries: readonly UnitEntry[], conventions: Partial<Conventions> = {}): Map<string, Size> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const sizes = new Map<string, Size>();
  const reading = new Set<string>();
  const size = (name: string): Size => {
    const known = sizes.get(name);
    if (known) return known;
    const entry = byName.get(name);
    if (!entry) throw new Error(`units table: no unit \`${name}\``);
    if (reading.has(name)) throw new Error(`units table: \`${name}\` is defined through itself`);
    reading.add(name);
    const restated = entry.calendar ? conventions[name as keyof Conventions] : undefined;
    const s =
      restated !== undefined
        ? { factor: restated, dim: TIME }
        : entry.base
          ? { factor: 1, dim: Dimension.base(name) }
          : read(entry, size);
    reading.delete(name);
    sizes.set(name, s);
    return s;
  };
  for (const e of entries) size(e.name);
  return sizes;
}

function read(entry: UnitEntry, size: (name: string) => Size): Size {
  if (entry.is === undefined) throw new Error(`units table: \`${entry.name}\` has neither \`base\` nor \`is\``);
  let factor = 1;
  let dim = Dimension.none;
  let divide = false;
  for (const term of termsOf(entry.is)) {
    if (term === '/') {
      divide = true;
      continue;
    }
    const s = /^[0-9.]/.test(term) ? { factor: Number(term), dim: Dimension.none } : size(term);
    if (!Number.isFinite(s.factor)) throw new Error(`units table: \`${term}\` in \`${entry.name}\` is no number`);
    factor = divide ? factor / s.factor : factor * s.factor;
    dim = divide ? dim.div(s.dim) : dim.mul(s.dim);
    divide = false;
  }
  return { factor, dim };
}

/** `1/8 B` → 1, /, 8, B. */
export function termsOf(definition: string): string[] {
  return definition.match(/\/|[^\s/]+/g) ?? [];
}

/**
 * The calendar units a unit's length follows: itself, for day, month and
 * year; otherwise those its definition is written in (a week follows the day).
 */
export function calendarUnitsOf(name: string, entries: readonly UnitEntry[]): string[] {
  const entry = entries.find((e) => e.name === name);
  if (!entry) return [];
  return entry.calendar ? [name] : calendarUnitsIn(entry.is ?? '', entries);
}

/** The calendar units a definition is written in, through any units between: `2 week` follows the day. */
export function calendarUnitsIn(definition: string, entries: readonly UnitEntry[]): string[] {
  return [...new Set(termsOf(definition).flatMap((term) => calendarUnitsOf(term, entries)))];
}
