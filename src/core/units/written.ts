import { Dimension } from './dimension.js';

/** One unit word of a written unit, with its power: `day` in tweet/user/day is day^-1. */
export interface UnitFactor {
  symbol: string;
  power: number;
  factor: number;
  dim: Dimension;
}

/** A unit as written by the user, e.g. `tweet/user/day`: its size in base units and dimension. */
export interface WrittenUnit {
  text: string;
  factor: number;
  dim: Dimension;
  /** Its unit words, when known: for combining with others in messages. */
  factors?: readonly UnitFactor[];
}

/** Factors of the same symbol merged, those that cancel dropped: user·tweet/user/day is tweet/day. */
export function mergeFactors(factors: readonly UnitFactor[]): UnitFactor[] {
  const merged = new Map<string, UnitFactor>();
  for (const f of factors) {
    const m = merged.get(f.symbol);
    merged.set(f.symbol, m ? { ...m, power: m.power + f.power } : { ...f });
  }
  return [...merged.values()].filter((f) => f.power !== 0);
}

/** The unit of merged factors: its text, size and dimension. */
export function unitOfFactors(factors: readonly UnitFactor[]): WrittenUnit {
  const kept = mergeFactors(factors);
  let factor = 1;
  let dim = Dimension.none;
  for (const f of kept) {
    factor *= f.factor ** f.power;
    // Not pow(): a written `s s s ...` may pass its bound, and is still exact.
    dim = dim.mul(Dimension.of(f.dim.factors.map(([b, q]) => [b, q * f.power] as const)));
  }
  return { text: formatUnitFactors(kept), factor, dim, factors: kept };
}

/** tweet/user/day, B/s, 1/s, B·s, GB^2; a compound unit of a figure in parentheses where it needs them. */
export function formatUnitFactors(factors: ReadonlyArray<{ symbol: string; power: number }>): string {
  const one = factors.length === 1 && factors[0]!.power === 1;
  const word = (s: string) => (!one && /[/·]/.test(s) ? `(${s})` : s);
  const pow = (s: string, p: number) => (p === 1 ? word(s) : `${word(s)}^${p}`);
  const num = factors.filter((f) => f.power > 0).map((f) => pow(f.symbol, f.power));
  const den = factors.filter((f) => f.power < 0).map((f) => pow(f.symbol, -f.power));
  if (!num.length && !den.length) return '';
  return (num.length ? num.join('·') : '1') + den.map((d) => `/${d}`).join('');
}
