import { DiagnosticError, type Diagnostic, type Span } from '../diagnostic.js';
import { didYouMean } from '../suggest.js';
import { Dimension } from '../units/dimension.js';
import type { UnitRegistry } from '../units/registry.js';
import type { Expr, FunctionName } from './ast.js';

/** Evaluates a checked formula on the current values of the scenario's figures. */
export type Evaluator = (values: Float64Array) => number;

export interface Checked {
  dim: Dimension;
  evaluate: Evaluator;
  /** Set when the formula uses no figure: its value, folded once. */
  constant?: number;
}

export interface NameRef {
  index: number;
  dim: Dimension;
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
 * evaluated; the result is a closure of plain number arithmetic in base
 * units. Sub-expressions without names are folded to constants here.
 */
export function checkFormula(expr: Expr, scope: Scope): Checked {
  return check(expr, scope, false);
}

function check(e: Expr, scope: Scope, unitPosition: boolean): Checked {
  switch (e.kind) {
    case 'num':
      return constant(e.value, Dimension.none);
    case 'paren':
      return check(e.inner, scope, false);
    case 'name':
      return resolve(e.name, e.span, scope, unitPosition);
    case 'neg': {
      const a = check(e.arg, scope, false);
      return derive(a.dim, [a], (x) => -x, (v) => -a.evaluate(v), e.span);
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
  const a = check(e.left, scope, false);
  const b = check(e.right, scope, e.implicit && e.right.kind === 'name');
  const la = a.evaluate;
  const lb = b.evaluate;
  switch (e.op) {
    case '+':
    case '-': {
      if (!a.dim.equals(b.dim)) throw mismatch(e.op === '+' ? 'add' : 'subtract', a.dim, b.dim, e, scope);
      const f = e.op === '+' ? (x: number, y: number) => x + y : (x: number, y: number) => x - y;
      return derive(a.dim, [a, b], f, e.op === '+' ? (v) => la(v) + lb(v) : (v) => la(v) - lb(v), e.span);
    }
    case '*':
      return derive(a.dim.mul(b.dim), [a, b], (x, y) => x * y, (v) => la(v) * lb(v), e.span);
    case '/':
      return derive(a.dim.div(b.dim), [a, b], (x, y) => x / y, (v) => la(v) / lb(v), e.span);
    case '^': {
      if (!b.dim.isNone) throw problem('unit-mismatch', `an exponent must be a plain number, not ${b.dim}`, e.right.span);
      if (a.dim.isNone) return derive(a.dim, [a, b], (x, y) => x ** y, (v) => la(v) ** lb(v), e.span);
      if (b.constant === undefined) {
        throw problem('unit-mismatch', `a quantity in ${a.dim} can only be raised to a fixed power`, e.right.span, 'write the exponent as a number, like ^2');
      }
      const dim = a.dim.pow(b.constant);
      if (!dim) throw problem('unit-mismatch', `${a.dim} raised to ${b.constant} has no whole dimension`, e.span);
      return derive(dim, [a, b], (x, y) => x ** y, (v) => la(v) ** lb(v), e.span);
    }
    default:
      return e.op satisfies never;
  }
}

function checkCall(e: Extract<Expr, { kind: 'call' }>, scope: Scope): Checked {
  const args = e.args.map((a) => check(a, scope, false));
  const arity = (min: number, max: number) => {
    if (args.length < min || args.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `${min} or more` : `${min} or ${max}`;
      throw problem('bad-argument', `${e.fn} takes ${want} argument${want === '1' ? '' : 's'}, not ${args.length}`, e.span);
    }
  };
  const plain = (i: number) => {
    if (!args[i]!.dim.isNone) {
      throw problem('unit-mismatch', `${e.fn} needs a plain number, not a quantity in ${args[i]!.dim}`, e.args[i]!.span,
        `divide by a unit first, e.g. ${e.fn}(x / (1 ${args[i]!.dim}))`);
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
      const r = ROUNDERS[fn];
      return derive(x.dim, args, (v) => r(v / step) * step, (v) => r(x.evaluate(v) / step) * step, e.span);
    }
    case 'min':
    case 'max': {
      arity(1, Infinity);
      const first = args[0]!;
      args.forEach((a, i) => {
        if (!a.dim.equals(first.dim)) throw mismatch(`take the ${fn} of`, first.dim, a.dim, e.args[i]!, scope);
      });
      const m = fn === 'min' ? Math.min : Math.max;
      const fs = args.map((a) => a.evaluate);
      return derive(first.dim, args, (...xs) => m(...xs), (v) => m(...fs.map((f) => f(v))), e.span);
    }
    case 'abs': {
      arity(1, 1);
      const x = args[0]!;
      return derive(x.dim, args, Math.abs, (v) => Math.abs(x.evaluate(v)), e.span);
    }
    case 'sqrt': {
      arity(1, 1);
      const x = args[0]!;
      const dim = x.dim.pow(0.5);
      if (!dim) throw problem('unit-mismatch', `the square root of ${x.dim} has no whole dimension`, e.span);
      return derive(dim, args, Math.sqrt, (v) => Math.sqrt(x.evaluate(v)), e.span);
    }
    case 'log': {
      arity(1, 2);
      args.forEach((_, i) => plain(i));
      const [x, base] = args as [Checked, Checked | undefined];
      if (!base) return derive(Dimension.none, args, Math.log, (v) => Math.log(x.evaluate(v)), e.span);
      return derive(Dimension.none, args, (a, b) => Math.log(a) / Math.log(b),
        (v) => Math.log(x.evaluate(v)) / Math.log(base.evaluate(v)), e.span);
    }
    case 'log2':
    case 'log10': {
      arity(1, 1);
      plain(0);
      const x = args[0]!;
      const f = fn === 'log2' ? Math.log2 : Math.log10;
      return derive(Dimension.none, args, f, (v) => f(x.evaluate(v)), e.span);
    }
    case 'servers':
    case 'shards':
      return checkCapacity(e, args, arity, plain);
    case 'cache_80_20': {
      arity(1, 1);
      const x = args[0]!;
      // A daily volume (B/day) is cached for one day; a stored volume (B) as is.
      const perTime = x.dim.powerOf('s') === -1 ? scope.registry.conventions.day : 1;
      const dim = perTime === 1 ? x.dim : x.dim.mul(Dimension.base('s'));
      if (dim.powerOf('B') !== 1) {
        throw problem('unit-mismatch', `cache_80_20 takes a volume of data (B or B/day), not ${x.dim}`, e.args[0]!.span);
      }
      return derive(dim, args, (v) => 0.2 * v * perTime, (v) => 0.2 * x.evaluate(v) * perTime, e.span);
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
  e: Extract<Expr, { kind: 'call' }>, args: Checked[], arity: (min: number, max: number) => void, plain: (i: number) => void,
): Checked {
  const isServers = e.fn === 'servers';
  arity(2, isServers ? 4 : 2);
  const [load, each, utilization, spares] = args as [Checked, Checked, Checked | undefined, Checked | undefined];
  const dim = load.dim.div(each.dim);
  if (dim.factors.some(([, p]) => p < 0) || dim.factors.length > 1 || dim.factors.some(([b]) => b === 'B' || b === 's' || b === 'USD')) {
    throw problem('unit-mismatch', `${e.fn}: ${load.dim} divided by ${each.dim} is ${dim}, not a count`, e.span,
      `give the capacity of one ${isServers ? 'server' : 'shard'} in the same units as the load, e.g. ${isServers ? '5000 req/s/server' : '2 TB/shard'}`);
  }
  if (utilization) plain(2);
  if (spares && !spares.dim.isNone && !spares.dim.equals(dim)) {
    throw problem('unit-mismatch', `servers: spares must be a plain number or ${dim}, not ${spares.dim}`, e.args[3]!.span);
  }
  const u = utilization?.evaluate ?? (() => 1);
  const n = spares?.evaluate ?? (() => 0);
  const fl = load.evaluate;
  const fe = each.evaluate;
  const count = (l: number, c: number, util: number, extra: number) => ROUNDERS.ceil(l / (c * util)) + extra;
  return derive(dim, args, (l, c, util = 1, extra = 0) => count(l, c, util, extra), (v) => count(fl(v), fe(v), u(v), n(v)), e.span);
}

/**
 * Rounding forgives floating-point noise: 0.1 * 3 * 10 is 3.0000000000000004,
 * and a server count of ceil(that) must be 3, not 4.
 */
const snap = (x: number) => {
  const n = Math.round(x);
  return Math.abs(x - n) <= 1e-9 * Math.max(1, Math.abs(x)) ? n : undefined;
};
const ROUNDERS = {
  ceil: (x: number) => snap(x) ?? Math.ceil(x),
  floor: (x: number) => snap(x) ?? Math.floor(x),
  round: (x: number) => Math.round(x),
};

function resolve(name: string, span: Span, scope: Scope, unitPosition: boolean): Checked {
  // Figures come first: a scenario may name a figure `qps` or `users`.
  const ref = scope.lookup?.(name);
  if (ref) {
    const { index } = ref;
    return { dim: ref.dim, evaluate: (v) => v[index]! };
  }
  const unit = scope.registry.lookup(name);
  if (unit) return constant(unit.factor, unit.dim);
  const forbidden = scope.forbidden?.(name);
  if (forbidden) throw problem('unknown-name', forbidden, span);
  const figures = scope.names ? [...scope.names()] : [];
  const asUnit = unitPosition || !scope.lookup;
  const guess = didYouMean(name, asUnit ? [...scope.registry.names(), ...figures] : [...figures, ...scope.registry.names()]);
  const hint = guess ? `did you mean \`${guess}\`?` : asUnit ? unitHint(name) : 'names are assumptions, derived figures or units';
  return fail(asUnit ? 'unknown-unit' : 'unknown-name', `unknown ${asUnit ? 'unit' : 'name'} \`${name}\``, span, hint);
}

function unitHint(name: string): string {
  return `units include B, kB, MB, GiB, bit, Gbps, s, ms, hour, day, month, year, USD and count nouns; declare a new noun under \`nouns:\` (\`${name}\`?)`;
}

function fail(code: Diagnostic['code'], message: string, span: Span, hint: string): never {
  throw new DiagnosticError([{ code, message, span, hint }]);
}

function constant(value: number, dim: Dimension): Checked {
  return { dim, evaluate: () => value, constant: value };
}

/** Builds a node; folds it when every argument is constant. */
function derive(dim: Dimension, args: Checked[], fold: (...xs: number[]) => number, evaluate: Evaluator, span: Span): Checked {
  if (args.every((a) => a.constant !== undefined)) {
    const value = fold(...args.map((a) => a.constant!));
    if (!Number.isFinite(value)) throw problem('not-finite', 'this part of the formula is not a finite number (division by zero?)', span);
    return constant(value, dim);
  }
  return { dim, evaluate };
}

function side(e: Expr, dim: Dimension): string {
  return e.kind === 'name' ? `\`${e.name}\` is ${dim}` : `${dim}`;
}

function mismatch(verb: string, a: Dimension, b: Dimension, e: Expr, _scope: Scope): DiagnosticError {
  const hint = e.kind === 'bin'
    ? `left: ${side(e.left, a)}; right: ${side(e.right, b)}. Both sides must have the same dimension`
    : `${side(e, b)}, the others are ${a}`;
  return problem('unit-mismatch', `cannot ${verb} ${a} and ${b}`, e.span, hint);
}

export function problem(code: Diagnostic['code'], message: string, span: Span, hint?: string): DiagnosticError {
  return new DiagnosticError([{ code, message, span, ...(hint ? { hint } : {}) }]);
}
