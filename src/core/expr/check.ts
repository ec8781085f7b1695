import { type DiagnosticError, problem, type Span } from '../diagnostic.js';
import { didYouMean } from '../suggest.js';
import { Dimension } from '../units/dimension.js';
import type { UnitRegistry } from '../units/registry.js';
import { AMBIGUOUS_UNITS, NAMED_IN_HINTS } from '../units/table.js';
import type { WrittenUnit } from '../units/written.js';
import type { BinaryOp, Expr } from './ast.js';
import { arityOf, functionNamed, pow, RUNTIME } from './calls.js';
import { referent } from './referent.js';
import { unitInWords } from './unit-of.js';

export interface Checked {
  dim: Dimension;
  /**
   * The formula as a JavaScript expression over `r` (the figures' values in
   * base units, by index) and `M` (the RUNTIME helpers). Only this module
   * writes it, from numbers it formats, integer indices, fixed operators and
   * `M.<name>` with names of the functions table: no text of the scenario
   * ever reaches it.
   */
  code: string;
  /** Set when the formula uses no figure: its value, folded once. */
  constant?: number;
  /**
   * Its value with every figure it uses at the value it has as written
   * (NameRef's `value` or `evaluated`), by the same operations in the same
   * order as `code`: what running `code` gives. Undefined when a figure it
   * uses has neither.
   */
  evaluated: number | undefined;
}

/** What makes a number infinite or NaN in a formula, for the messages that say so. */
export const NOT_FINITE_CAUSES =
  'a division by zero, the log or square root of a number out of range, or a number too large';

export interface NameRef {
  index: number;
  dim: Dimension;
  /** Its declared or written unit, for messages in the user's units. */
  unit?: WrittenUnit | undefined;
  /** An assumption's value, in base units. */
  value?: number | undefined;
  /** A derived figure's value with the assumptions as written (Checked's `evaluated`). */
  evaluated?: number | undefined;
}

export interface Scope {
  registry: UnitRegistry;
  /** The scenario's figures; undefined for quantities, which may not use names. */
  lookup?: (name: string) => NameRef | undefined;
  /** Every figure name, for "did you mean". */
  names?: () => Iterable<string>;
  /** Names a quantity must not use, with the reason (assumptions naming figures). */
  forbidden?: (name: string) => string | undefined;
  /** The unit `ceil`, `floor` and `round` round in, when the dimension fits. */
  roundIn?: { factor: number; dim: Dimension };
  /**
   * The caller reads `dim` and `evaluated` only, and leaves `code` empty: the
   * compile checks every formula, and few are ever run as code (see Figure.code).
   */
  withoutCode?: boolean;
}

/**
 * Resolves names and checks dimensions, bottom-up, before anything is
 * evaluated; the result is code of plain number arithmetic in base units.
 * Sub-expressions without names are folded to constants here.
 */
export function checkFormula(expr: Expr, scope: Scope): Checked {
  const checked = check(expr, scope);
  if (scope.withoutCode) return checked;
  // Built by concatenation, the code is a rope of four pieces per operation (V8 cons strings, 32 bytes
  // each: 150 MB kept for a 100,000-figure fan-in, and copied by every garbage collection) until it is
  // read. Reading a character makes V8 flatten it in place: the pieces die young.
  checked.code.charCodeAt(0);
  return checked;
}

function check(e: Expr, scope: Scope): Checked {
  switch (e.kind) {
    case 'num':
      return constant(e.value, Dimension.none);
    case 'paren':
      return check(e.inner, scope);
    case 'name':
      return resolve(e, scope);
    case 'neg': {
      const a = check(e.arg, scope);
      return derive(a.dim, [a], NEGATE, e.span, scope);
    }
    case 'bin':
      return checkBinary(e, scope);
    case 'call':
      return checkCall(e, scope);
    default:
      return e satisfies never;
  }
}

function checkBinary(e: Extract<Expr, { kind: 'bin' }>, scope: Scope): Checked {
  const a = check(e.left, scope);
  const b = check(e.right, scope);
  switch (e.op) {
    case '+':
    case '-': {
      if (!a.dim.equals(b.dim))
        throw mismatch(e.op === '+' ? 'add' : 'subtract', [e.left, a.dim], [e.right, b.dim], e, scope);
      return derive(a.dim, [a, b], OPERATIONS[e.op], e.span, scope);
    }
    case '*':
      return derive(a.dim.mul(b.dim), [a, b], OPERATIONS['*'], e.span, scope);
    case '/':
      return derive(a.dim.div(b.dim), [a, b], OPERATIONS['/'], e.span, scope);
    case '^': {
      if (!b.dim.isNone)
        throw problem(
          'unit-mismatch',
          `an exponent must be a plain number, not ${inWords(e.right, b.dim, scope)}`,
          e.right.span,
        );
      const power = (dim: Dimension) => derive(dim, [a, b], OPERATIONS['^'], e.span, scope);
      if (a.dim.isNone) return power(a.dim);
      if (b.constant === undefined) {
        throw problem(
          'unit-mismatch',
          `a quantity in ${inWords(e.left, a.dim, scope)} can only be raised to a fixed power`,
          e.right.span,
          'write the exponent as a number, like ^2',
        );
      }
      const dim = a.dim.pow(b.constant);
      if (!dim)
        throw problem(
          'unit-mismatch',
          `${a.dim} raised to ${b.constant} has no whole dimension`,
          e.span,
          'a unit may be raised to a whole power of at most 64',
        );
      return power(dim);
    }
    default:
      return e.op satisfies never;
  }
}

