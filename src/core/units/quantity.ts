import { DiagnosticError, problem } from '../diagnostic.js';
import type { Expr } from '../expr/ast.js';
import { checkFormula, type Scope } from '../expr/check.js';
import { parseFormula } from '../expr/parser.js';
import { Dimension } from './dimension.js';
import type { UnitRegistry } from './registry.js';

/** A unit as written by the user, e.g. `tweet/user/day`: its size in base units and dimension. */
export interface WrittenUnit {
  text: string;
  factor: number;
  dim: Dimension;
}

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
 * `$0.02/GB` or `1.5e3`. It may use units and arithmetic but no names:
 * assumptions are inputs. Throws DiagnosticError with spans in `text`.
 */
export function parseQuantity(text: string, registry: UnitRegistry, forbidden?: Scope['forbidden']): Quantity {
  const { expr } = parseFormula(text);
  const checked = checkFormula(expr, { registry, ...(forbidden ? { forbidden } : {}) });
  if (checked.constant === undefined) throw problem('syntax', 'a quantity cannot use names', expr.span);
  return { value: checked.constant, dim: checked.dim, unit: writtenUnit(expr, registry), expr };
}

/**
 * Parses a unit such as `TB/day`, `tweet/s`, `GiB`, `1/s` or `` (a plain
 * number). A number other than 1 is refused: `0 MB` or `-1 MB` as a unit
 * would show every value divided by it, silently.
 */
export function parseUnit(text: string, registry: UnitRegistry): WrittenUnit {
  if (text.trim() === '') return NO_UNIT;
  const q = parseQuantity(text, registry);
  const number = numbersIn(q.expr).find((n) => n.value !== 1);
  if (number) throw problem('syntax', 'a unit has no number in it', number.span, 'write the unit alone: `MB`, not `2 MB`');
  return { text: text.trim(), factor: q.value, dim: q.dim };
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
 * words and numbers left out. Products and quotients of units are what
 * quantities are written as; anything else (a sum) yields its base unit.
 */
export function writtenUnit(expr: Expr, registry: UnitRegistry): WrittenUnit {
  const factors: Array<{ symbol: string; power: number; factor: number; dim: Dimension }> = [];
  let simple = true;
  const walk = (e: Expr, sign: number): void => {
    switch (e.kind) {
      case 'num':
        return;
      case 'paren':
        return walk(e.inner, sign);
      case 'neg':
        return walk(e.arg, sign);
      case 'name': {
        const u = registry.lookup(e.name);
        if (u && !u.scale) factors.push({ symbol: u.symbol, power: sign, factor: u.factor, dim: u.dim });
        return;
      }
      case 'bin':
        if (e.op === '*' || e.op === '/') {
          walk(e.left, sign);
          walk(e.right, e.op === '/' ? -sign : sign);
          return;
        }
        if (e.op === '^' && e.left.kind === 'name' && e.right.kind === 'num') {
          const u = registry.lookup(e.left.name);
          if (u && !u.scale) factors.push({ symbol: u.symbol, power: sign * e.right.value, factor: u.factor, dim: u.dim });
          return;
        }
        simple = false;
        return;
      case 'call':
        simple = false;
        return;
      default:
        return e satisfies never;
    }
  };
  walk(expr, 1);
  if (!simple) throw new DiagnosticError([{ code: 'syntax', message: 'write a quantity as a number and units, like `2 MB/tweet`', span: expr.span }]);
  const merged = new Map<string, { symbol: string; power: number; factor: number; dim: Dimension }>();
  for (const f of factors) {
    const m = merged.get(f.symbol);
    if (m) m.power += f.power;
    else merged.set(f.symbol, { ...f });
  }
  const kept = [...merged.values()].filter((f) => f.power !== 0);
  let factor = 1;
  let dim = Dimension.none;
  for (const f of kept) {
    factor *= f.factor ** f.power;
    // Not pow(): a written `s s s ...` may pass its bound, and is still exact.
    dim = dim.mul(Dimension.of(f.dim.factors.map(([b, q]) => [b, q * f.power] as const)));
  }
  return { text: formatUnitFactors(kept), factor, dim };
}

/** tweet/user/day, B/s, 1/s, B·s, GB^2. */
export function formatUnitFactors(factors: ReadonlyArray<{ symbol: string; power: number }>): string {
  const pow = (s: string, p: number) => (p === 1 ? s : `${s}^${p}`);
  const num = factors.filter((f) => f.power > 0).map((f) => pow(f.symbol, f.power));
  const den = factors.filter((f) => f.power < 0).map((f) => pow(f.symbol, -f.power));
  if (!num.length && !den.length) return '';
  return (num.length ? num.join('·') : '1') + den.map((d) => `/${d}`).join('');
}
