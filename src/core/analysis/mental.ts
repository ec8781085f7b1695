import { toDigits } from '../units/display.js';
import type { Expr } from '../expr/ast.js';
import { powerOfTwoShortcut, type ShortcutId } from '../reference/shortcuts.js';
import { unitOf, type Figure, type Model } from '../scenario/model.js';
import type { Dimension } from '../units/dimension.js';
import { formatUnitFactors, mergeFactors, type UnitFactor } from '../units/written.js';
import { type ExactContext, exactValue, figureUnits, isConstant, runFunction } from './mental-exact.js';
import { relativeError, roundMental } from './mental-round.js';
import { type Approximation, type Converted, convert, expand, type MentalValue, unitSize } from './mental-units.js';
import { inUnit } from '../units/in-unit.js';

/**
 * Mental math (docs/mental-math.md): every figure worked out as on a
 * whiteboard, each input rounded by the rule of mental-round.ts, each step
 * rounded again, units converted by the shortcuts of mental-units.ts; and
 * the steps as data, for `explain --mental`, `estimate --mental` and `drill`.
 */

/** A step of the whiteboard as data, rendered by render/mental.ts. */
export type MentalPart =
  /** A whiteboard number: 1.5 × 10^8 user. */
  | { kind: 'tens'; value: number; unit: string }
  /** A number as computed: 86,400 s, 1,001 server. */
  | { kind: 'exact'; value: number; unit: string }
  /** An input as the scenario writes it: 300 million user. */
  | { kind: 'written'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'name'; text: string };

export interface MentalLine {
  parts: MentalPart[];
  /** The conversions this line made, each with its shortcut and error. */
  notes: Approximation[];
}

export interface MentalFigure {
  name: string;
  kind: 'assumption' | 'derived';
  /** An input: an assumption, or a figure pinned with --set. */
  input: boolean;
  /** In `unit`, as computed. */
  exact: number;
  /** The whiteboard figure, in `unit`. */
  value: number;
  unit: string;
  /** (value − exact) / exact. */
  error: number;
  lines: MentalLine[];
  /** The shortcuts its lines use, in the order they appear. */
  shortcuts: ShortcutId[];
}

/** Every figure of a model on the whiteboard, in the model's order; `pinned` figures (--set) are inputs. */
export function mentalMath(
  model: Model,
  values: Float64Array,
  pinned: ReadonlySet<string> = new Set(),
): MentalFigure[] {
  const board = new Whiteboard(model, values, pinned);
  return model.figures.map((f) => board.figure(f));
}

const SHOWN_OP = { '+': '+', '-': '−', '*': '×', '/': '÷', '^': '^' } as const;
const op = (text: string): MentalPart => ({ kind: 'op', text });
const unitText = (units: readonly UnitFactor[]) => formatUnitFactors(mergeFactors(units));
const tens = (v: MentalValue): MentalPart => ({ kind: 'tens', value: v.value, unit: unitText(v.units) });

class Whiteboard {
  private readonly board = new Map<string, MentalValue>();
  /** The declared unit of the figure being worked out: ceil() rounds in it. */
  private roundIn: { factor: number; dim: Dimension } | undefined;

  constructor(
    private readonly model: Model,
    private readonly values: Float64Array,
    private readonly pinned: ReadonlySet<string>,
  ) {}

  figure(f: Figure): MentalFigure {
    const { text: unit, factor } = unitOf(f);
    const exact = inUnit(this.values[f.index]!, factor);
    const units = figureUnits(f);
    const lines: MentalLine[] = [];
    let value: number;
    const input = f.kind === 'assumption' || this.pinned.has(f.name);
    if (input) {
      value = roundMental(exact);
      const given: MentalPart =
        f.kind === 'assumption' && !this.pinned.has(f.name) && !f.range
          ? { kind: 'written', text: f.text.trim() }
          : { kind: 'exact', value: exact, unit };
      lines.push({ parts: [given, op(value === exact ? '=' : '≈'), { kind: 'tens', value, unit }], notes: [] });
    } else {
      this.roundIn = f.unit ? { factor: unitSize(units, this.model.registry).ratio, dim: f.unit.dim } : undefined;
      const result = this.mental(f.expr, lines);
      const to = convert(result.value, result.units, units, this.model.registry);
      value = result.value;
      if (to.ratio !== 1 || to.notes.length) {
        const converted = result.value * to.ratio;
        value = roundMental(converted);
        const same = !to.notes.length && Math.abs(value - converted) <= 1e-12 * Math.abs(converted);
        lines.push({
          parts: [tens(result), ...factorParts(to), op(same ? '=' : '≈'), { kind: 'tens', value, unit }],
          notes: to.notes,
        });
      } else if (!lines.length) lines.push({ parts: [op('='), { kind: 'tens', value, unit }], notes: [] });
    }
    // A whiteboard step past the largest number (10^308 × 8.64 × 10^4): the exact figure, rounded, goes on.
    if (!Number.isFinite(value) && Number.isFinite(exact)) value = roundMental(exact);
    this.board.set(f.name, { value, units });
    const shortcuts = [...new Set(lines.flatMap((l) => l.notes.flatMap((n) => (n.id ? [n.id] : []))))];
    return {
      name: f.name,
      kind: f.kind,
      input,
      exact,
      value,
      unit,
      error: relativeError(value, exact),
      lines,
      shortcuts,
    };
  }

