import { DiagnosticError, problem, type Span } from '../diagnostic.js';
import { didYouMean } from '../suggest.js';
import { Dimension } from '../units/dimension.js';
import type { UnitRegistry } from '../units/registry.js';
import { unitInWords, type WrittenUnit } from '../units/written.js';
import type { Expr, FunctionName } from './ast.js';
import { referent } from './referent.js';

export interface Checked {
  dim: Dimension;
  /**
   * The formula as a JavaScript expression over `r` (the figures' values in
   * base units, by index) and `M` (the RUNTIME helpers). Only this module
   * writes it, from numbers it formats, integer indices and fixed operators:
   * no text of the scenario ever reaches it.
   */
  code: string;
  /** Set when the formula uses no figure: its value, folded once. */
  constant?: number;
}

/** What makes a number infinite or NaN in a formula, for the messages that say so. */
export const NOT_FINITE_CAUSES = 'a division by zero, the log or square root of a number out of range, or a number too large';

/**
 * Rounding forgives floating-point noise: 0.1 * 3 * 10 is 3.0000000000000004,
 * and a server count of ceil(that) must be 3, not 4. Only noise: a relative
 * 1e-12, and never a real fraction, so floor(1e10 + 0.6) stays 1e10.
 */
const snap = (x: number) => {
  const n = Math.round(x);
  return Math.abs(x - n) <= Math.min(1e-3, 1e-12 * Math.max(1, Math.abs(x))) ? n : undefined;
};

/** The functions generated code calls and constant folding uses: one definition of each. */
export const RUNTIME = Object.freeze({
  ceil: (x: number, step: number) => (snap(x / step) ?? Math.ceil(x / step)) * step,
  floor: (x: number, step: number) => (snap(x / step) ?? Math.floor(x / step)) * step,
  round: (x: number, step: number) => Math.round(x / step) * step,
  min: Math.min,
  max: Math.max,
  abs: Math.abs,
  sqrt: Math.sqrt,
  log: (x: number, base?: number) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)),
  log2: Math.log2,
  log10: Math.log10,
  pow: (x: number, y: number) => x ** y,
  capacity: (load: number, each: number, utilization: number, spares: number) =>
    (snap(load / (each * utilization)) ?? Math.ceil(load / (each * utilization))) + spares,
});
export type Runtime = typeof RUNTIME;

/** Compiles code from checkFormula into a function of the values array. */
export function compileCode(code: string): (r: Float64Array) => number {
  const f = new Function('r', 'M', `"use strict"; return ${code};`) as (r: Float64Array, m: Runtime) => number;
  return (r) => f(r, RUNTIME);
}

export interface NameRef {
  index: number;
  dim: Dimension;
  /** Its declared or written unit, for messages in the user's units. */
  unit?: WrittenUnit | undefined;
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
}

/**
 * Resolves names and checks dimensions, bottom-up, before anything is
 * evaluated; the result is code of plain number arithmetic in base units. Sub-expressions without names are folded to constants here.
 */
export function checkFormula(expr: Expr, scope: Scope): Checked {
  return check(expr, scope);
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
      return derive(a.dim, [a], (x) => -x, (x) => `(-${x})`, e.span);
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
      if (!a.dim.equals(b.dim)) throw mismatch(e.op === '+' ? 'add' : 'subtract', [e.left, a.dim], [e.right, b.dim], e, scope);
      return e.op === '+'
        ? derive(a.dim, [a, b], (x, y) => x + y, (x, y) => `(${x}+${y})`, e.span)
        : derive(a.dim, [a, b], (x, y) => x - y, (x, y) => `(${x}-${y})`, e.span);
    }
    case '*':
      return derive(a.dim.mul(b.dim), [a, b], (x, y) => x * y, (x, y) => `(${x}*${y})`, e.span);
    case '/':
      return derive(a.dim.div(b.dim), [a, b], (x, y) => x / y, (x, y) => `(${x}/${y})`, e.span);
    case '^': {
      if (!b.dim.isNone) throw problem('unit-mismatch', `an exponent must be a plain number, not ${inWords(e.right, b.dim, scope)}`, e.right.span);
      const power = (dim: Dimension) => derive(dim, [a, b], RUNTIME.pow, (x, y) => `M.pow(${x},${y})`, e.span);
      if (a.dim.isNone) return power(a.dim);
      if (b.constant === undefined) {
        throw problem('unit-mismatch', `a quantity in ${inWords(e.left, a.dim, scope)} can only be raised to a fixed power`, e.right.span, 'write the exponent as a number, like ^2');
      }
      const dim = a.dim.pow(b.constant);
      if (!dim) throw problem('unit-mismatch', `${a.dim} raised to ${b.constant} has no whole dimension`, e.span, 'a unit may be raised to a whole power of at most 64');
      return power(dim);
    }
    default:
      return e.op satisfies never;
  }
}