/**
 * A call, by the function's entry (functions.ts): its arity, its dimension
 * rule, then what each parameter asks of its argument; the code calls
 * `M.<name>` with the name from the table, never the text written.
 */
function checkCall(e: Extract<Expr, { kind: 'call' }>, scope: Scope): Checked {
  const args = e.args.map((a) => check(a, scope));
  const def = functionNamed(e.fn);
  if (!def) throw problem('unknown-function', `\`${e.fn}\` is not a function here`, e.nameSpan);
  const [min, max] = arityOf(def);
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `${min} or more` : `${min} or ${max}`;
    throw problem(
      'bad-argument',
      `${def.name} takes ${want} argument${want === '1' ? '' : 's'}, not ${args.length}`,
      e.span,
    );
  }
  const unit = (i: number) => inWords(e.args[i]!, args[i]!.dim, scope);
  const result = def.result({
    fn: def.name,
    dims: args.map((a) => a.dim),
    roundIn: scope.roundIn,
    day: scope.registry.conventions.day,
    unit,
    refuse: (message, at, hint) => {
      throw problem('unit-mismatch', message, at === undefined ? e.span : e.args[at]!.span, hint);
    },
  });
  const { dim, constants } = result instanceof Dimension ? { dim: result, constants: [] } : result;
  args.forEach((a, i) => {
    const param = def.params[Math.min(i, def.params.length - 1)]!;
    const at = e.args[i]!;
    switch (param.dim) {
      case undefined:
        return;
      case 'plain':
        if (!a.dim.isNone)
          throw problem(
            'unit-mismatch',
            `${def.name} needs a plain number, not a quantity in ${unit(i)}`,
            at.span,
            `divide by a unit first, e.g. ${def.name}(x / (1 ${unit(i)}))`,
          );
        return;
      case 'like first':
        if (!a.dim.equals(args[0]!.dim))
          throw mismatch(`take the ${def.name} of`, [e.args[0]!, args[0]!.dim], [at, a.dim], at, scope);
        return;
      case 'plain or result':
        if (!a.dim.isNone && !a.dim.equals(dim))
          throw problem(
            'unit-mismatch',
            `${def.name}: ${param.name} must be a plain number or ${dim}, not ${a.dim}`,
            at.span,
          );
        return;
      default:
        param.dim satisfies never;
    }
  });
  const defaults = def.params
    .slice(args.length)
    .flatMap((p) => (p.default === undefined ? [] : [constant(p.default, Dimension.none)]));
  const all = [...args, ...defaults];
  if (def.refuses && all.every((a) => a.constant !== undefined)) {
    const why = def.refuses(...all.map((a) => a.constant!), ...constants);
    if (why !== undefined) throw problem('bad-argument', `${def.name}: ${why}`, e.span);
  }
  return derive(
    dim,
    all,
    {
      fold: (...xs) => def.run(...xs, ...constants),
      code: (...xs) => `M.${def.name}(${[...xs, ...constants.map(literal)].join(',')})`,
      run: (...xs) => RUNTIME[def.name]!(...xs, ...constants),
    },
    e.span,
    scope,
  );
}

function resolve(e: Extract<Expr, { kind: 'name' }>, scope: Scope): Checked {
  const r = referent(e, scope.registry, scope.lookup);
  if (r && 'figure' in r)
    return {
      dim: r.figure.dim,
      code: scope.withoutCode ? '' : `r[${r.figure.index}]`,
      evaluated: r.figure.evaluated ?? r.figure.value,
    };
  if (r) return constant(r.unit.factor, r.unit.dim);
  const { name, span } = e;
  const forbidden = scope.forbidden?.(name);
  if (forbidden) throw problem('unknown-name', forbidden, span);
  const figures = scope.names ? [...scope.names()] : [];
  const asUnit = e.unitPosition === true || !scope.lookup;
  const guess = didYouMean(
    name,
    asUnit ? [...scope.registry.names(), ...figures] : [...figures, ...scope.registry.names()],
  );
  const ambiguous = asUnit && Object.hasOwn(AMBIGUOUS_UNITS, name) ? AMBIGUOUS_UNITS[name] : undefined;
  const hint = ambiguous
    ? ambiguous
    : guess
      ? `did you mean \`${guess}\`?`
      : asUnit
        ? unitHint(name)
        : 'names are assumptions, derived figures or units';
  throw problem(
    asUnit ? 'unknown-unit' : 'unknown-name',
    `unknown ${asUnit ? 'unit' : 'name'} \`${name}\``,
    span,
    hint,
  );
}