  /** A sub-formula on the whiteboard; each operation adds its line. Arithmetic of constants is one number. */
  private mental(e: Expr, lines: MentalLine[]): MentalValue {
    if (isConstant(e, this.model)) {
      const v = this.exact(e);
      return { value: roundMental(v.value), units: v.units };
    }
    switch (e.kind) {
      case 'paren':
        return this.mental(e.inner, lines);
      case 'neg': {
        const v = this.mental(e.arg, lines);
        return { value: -v.value, units: v.units };
      }
      case 'name':
        return this.board.get(e.name) ?? this.exact(e);
      case 'bin':
        return this.binary(e, lines);
      case 'call':
        return this.call(e, lines);
      case 'num':
        return { value: roundMental(e.value), units: [] };
      default:
        return e satisfies never;
    }
  }

  private binary(e: Extract<Expr, { kind: 'bin' }>, lines: MentalLine[]): MentalValue {
    const a = this.mental(e.left, lines);
    if (e.op === '^') return this.power(a, this.exact(e.right).value, lines);
    const b = this.mental(e.right, lines);
    let conv: Converted = { ratio: 1, notes: [] };
    let raw: MentalValue;
    if (e.op === '+' || e.op === '-') {
      conv = convert(b.value, b.units, a.units, this.model.registry);
      const right = b.value * conv.ratio;
      raw = { value: e.op === '+' ? a.value + right : a.value - right, units: a.units };
    } else {
      const right = e.op === '/' ? b.units.map((f) => ({ ...f, power: -f.power })) : b.units;
      const units = mergeFactors(expand([...a.units, ...right], this.model.registry));
      raw = { value: e.op === '/' ? a.value / b.value : a.value * b.value, units };
      ({ value: raw, conv } = this.cancel(raw));
    }
    const value = roundMental(raw.value);
    const same = value === raw.value && !conv.notes.length;
    lines.push({
      parts: [tens(a), op(SHOWN_OP[e.op]), tens(b), op(same ? '=' : '≈'), tens({ value, units: raw.units })],
      notes: conv.notes,
    });
    return { value, units: raw.units };
  }

  /**
   * Words of one dimension left on both sides of a fraction (B/s × day, TB/day × year):
   * the larger converted into the smaller, so that they cancel (day ≈ 10^5 s).
   */
  private cancel(v: MentalValue): { value: MentalValue; conv: Converted } {
    let { value, units } = v;
    const notes: Approximation[] = [];
    for (;;) {
      const pair = units.flatMap((x, i) =>
        units
          .slice(i + 1)
          .flatMap(
            (y): Array<[UnitFactor, UnitFactor]> =>
              x.power === -y.power && !x.dim.isNone && x.dim.equals(y.dim) ? [[x, y]] : [],
          ),
      )[0];
      if (!pair) return { value: { value, units }, conv: { ratio: 1, notes } };
      const [big, small] = pair[0].factor >= pair[1].factor ? pair : [pair[1], pair[0]];
      const c = convert(value, [big], [{ ...small, power: big.power }], this.model.registry);
      value *= c.ratio;
      notes.push(...c.notes);
      units = mergeFactors(units.map((u) => (u === big ? { ...small, power: big.power } : u)));
    }
  }

  /** x^n, the exponent exact (2^41 is not 2^40); 2 to a power of 10 or more by 2^10 ≈ 10^3 (M4). */
  private power(a: MentalValue, n: number, lines: MentalLine[]): MentalValue {
    const units = a.units.map((f) => ({ ...f, power: f.power * n }));
    const notes: Approximation[] = [];
    let raw = a.value ** n;
    if (a.value === 2 && !a.units.length && Number.isInteger(n) && n >= 10) {
      const m4 = powerOfTwoShortcut(Math.floor(n / 10));
      raw = 2 ** (n % 10) * m4.approx;
      notes.push({ what: m4.what, exact: m4.exact, mental: m4.approx, in: '', id: 'M4', error: m4.error });
    }
    const value = roundMental(raw);
    const same = value === a.value ** n && !notes.length;
    lines.push({
      parts: [tens(a), op('^'), { kind: 'exact', value: n, unit: '' }, op(same ? '=' : '≈'), tens({ value, units })],
      notes,
    });
    return { value, units };
  }

  /** A function of the table on the whiteboard values (mental-exact.ts runs it); the call is a line. */
  private call(e: Extract<Expr, { kind: 'call' }>, lines: MentalLine[]): MentalValue {
    const args = e.args.map((a) => this.mental(a, lines));
    const { value: raw, notes } = runFunction(e.fn, args, this.context(true));
    const value = roundMental(raw.value);
    const shown = args.flatMap((a, i) => (i ? [op(', '), tens(a)] : [tens(a)]));
    const result: MentalPart[] =
      value === raw.value
        ? [op('='), tens({ value, units: raw.units })]
        : [
            op('='),
            { kind: 'exact', value: raw.value, unit: unitText(raw.units) },
            op('≈'),
            tens({ value, units: raw.units }),
          ];
    lines.push({ parts: [{ kind: 'name', text: e.fn }, op('('), ...shown, op(')'), ...result], notes });
    return { value, units: raw.units };
  }

  private context(mental: boolean): ExactContext {
    return { model: this.model, values: this.values, roundIn: this.roundIn, mental };
  }

  private exact(e: Expr): MentalValue {
    return exactValue(e, this.context(false));
  }
}

/** `÷ 10^5`, `× 2.5 × 10^6`: a conversion by one factor of two digits at most; nothing where it is not. */
function factorParts(c: Converted): MentalPart[] {
  const short = (x: number) => Math.abs(toDigits(x, 2) - x) <= 1e-12 * x;
  if (c.ratio < 1 && short(1 / c.ratio)) return [op('÷'), { kind: 'tens', value: toDigits(1 / c.ratio, 2), unit: '' }];
  if (short(c.ratio)) return [op('×'), { kind: 'tens', value: c.ratio, unit: '' }];
  return [];
}