function checkCall(e: Extract<Expr, { kind: 'call' }>, scope: Scope): Checked {
  const args = e.args.map((a) => check(a, scope));
  const arity = (min: number, max: number) => {
    if (args.length < min || args.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `${min} or more` : `${min} or ${max}`;
      throw problem('bad-argument', `${e.fn} takes ${want} argument${want === '1' ? '' : 's'}, not ${args.length}`, e.span);
    }
  };
  const plain = (i: number) => {
    if (!args[i]!.dim.isNone) {
      const unit = inWords(e.args[i]!, args[i]!.dim, scope);
      throw problem('unit-mismatch', `${e.fn} needs a plain number, not a quantity in ${unit}`, e.args[i]!.span,
        `divide by a unit first, e.g. ${e.fn}(x / (1 ${unit}))`);
    }
  };
  const fn: FunctionName = e.fn;
  switch (fn) {
    case 'ceil':
    case 'floor':
    case 'round': {
      arity(1, 1);
      const x = args[0]!;
      const step = scope.roundIn && scope.roundIn.dim.equals(x.dim) ? scope.roundIn.factor : 1;
      const r = RUNTIME[fn];
      return derive(x.dim, args, (v) => r(v, step), (v) => `M.${fn}(${v},${literal(step)})`, e.span);
    }
    case 'min':
    case 'max': {
      arity(1, Infinity);
      const first = args[0]!;
      args.forEach((a, i) => {
        if (!a.dim.equals(first.dim)) throw mismatch(`take the ${fn} of`, [e.args[0]!, first.dim], [e.args[i]!, a.dim], e.args[i]!, scope);
      });
      return derive(first.dim, args, RUNTIME[fn], (...xs) => `M.${fn}(${xs.join(',')})`, e.span);
    }
    case 'abs':
    case 'sqrt': {
      arity(1, 1);
      const x = args[0]!;
      const dim = fn === 'abs' ? x.dim : x.dim.pow(0.5);
      if (!dim) throw problem('unit-mismatch', `the square root of ${x.dim} has no whole dimension`, e.span);
      return derive(dim, args, RUNTIME[fn], (v) => `M.${fn}(${v})`, e.span);
    }
    case 'log':
    case 'log2':
    case 'log10': {
      arity(1, fn === 'log' ? 2 : 1);
      args.forEach((_, i) => plain(i));
      return derive(Dimension.none, args, RUNTIME[fn], (...xs) => `M.${fn}(${xs.join(',')})`, e.span);
    }
    case 'servers':
    case 'shards':
      return checkCapacity(e, args, arity, plain, scope);
    case 'cache_80_20': {
      arity(1, 1);
      const x = args[0]!;
      // A daily volume (B/day) is cached for one day; a stored volume (B) as is.
      const perTime = x.dim.powerOf('s') === -1 ? scope.registry.conventions.day : 1;
      const dim = perTime === 1 ? x.dim : x.dim.mul(Dimension.base('s'));
      if (dim.powerOf('B') !== 1) {
        throw problem('unit-mismatch', `cache_80_20 takes a volume of data (B or B/day), not ${inWords(e.args[0]!, x.dim, scope)}`, e.args[0]!.span);
      }
      return derive(dim, args, (v) => 0.2 * v * perTime, (v) => `(0.2*${v}*${literal(perTime)})`, e.span);
    }
    default:
      return fn satisfies never;
  }
}

/**
 * servers(load, per_server, utilization = 100%, spares = 0):
 *   ceil(load / (per_server × utilization)) + spares
 * shards(total, per_shard): ceil(total / per_shard).
 * The result is a count: `server` when per_server is written per server.
 */
