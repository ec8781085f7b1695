import { DiagnosticError, problem } from '../diagnostic.js';
import { Dimension } from '../units/dimension.js';
import type { UnitRegistry } from '../units/registry.js';
import { unitOfFactors, type WrittenUnit } from '../units/written.js';
import type { Expr } from './ast.js';
import { checkFormula, type Scope } from './check.js';
import { parseFormula } from './parser.js';
import { unitFactors } from './unit-of.js';

export type { WrittenUnit } from '../units/written.js';

export interface Quantity {
  /** In base units (B, s, USD, one noun). */
  value: number;
  dim: Dimension;
  /** The unit part of what was written (`300 million user` → user); empty for plain numbers. */
  unit: WrittenUnit;
  expr: Expr;
}

export const NO_UNIT: WrittenUnit = { text: '', factor: 1, dim: Dimension.none };

/**
 * Parses a quantity such as `300 million user`, `2 tweet/user/day`, `50%`,
 * `$0.02/GB`, `1.5e3`, or constant arithmetic of them (`4 B + 20 B`,
 * `(4 + 20) B/user`). It may use units and arithmetic but no names:
 * assumptions are inputs. Throws DiagnosticError with spans in `text`.
 */
export function parseQuantity(text: string, registry: UnitRegistry, forbidden?: Scope['forbidden']): Quantity {
  const { expr } = parseFormula(text, { isUnit: (w) => registry.lookup(w) !== undefined });
  const checked = checkFormula(expr, { registry, ...(forbidden ? { forbidden } : {}) });
  if (checked.constant === undefined) throw problem('syntax', 'a quantity cannot use names', expr.span);
  return { value: checked.constant, dim: checked.dim, unit: writtenUnit(expr, registry), expr };
}

/**
 * Parses a unit such as `TB/day`, `tweet/s`, `GiB`, `1/s`, `$/month` or ``
 * (a plain number); its text stays as written (`USD/GB-month`). A number
 * other than 1 is refused: `0 MB` or `-1 MB` as a unit would show every
 * value divided by it, silently.
 */
export function parseUnit(text: string, registry: UnitRegistry): WrittenUnit {
  if (text.trim() === '') return NO_UNIT;
  const q = parseQuantity(text, registry);
  const number = numbersIn(q.expr).find((n) => n.value !== 1);
  if (number)
    throw problem('syntax', 'a unit has no number in it', number.span, 'write the unit alone: `MB`, not `2 MB`');
  return { text: text.trim(), factor: q.value, dim: q.dim, ...(q.unit.factors ? { factors: q.unit.factors } : {}) };
}

/** The numbers a unit is scaled by: exponents (`m^2`) are not among them; a minus sign is a -1. */
function numbersIn(e: Expr): Array<{ value: number; span: Expr['span'] }> {
  switch (e.kind) {
    case 'num':
      return [e];
    case 'paren':
      return numbersIn(e.inner);
    case 'neg':
      return [{ value: -1, span: e.span }, ...numbersIn(e.arg)];
    case 'bin':
      return e.op === '^' ? numbersIn(e.left) : [...numbersIn(e.left), ...numbersIn(e.right)];
    case 'call':
      return [{ value: NaN, span: e.span }];
    default:
      return [];
  }
}

/**
 * The unit part of a quantity's tree: unit names with their powers, scale
 * words and numbers left out; a sum has the unit of its first term
 * (`4 B + 20 B` is in B, `(4 + 20) B/user` in B/user).
 */
export function writtenUnit(expr: Expr, registry: UnitRegistry): WrittenUnit {
  const factors = unitFactors(expr, registry);
  if (!factors)
    throw new DiagnosticError([
      { code: 'syntax', message: 'write a quantity as a number and units, like `2 MB/tweet`', span: expr.span },
    ]);
  return unitOfFactors(factors);
}
