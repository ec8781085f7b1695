import { Dimension } from '../units/dimension.js';
import type { UnitRegistry } from '../units/registry.js';
import { unitOfFactors, type UnitFactor, type WrittenUnit } from '../units/written.js';
import { nameNodes, type Expr } from './ast.js';
import { functionNamed } from './calls.js';
import { referent } from './referent.js';

/** What a name of a formula may stand for besides a unit: a figure, in its own unit. */
export interface FigureUnit {
  dim: Dimension;
  unit?: WrittenUnit | undefined;
}

/**
 * The unit words of an expression, with their powers: unit names, and the
 * units of the figures it names; numbers and scale words are left out. A sum
 * takes its first term's unit (the terms share a dimension: the checker saw
 * to it); a function that keeps its first argument's unit (ceil, min...)
 * has that unit. Undefined where no unit follows from what was written (log,
 * servers(), a power by a formula).
 */
export function unitFactors(
  e: Expr,
  registry: UnitRegistry,
  figure?: (name: string) => FigureUnit | undefined,
): UnitFactor[] | undefined {
  const walk = (x: Expr): UnitFactor[] | undefined => {
    switch (x.kind) {
      case 'num':
        return [];
      case 'paren':
        return walk(x.inner);
      case 'neg':
        return walk(x.arg);
      case 'name': {
        const r = referent(x, registry, figure);
        if (!r) return undefined;
        if ('unit' in r)
          return r.unit.scale ? [] : [{ symbol: r.unit.symbol, power: 1, factor: r.unit.factor, dim: r.unit.dim }];
        const { unit, dim } = r.figure;
        if (unit?.factors) return [...unit.factors];
        if (unit) return unit.text ? [{ symbol: unit.text, power: 1, factor: unit.factor, dim: unit.dim }] : [];
        return dim.isNone ? [] : [{ symbol: String(dim), power: 1, factor: 1, dim }];
      }
      case 'bin': {
        const left = walk(x.left);
        if (x.op === '^') {
          if (left?.length === 0) return [];
          const exponent =
            x.right.kind === 'num'
              ? x.right.value
              : x.right.kind === 'neg' && x.right.arg.kind === 'num'
                ? -x.right.arg.value
                : undefined;
          return left && exponent !== undefined ? left.map((f) => ({ ...f, power: f.power * exponent })) : undefined;
        }
        const right = walk(x.right);
        if (!left || !right) return undefined;
        if (x.op === '+' || x.op === '-') return left;
        if (x.hyphen && left.length === 1 && right.length === 1 && left[0]!.power === 1 && right[0]!.power === 1) {
          // Billing units keep their hyphen: GB-month, vCPU-hour.
          const [a, b] = [left[0]!, right[0]!];
          return [{ symbol: `${a.symbol}-${b.symbol}`, power: 1, factor: a.factor * b.factor, dim: a.dim.mul(b.dim) }];
        }
        return x.op === '/' ? [...left, ...right.map((f) => ({ ...f, power: -f.power }))] : [...left, ...right];
      }
      case 'call':
        return functionNamed(x.fn)?.keepsUnit && x.args.length ? walk(x.args[0]!) : undefined;
      default:
        return x satisfies never;
    }
  };
  return walk(e);
}

/**
 * A sub-expression's unit in the user's own words, for messages: the declared
 * or written unit of a figure, the units of a literal (`GB/day`, not B/s);
 * base units only where nothing was written.
 */
export function unitInWords(
  e: Expr,
  dim: Dimension,
  registry: UnitRegistry,
  figure?: (name: string) => FigureUnit | undefined,
): string {
  const inner = e.kind === 'paren' ? e.inner : e;
  if (inner.kind === 'name') {
    const r = referent(inner, registry, figure);
    if (r && 'figure' in r && r.figure.unit?.text && r.figure.unit.dim.equals(dim)) return r.figure.unit.text;
  }
  const factors = unitFactors(e, registry, figure);
  const unit = factors && unitOfFactors(factors);
  if (unit?.text && unit.dim.equals(dim)) return unit.text;
  return String(dim);
}

/**
 * When a result is in its target's units times one count noun (`10k req/s *
 * 2 KB -> Mbps` is request·KB/s), the fix is usually a figure per that noun:
 * the hint names the factor of the product that lacks it, written per noun
 * (`2 KB/req`). `source` is the text the spans of `e` point into.
 */
export function leftoverNounHint(
  e: Expr,
  have: Dimension,
  want: Dimension,
  registry: UnitRegistry,
  source: string,
  figure?: (name: string) => (FigureUnit & { kind?: string; text?: string }) | undefined,
): string | undefined {
  const extra = have.div(want);
  const [only] = extra.factors;
  if (extra.factors.length !== 1 || only![1] !== 1 || !registry.nouns.includes(only![0])) return undefined;
  const noun = only![0];
  const nounDim = Dimension.base(noun);
  const written =
    nameNodes(e).find((n) => {
      const r = referent(n, registry, figure);
      return r && 'unit' in r && r.unit.dim.equals(nounDim);
    })?.name ?? noun;
  const operands = factorsOfProduct(e).reverse();
  for (const op of operands) {
    const units = unitFactors(op, registry, figure);
    if (!units?.length || units.some((u) => u.dim.powerOf(noun) !== 0)) continue;
    const figures = nameNodes(op)
      .map((n) => referent(n, registry, figure))
      .filter((r) => r && 'figure' in r);
    if (!figures.length)
      return `\`${noun}\` is left over: did you mean \`${source.slice(op.span.start, op.span.end)}/${written}\`?`;
    const f = op.kind === 'name' ? figure?.(op.name) : undefined;
    if (op.kind === 'name' && f?.kind === 'assumption' && f.text)
      return `\`${noun}\` is left over: is \`${op.name}\` meant per ${noun}, \`${f.text.trim()}/${written}\`?`;
    return `\`${noun}\` is left over: is one of the factors meant per ${noun} (\`/${written}\`)?`;
  }
  return undefined;
}

/** The operands of a product written with `*` (and parentheses around it). */
function factorsOfProduct(e: Expr): Expr[] {
  if (e.kind === 'paren') return factorsOfProduct(e.inner);
  if (e.kind === 'bin' && e.op === '*' && !e.implicit)
    return [...factorsOfProduct(e.left), ...factorsOfProduct(e.right)];
  return [e];
}
