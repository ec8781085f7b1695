import { DiagnosticError, problem, type Span } from '../diagnostic.js';
import type { Scope } from '../expr/check.js';
import { tokenize } from '../expr/tokenizer.js';
import { parseQuantity, type Quantity } from '../expr/quantity.js';
import type { UnitRegistry } from '../units/registry.js';

/** How `low`..`high` is read; the first is the default. */
export const DISTRIBUTIONS = ['lognormal', 'normal', 'uniform'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

/**
 * A guess: `100M to 300M user`. For lognormal and normal, low and high are
 * the 5th and 95th percentiles (a 90% interval, as Squiggle and Guesstimate
 * read `a to b`); for uniform they are the bounds. In base units.
 */
export interface Range {
  low: number;
  high: number;
  dist: Distribution;
  /** True when lognormal was asked for (or implied) but low ≤ 0 made it normal. */
  fellBackToNormal: boolean;
}

/** The point estimate of a range: its median. */
export function medianOf(r: Range): number {
  return r.dist === 'lognormal' ? Math.sqrt(r.low * r.high) : (r.low + r.high) / 2;
}

/** A range from its ends; `dist` defaults to lognormal, which needs low > 0. */
export function makeRange(low: number, high: number, dist: Distribution | undefined, span: Span): Range {
  if (low > high)
    throw problem(
      'syntax',
      'the low end of the range is above the high end',
      span,
      'write the smaller value first: `low to high`',
    );
  const wanted = dist ?? 'lognormal';
  if (wanted === 'lognormal' && low <= 0) return { low, high, dist: 'normal', fellBackToNormal: true };
  return { low, high, dist: wanted, fellBackToNormal: false };
}

export interface ParsedInput {
  quantity: Quantity;
  range?: Range;
}

const LEADING_NUMBER = /^\s*[0-9][0-9,]*(\.[0-9]+)?([eE][-+]?[0-9]+)?/;
const BARE_NUMBER = new RegExp(`${LEADING_NUMBER.source}\\s*$`);
const SIGNED_NUMBER = /^\s*[-+]?\s*[0-9][0-9,]*(\.[0-9]+)?([eE][-+]?[0-9]+)?/;

/**
 * An assumption as text: a quantity (`300 million user`) or a range
 * (`100M to 300M user`, `1 to 3 ms`, `50% to 70%`). What follows the high
 * end's number may be written once: a bare low end takes it, scale word,
 * percent and unit alike (`100 to 300 million user`, `40 to 60%`).
 */
export function parseInput(text: string, registry: UnitRegistry, forbidden?: Scope['forbidden']): ParsedInput {
  const to = tokenize(text).find((t) => t.kind === 'name' && t.text === 'to');
  if (!to) return { quantity: parseQuantity(text, registry, forbidden) };
  const lowText = text.slice(0, to.span.start);
  const highText = text.slice(to.span.end);
  const high = shifted(() => parseQuantity(highText, registry, forbidden), to.span.end);
  // What follows the high end's number (its sign included: `0 to -5` is not `0 -5`), taken by a bare low end.
  const after = SIGNED_NUMBER.test(highText) ? highText.replace(SIGNED_NUMBER, '') : '';
  const lowWhole = BARE_NUMBER.test(lowText) ? `${lowText.trim()}${after}` : lowText;
  const low = shifted(() => parseQuantity(lowWhole, registry, forbidden), 0);
  return combine(low, high, undefined, { start: 0, end: text.length });
}

/** The two ends of a range written apart ({ low, high, dist }), already parsed. */
export function combine(low: Quantity, high: Quantity, dist: Distribution | undefined, span: Span): ParsedInput {
  let lowValue = low.value;
  if (low.dim.isNone && !high.dim.isNone && low.unit.text === '') lowValue *= high.unit.factor;
  else if (!low.dim.equals(high.dim)) {
    throw problem(
      'unit-mismatch',
      `the ends of the range differ: ${low.dim} and ${high.dim}`,
      span,
      'write both ends in units of the same kind',
    );
  }
  const range = makeRange(lowValue, high.value, dist, span);
  const median = medianOf(range);
  return { quantity: { ...high, value: median }, range };
}

function shifted<T>(step: () => T, by: number): T {
  try {
    return step();
  } catch (e) {
    if (!(e instanceof DiagnosticError) || by === 0) throw e;
    throw new DiagnosticError(
      e.diagnostics.map((d) => (d.span ? { ...d, span: { start: d.span.start + by, end: d.span.end + by } } : d)),
    );
  }
}
