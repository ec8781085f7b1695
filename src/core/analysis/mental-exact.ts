import type { Expr } from '../expr/ast.js';
import { functionNamed } from '../expr/calls.js';
import { referent } from '../expr/referent.js';
import { unitOf, type Model } from '../scenario/model.js';
import { Dimension } from '../units/dimension.js';
import { formatUnitFactors, mergeFactors, type UnitFactor } from '../units/written.js';
import { baseUnits, type Converted, dimOf, type MentalValue, unitSize } from './mental-units.js';
import type { Approximation } from './mental-units.js';

// What the whiteboard does not round (mental.ts): arithmetic of constants
// (`1 day`, `(4 + 20) B`), worked out once in the units written, and
// exponents, which are counts (2^41 is not 2^40); and the runtime of the
// functions of the table, on exact or whiteboard values.

export interface ExactContext {
  model: Model;
  /** The figures' values, in base units. */
  values: Float64Array;
  /** The declared unit of the figure being worked out: ceil() rounds in it. */
  roundIn: { factor: number; dim: Dimension } | undefined;
  /** Whiteboard sizes of units (a day ≈ 10^5 s), or exact ones. */
  mental: boolean;
}

/** The exact value of a sub-formula, in the units written. */
export function exactValue(e: Expr, ctx: ExactContext): MentalValue {
  switch (e.kind) {
    case 'num':
      return { value: e.value, units: [] };
    case 'paren':
      return exactValue(e.inner, ctx);
    case 'neg': {
      const v = exactValue(e.arg, ctx);
      return { value: -v.value, units: v.units };
    }
    case 'name': {
      const r = referent(e, ctx.model.registry, (n) => ctx.model.byName.get(n));
      if (r && 'figure' in r) {
        const f = r.figure;
        return { value: ctx.values[f.index]! / unitOf(f).factor, units: figureUnits(f) };
      }
      const u = r!.unit;
      if (u.scale) return { value: u.factor, units: [] };
      return { value: 1, units: [{ symbol: u.symbol, power: 1, factor: u.factor, dim: u.dim }] };
    }
    case 'bin': {
      const a = exactValue(e.left, ctx);
      const b = exactValue(e.right, ctx);
      const flip = (units: readonly UnitFactor[]) => units.map((f) => ({ ...f, power: -f.power }));
      switch (e.op) {
        case '^':
          return { value: a.value ** b.value, units: a.units.map((f) => ({ ...f, power: f.power * b.value })) };
        case '+':
        case '-': {
          const right = b.value * exactSize(mergeFactors([...b.units, ...flip(a.units)])).ratio;
          return { value: e.op === '+' ? a.value + right : a.value - right, units: a.units };
        }
        case '*':
          return { value: a.value * b.value, units: mergeFactors([...a.units, ...b.units]) };
        case '/':
          return { value: a.value / b.value, units: mergeFactors([...a.units, ...flip(b.units)]) };
        default:
          return e.op satisfies never;
      }
    }
    case 'call':
      return runFunction(
        e.fn,
        e.args.map((a) => exactValue(a, ctx)),
        { ...ctx, mental: false },
      ).value;
    default:
      return e satisfies never;
  }
}

/** A sub-formula with no figure in it: arithmetic of numbers and units. */
export function isConstant(e: Expr, model: Model): boolean {
  switch (e.kind) {
    case 'num':
      return true;
    case 'name': {
      const r = referent(e, model.registry, (n) => model.byName.get(n));
      return r !== undefined && 'unit' in r;
    }
    case 'paren':
      return isConstant(e.inner, model);
    case 'neg':
      return isConstant(e.arg, model);
    case 'bin':
      return isConstant(e.left, model) && isConstant(e.right, model);
    case 'call':
      return e.args.every((a) => isConstant(a, model));
    default:
      return e satisfies never;
  }
}

/** The unit words of a figure's unit: declared, written, or its base units. */
export function figureUnits(f: Model['figures'][number]): UnitFactor[] {
  if (f.unit?.factors) return mergeFactors(f.unit.factors);
  if (f.unit?.text) return [{ symbol: f.unit.text, power: 1, factor: f.unit.factor, dim: f.unit.dim }];
  return baseUnits(f.dim);
}

function exactSize(units: readonly UnitFactor[]): Converted {
  return { ratio: units.reduce((r, f) => r * f.factor ** f.power, 1), notes: [] };
}

/**
 * A function of the table (functions.ts) on these values: its arguments in
 * base units (by whiteboard sizes when `mental`), its constants (the unit
 * ceil rounds in, the day cache_80_20 keeps) likewise; the result in the
 * first argument's units where the function keeps them, else in base units.
 */
export function runFunction(
  name: string,
  args: readonly MentalValue[],
  ctx: ExactContext,
): { value: MentalValue; notes: Approximation[] } {
  const def = functionNamed(name)!;
  const { registry } = ctx.model;
  const size = (v: MentalValue) => (ctx.mental ? unitSize(v.units, registry) : exactSize(v.units));
  const notes = args.flatMap((a) => size(a).notes);
  const base = args.map((a) => a.value * size(a).ratio);
  const defaults = def.params.slice(args.length).flatMap((p) => (p.default === undefined ? [] : [p.default]));
  const day = registry.unit('day')!;
  const result = def.result({
    fn: def.name,
    dims: args.map((a) => dimOf(a.units)),
    roundIn: ctx.roundIn,
    day: ctx.mental
      ? unitSize([{ symbol: 'day', power: 1, factor: day.factor, dim: day.dim }], registry).ratio
      : day.factor,
    unit: (i) => formatUnitFactors(mergeFactors(args[i]!.units)),
    refuse: (message) => {
      // The checker accepted the call with these dimensions: a refusal here is a bug.
      throw new Error(`mental math: ${message}`);
    },
  });
  const { dim, constants } = result instanceof Dimension ? { dim: result, constants: [] } : result;
  const ran = def.run(...base, ...defaults, ...constants);
  const value: MentalValue = def.keepsUnit
    ? { value: ran / size(args[0]!).ratio, units: args[0]!.units }
    : { value: ran, units: baseUnits(dim) };
  return { value, notes };
}