function unitHint(name: string): string {
  const examples = `${NAMED_IN_HINTS.slice(0, -1).join(', ')} and ${NAMED_IN_HINTS.at(-1)}`;
  return `to count ${name}, declare it as a noun: \`nouns: [${name}]\`; the units include ${examples}`;
}

function constant(value: number, dim: Dimension): Checked {
  // The code writes -0 as 0 (String(-0) is "0"), and `evaluated` is what the code gives.
  return { dim, code: literal(value), constant: value, evaluated: value === 0 ? 0 : value };
}

/** A finite number as JavaScript source; negative ones in parentheses. */
function literal(value: number): string {
  return value < 0 || Object.is(value, -0) ? `(${value})` : String(value);
}

/**
 * An operation of the checked tree: `fold` computes it when every argument is
 * constant; `run` computes `evaluated` as the generated code will (for a
 * call, the RUNTIME entry, which gives NaN out of the function's domain where
 * folding refuses; for an operator, `fold`).
 */
interface Operation {
  fold: (...xs: number[]) => number;
  code: (...xs: string[]) => string;
  run?: (...xs: number[]) => number;
}

/** The operators' operations, made once rather than as two closures per node of every formula. */
const OPERATIONS: Readonly<Record<BinaryOp, Operation>> = {
  '+': { fold: (x, y) => x! + y!, code: (x, y) => `(${x}+${y})` },
  '-': { fold: (x, y) => x! - y!, code: (x, y) => `(${x}-${y})` },
  '*': { fold: (x, y) => x! * y!, code: (x, y) => `(${x}*${y})` },
  '/': { fold: (x, y) => x! / y!, code: (x, y) => `(${x}/${y})` },
  '^': { fold: pow, code: (x, y) => `M.pow(${x},${y})` },
};
const NEGATE: Operation = { fold: (x) => -x!, code: (x) => `(-${x})` };

/** Builds a node from its arguments; folds it when every argument is constant. */
function derive(dim: Dimension, args: Checked[], op: Operation, span: Span, scope: Scope): Checked {
  let folded = true;
  let known = true;
  for (const a of args) {
    if (a.constant === undefined) folded = false;
    if (a.evaluated === undefined) known = false;
  }
  if (folded) {
    const value = applyTo(op.fold, args, constantOf);
    if (!Number.isFinite(value))
      throw problem('not-finite', 'this part of the formula is not a finite number', span, `${NOT_FINITE_CAUSES}?`);
    return constant(value, dim);
  }
  return {
    dim,
    code: scope.withoutCode ? '' : applyTo(op.code, args, codeOf),
    evaluated: known ? applyTo(op.run ?? op.fold, args, evaluatedOf) : undefined,
  };
}

const constantOf = (a: Checked) => a.constant!;
const codeOf = (a: Checked) => a.code;
const evaluatedOf = (a: Checked) => a.evaluated!;

/** f of each argument's part: one or two arguments (every operator) without an array and a spread. */
function applyTo<T, R>(f: (...xs: T[]) => R, args: readonly Checked[], part: (a: Checked) => T): R {
  if (args.length === 1) return f(part(args[0]!));
  if (args.length === 2) return f(part(args[0]!), part(args[1]!));
  return f(...args.map(part));
}

/** A sub-expression's unit as the user wrote it (GB/day), not in base units (B/s). */
function inWords(e: Expr, dim: Dimension, scope: Scope): string {
  return unitInWords(e, dim, scope.registry, scope.lookup);
}

function mismatch(
  verb: string,
  [left, a]: [Expr, Dimension],
  [right, b]: [Expr, Dimension],
  e: Expr,
  scope: Scope,
): DiagnosticError {
  const [ua, ub] = [inWords(left, a, scope), inWords(right, b, scope)];
  const side = (x: Expr, unit: string) => (x.kind === 'name' ? `\`${x.name}\` is ${unit}` : unit);
  const hint =
    e.kind === 'bin'
      ? `left: ${side(left, ua)}; right: ${side(right, ub)}. Both sides must have the same dimension`
      : `${side(right, ub)}, the others are ${ua}`;
  return problem('unit-mismatch', `cannot ${verb} ${ua} and ${ub}`, e.span, hint);
}