function checkCapacity(
  e: Extract<Expr, { kind: 'call' }>, args: Checked[], arity: (min: number, max: number) => void, plain: (i: number) => void, scope: Scope,
): Checked {
  const isServers = e.fn === 'servers';
  arity(2, isServers ? 4 : 2);
  const [load, each, utilization, spares] = args as [Checked, Checked, Checked | undefined, Checked | undefined];
  const dim = load.dim.div(each.dim);
  if (dim.factors.some(([, p]) => p < 0) || dim.factors.length > 1 || dim.factors.some(([b]) => b === 'B' || b === 's' || b === 'USD')) {
    const [l, c] = [inWords(e.args[0]!, load.dim, scope), inWords(e.args[1]!, each.dim, scope)];
    throw problem('unit-mismatch', `${e.fn}: ${l} divided by ${c} is ${dim}, not a count`, e.span,
      `give the capacity of one ${isServers ? 'server' : 'shard'} in the same units as the load, e.g. ${isServers ? '5000 req/s/server' : '2 TB/shard'}`);
  }
  if (utilization) plain(2);
  if (spares && !spares.dim.isNone && !spares.dim.equals(dim)) {
    throw problem('unit-mismatch', `servers: spares must be a plain number or ${dim}, not ${spares.dim}`, e.args[3]!.span);
  }
  const given = [load, each, utilization ?? constant(1, Dimension.none), spares ?? constant(0, Dimension.none)];
  return derive(dim, given, RUNTIME.capacity, (l, c, u, n) => `M.capacity(${l},${c},${u},${n})`, e.span);
}

function resolve(e: Extract<Expr, { kind: 'name' }>, scope: Scope): Checked {
  const r = referent(e, scope.registry, scope.lookup);
  if (r && 'figure' in r) return { dim: r.figure.dim, code: `r[${r.figure.index}]` };
  if (r) return constant(r.unit.factor, r.unit.dim);
  const { name, span } = e;
  const forbidden = scope.forbidden?.(name);
  if (forbidden) throw problem('unknown-name', forbidden, span);
  const figures = scope.names ? [...scope.names()] : [];
  const asUnit = e.unitPosition === true || !scope.lookup;
  const guess = didYouMean(name, asUnit ? [...scope.registry.names(), ...figures] : [...figures, ...scope.registry.names()]);
  const hint = guess ? `did you mean \`${guess}\`?` : asUnit ? unitHint(name) : 'names are assumptions, derived figures or units';
  throw problem(asUnit ? 'unknown-unit' : 'unknown-name', `unknown ${asUnit ? 'unit' : 'name'} \`${name}\``, span, hint);
}

function unitHint(name: string): string {
  return `to count ${name}, declare it as a noun: \`nouns: [${name}]\`; the units include B, kB, MB, GiB, bit, Gbps, s, ms, hour, day, month, year and USD`;
}

function constant(value: number, dim: Dimension): Checked {
  return { dim, code: literal(value), constant: value };
}

/** A finite number as JavaScript source; negative ones in parentheses. */
function literal(value: number): string {
  return value < 0 || Object.is(value, -0) ? `(${value})` : String(value);
}

/** Builds a node from its arguments; folds it when every argument is constant. */
function derive(
  dim: Dimension, args: Checked[], fold: (...xs: number[]) => number, code: (...xs: string[]) => string, span: Span,
): Checked {
  if (args.every((a) => a.constant !== undefined)) {
    const value = fold(...args.map((a) => a.constant!));
    if (!Number.isFinite(value)) throw problem('not-finite', 'this part of the formula is not a finite number', span, `${NOT_FINITE_CAUSES}?`);
    return constant(value, dim);
  }
  return { dim, code: code(...args.map((a) => a.code)) };
}

/** A sub-expression's unit as the user wrote it (GB/day), not in base units (B/s). */
function inWords(e: Expr, dim: Dimension, scope: Scope): string {
  return unitInWords(e, dim, scope.registry, scope.lookup);
}

function mismatch(verb: string, [left, a]: [Expr, Dimension], [right, b]: [Expr, Dimension], e: Expr, scope: Scope): DiagnosticError {
  const [ua, ub] = [inWords(left, a, scope), inWords(right, b, scope)];
  const side = (x: Expr, unit: string) => (x.kind === 'name' ? `\`${x.name}\` is ${unit}` : unit);
  const hint = e.kind === 'bin'
    ? `left: ${side(left, ua)}; right: ${side(right, ub)}. Both sides must have the same dimension`
    : `${side(right, ub)}, the others are ${ua}`;
  return problem('unit-mismatch', `cannot ${verb} ${ua} and ${ub}`, e.span, hint);
}
