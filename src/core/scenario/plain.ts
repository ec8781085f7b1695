import { tokenize } from '../expr/tokenizer.js';
import type { Scope } from '../expr/check.js';
import { problem } from '../diagnostic.js';
import { parseInput, type ParsedInput } from './range.js';
import type { Quantity } from '../expr/quantity.js';
import type { UnitRegistry } from '../units/registry.js';
import { showable, type Figure } from './model.js';

/**
 * What a plain number given for a figure means (`--set`, `--vary`, an edit in
 * `-i`): its declared or written unit (`200M` for dau is 200 M user), or,
 * for a plain figure, the number itself (`0.6` for `daily_active: 50%` is
 * 60%, as in the JSON, where 50% is 0.5).
 */
export function plainUnitOf(f: Figure): { text: string; factor: number } | undefined {
  if (f.unit?.text) return { text: f.unit.text, factor: f.unit.factor };
  if (!f.dim.isNone) return { text: String(f.dim), factor: 1 };
  return undefined;
}

/** `50%` or `3 percent`: such a quantity is not a plain number, though it has no dimension. */
export function writesPercent(text: string): boolean {
  try {
    return tokenize(text).some((t) => t.kind === '%' || (t.kind === 'name' && /^percents?$/.test(t.text)));
  } catch {
    return false;
  }
}

/**
 * A quantity or range given for a figure, a plain number read in the
 * figure's plain unit. The caller checks the dimension against the figure's.
 * Throws DiagnosticError as parseInput does, and for a plain number above 1
 * given for a percentage: `60` for `daily_active: 50%` is 6000%, or 60%?
 */
export function readFor(
  f: Figure,
  text: string,
  registry: UnitRegistry,
  forbidden?: Scope['forbidden'],
): ParsedInput & { plain: boolean } {
  return finite(f, readScaled(f, text, registry, forbidden), text);
}

/** A value that overflows in base units (1e308 KB) would print as Infinity or NaN: refused where it is read. */
function finite<T extends ParsedInput>(f: Figure, read: T, text: string): T {
  const ends = [read.quantity.value, ...(read.range ? [read.range.low, read.range.high] : [])];
  // Finite in base units, and in the unit the figure is shown in (1e308 B is too many bits).
  if (ends.every((v) => Number.isFinite(v) && (!read.quantity.dim.equals(f.dim) || showable(f, v)))) return read;
  throw problem(
    'not-finite',
    'too large: above 1.8e308 in base units, the largest number bote holds',
    { start: 0, end: text.length },
    'give a smaller value',
  );
}

function readScaled(
  f: Figure,
  text: string,
  registry: UnitRegistry,
  forbidden?: Scope['forbidden'],
): ParsedInput & { plain: boolean } {
  const parsed = parseInput(text, registry, forbidden);
  if (!parsed.quantity.dim.isNone || writesPercent(text)) return { ...parsed, plain: false };
  const unit = plainUnitOf(f);
  if (!unit) {
    const ends = parsed.range ? [parsed.range.low, parsed.range.high] : [parsed.quantity.value];
    const above = ends.find((v) => Math.abs(v) > 1);
    if (above !== undefined && f.kind === 'assumption' && writesPercent(f.text)) {
      throw problem(
        'syntax',
        `${above} for a percentage: ${above}% or ${above * 100}%?`,
        { start: 0, end: text.length },
        `a plain number is a fraction (0.6 is 60%); write ${above}% if that is what you mean`,
      );
    }
    return { ...parsed, plain: true };
  }
  const scale = unit.factor;
  return {
    quantity: { ...parsed.quantity, value: parsed.quantity.value * scale, dim: f.dim },
    ...(parsed.range
      ? { range: { ...parsed.range, low: parsed.range.low * scale, high: parsed.range.high * scale } }
      : {}),
    plain: true,
  };
}

/** An edit as it goes into a file: a plain number written with the unit it was read in (`300M user`). */
export function withPlainUnit(f: Figure, text: string, registry: UnitRegistry): string {
  const trimmed = text.trim();
  const unit = plainUnitOf(f);
  if (!unit) return trimmed;
  try {
    if (!readFor(f, trimmed, registry).plain) return trimmed;
  } catch {
    return trimmed;
  }
  return `${trimmed} ${unit.text}`;
}

/** A value given for a figure in another dimension, in the user's units: "`dau` is in user, not MB". */
export function notInUnitOf(f: Figure, q: Quantity): string {
  const unit = plainUnitOf(f)?.text;
  const given = q.unit.text || (q.dim.isNone ? 'a plain number' : String(q.dim));
  return `\`${f.name}\` is ${unit ? `in ${unit}` : 'a plain number'}, not ${given}`;
}
