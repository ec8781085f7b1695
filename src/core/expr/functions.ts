import { Dimension } from '../units/dimension.js';
import { toDigits } from '../units/display.js';
import type { Expr } from './ast.js';

// The functions a formula may call, as data: one entry a function
// (FUNCTIONS below). The parser's whitelist and its hint, the checker's
// dimension rules, the generated code (`M.<name>`, names of this table only)
// and the runtime (calls.ts), explain, and the function lists of README.md
// and docs are derived from it. Adding a building block is one entry
// (docs/units.md, "Where units and functions live").

/** One function of the table. */
export interface FunctionDef {
  name: string;
  /** In order; after the first with `default` or `optional`, all may be left out. */
  params: readonly Param[];
  /** The last parameter repeats: min(a, b, c). */
  variadic?: true;
  /**
   * The dimension of the result, from the arguments' (refusing what cannot
   * be), and any constants the runtime takes after the arguments.
   */
  result: (call: Call) => Dimension | { dim: Dimension; constants: number[] };
  /** The result is in the unit its first argument was written in: ceil(storage) is in TB. */
  keepsUnit?: true;
  /** The result is a whole count of things bought (servers, shards): shown whole, never rounded down. */
  counts?: true;
  /** Numbers in base units in, a number in base units out; the constants of `result` last. */
  run: (...xs: number[]) => number;
  /**
   * Arguments outside the function's domain, in words (a negative load, a
   * utilization above 100%): such a call is refused where it is folded, and
   * gives NaN at run time, which the not-finite error then explains.
   */
  refuses?: (...xs: number[]) => string | undefined;
  /** One line, for docs and hints. */
  doc: string;
  /** A calculation that uses it, and its answer (tests/unit/functions.test.ts checks it). */
  example: { formula: string; answer: string };
}

export interface Param {
  name: string;
  /** `plain`: a plain number; `like first`: the first argument's dimension; `plain or result`: either a plain number or the result's. */
  dim?: 'plain' | 'like first' | 'plain or result';
  /** Its value when left out. */
  default?: number;
  /** May be left out, without a value (log's base). */
  optional?: true;
  /** The largest value it takes (a utilization, 100%): sensitivity swings an input passed here no further. */
  max?: number;
}

/** What a dimension rule sees of a call, once its arguments are checked. */
export interface Call {
  fn: string;
  dims: readonly Dimension[];
  /** The unit a value is rounded in (a figure's `unit:`, calc's `-> unit`), when one is. */
  roundIn?: { factor: number; dim: Dimension } | undefined;
  /** The length of a day, by the scenario's conventions. */
  day: number;
  /** Argument i's unit as written (GB/day, not B/s). */
  unit(i: number): string;
  /** Refuses the call: the whole of it, or argument `at`. */
  refuse(message: string, at?: number, hint?: string): never;
}

/**
 * Rounding forgives floating-point noise: 0.1 * 3 * 10 is 3.0000000000000004,
 * and a server count of ceil(that) must be 3, not 4. Only noise: a relative
 * 1e-12, and never a real fraction, so floor(1e10 + 0.6) stays 1e10.
 */
const snap = (x: number) => {
  const n = Math.round(x);
  return Math.abs(x - n) <= Math.min(1e-3, 1e-12 * Math.max(1, Math.abs(x))) ? n : undefined;
};

/** ceil(load / (each × utilization)) + spares, forgiving noise. */
export const capacity = (load: number, each: number, utilization: number, spares: number) =>
  (snap(load / (each * utilization)) ?? Math.ceil(load / (each * utilization))) + spares;

const percent = (x: number) => `${toDigits(x * 100, 3)}%`;

/** What servers() and shards() cannot count: a load below zero, a capacity of zero or less, a utilization outside (0, 100%]. */
const capacityRefusal = (load: number, each: number, utilization = 1, spares = 0): string | undefined => {
  if (load < 0) return 'the load is negative';
  if (each <= 0) return 'the capacity of one must be above zero';
  // 1 + 1e-12: a utilization computed as 0.7 / 0.7 may land a hair above 1.
  if (utilization <= 0 || utilization > 1 + 1e-12)
    return `the utilization must be above 0% and at most 100%, not ${percent(utilization)}`;
  if (spares < 0) return 'the spares must not be negative';
  return undefined;
};

const first = (c: Call) => c.dims[0]!;
const plain = () => Dimension.none;
/** Rounded in the figure's unit when the dimension fits, else in base units: the step is the runtime's last argument. */
const rounding = (c: Call) => ({ dim: first(c), constants: [c.roundIn?.dim.equals(first(c)) ? c.roundIn.factor : 1] });

/** servers() and shards(): the load over one unit's capacity must be a count of something. */
const count = (unit: string, example: string) => (c: Call) => {
  const dim = c.dims[0]!.div(c.dims[1]!);
  if (
    dim.factors.some(([, p]) => p < 0) ||
    dim.factors.length > 1 ||
    dim.factors.some(([b]) => b === 'B' || b === 's' || b === 'USD')
  ) {
    c.refuse(
      `${c.fn}: ${c.unit(0)} divided by ${c.unit(1)} is ${dim}, not a count`,
      undefined,
      `give the capacity of one ${unit} in the same units as the load, e.g. ${example}`,
    );
  }
  return dim;
};

const x: Param = { name: 'x' };
const plainX: Param = { name: 'x', dim: 'plain' };

/** Whether an expression's value is a count that servers() or shards() bought: its outermost call (in parentheses or not) is one. */
export function countsWhole(e: Expr): boolean {
  let at = e;
  while (at.kind === 'paren') at = at.inner;
  return at.kind === 'call' && FUNCTIONS.some((f) => f.name === at.fn && f.counts);
}

export const FUNCTIONS: readonly FunctionDef[] = [
  {
    name: 'ceil',
    params: [x],
    keepsUnit: true,
    result: rounding,
    run: (v, step) => (snap(v / step) ?? Math.ceil(v / step)) * step,
    doc: "rounds up, in the figure's declared unit",
    example: { formula: 'ceil(2.2 GB) -> GB', answer: '3 GB' },
  },
  {
    name: 'floor',
    params: [x],
    keepsUnit: true,
    result: rounding,
    run: (v, step) => (snap(v / step) ?? Math.floor(v / step)) * step,
    doc: "rounds down, in the figure's declared unit",
    example: { formula: 'floor(2.8 GB) -> GB', answer: '2 GB' },
  },
  {
    name: 'round',
    params: [x],
    keepsUnit: true,
    result: rounding,
    run: (v, step) => Math.round(v / step) * step,
    doc: "rounds to the nearest, in the figure's declared unit",
    example: { formula: 'round(1234 s) -> min', answer: '21 min' },
  },
  {
    name: 'min',
    params: [x, { name: 'y', dim: 'like first', optional: true }],
    variadic: true,
    keepsUnit: true,
    result: first,
    run: Math.min,
    doc: 'the least of quantities of one dimension',
    example: { formula: 'min(1 GB, 2 MB)', answer: '2 MB' },
  },
  {
    name: 'max',
    params: [x, { name: 'y', dim: 'like first', optional: true }],
    variadic: true,
    keepsUnit: true,
    result: first,
    run: Math.max,
    doc: 'the greatest of quantities of one dimension',
    example: { formula: 'max(1 GB, 2 MB)', answer: '1 GB' },
  },
  {
    name: 'abs',
    params: [x],
    keepsUnit: true,
    result: first,
    run: Math.abs,
    doc: 'the size without its sign',
    example: { formula: 'abs(-3 ms)', answer: '3 ms' },
  },
  {
    name: 'sqrt',
    params: [x],
    run: Math.sqrt,
    result: (c) => first(c).pow(0.5) ?? c.refuse(`the square root of ${first(c)} has no whole dimension`),
    doc: 'the square root; of a whole dimension only (m^2, not B)',
    example: { formula: 'sqrt(4 m^2)', answer: '2 m' },
  },
  {
    name: 'log',
    params: [plainX, { name: 'base', dim: 'plain', optional: true }],
    result: plain,
    run: (v, base?: number) => (base === undefined ? Math.log(v) : Math.log(v) / Math.log(base)),
    doc: 'the natural logarithm, or log(x, base); of a plain number',
    example: { formula: 'log(1000, 10)', answer: '3' },
  },
  {
    name: 'log2',
    params: [plainX],
    result: plain,
    run: Math.log2,
    doc: 'the logarithm to base 2, of a plain number',
    example: { formula: 'log2(1024)', answer: '10' },
  },
  {
    name: 'log10',
    params: [plainX],
    result: plain,
    run: Math.log10,
    doc: 'the logarithm to base 10, of a plain number',
    example: { formula: 'log10(1e6)', answer: '6' },
  },
  // Building blocks of estimates (docs/building-blocks.md).
  {
    name: 'servers',
    params: [
      { name: 'load' },
      { name: 'per_server' },
      { name: 'utilization', dim: 'plain', default: 1, max: 1 },
      { name: 'spares', dim: 'plain or result', default: 0 },
    ],
    result: count('server', '5000 req/s/server'),
    counts: true,
    run: capacity,
    refuses: capacityRefusal,
    doc: 'ceil(load / (per_server × utilization)) + spares, counted in server',
    example: { formula: 'servers(20000 req/s, 5000 req/s/server, 70%, 1)', answer: '7 server' },
  },
  {
    name: 'shards',
    params: [{ name: 'total' }, { name: 'per_shard' }],
    result: count('shard', '2 TB/shard'),
    counts: true,
    run: (total, each) => capacity(total, each, 1, 0),
    refuses: (total, each) => capacityRefusal(total, each),
    doc: 'ceil(total / per_shard), counted in shard',
    example: { formula: 'shards(36.5 TB, 2 TB/shard)', answer: '19 shard' },
  },
  {
    name: 'cache_80_20',
    params: [{ name: 'volume' }],
    run: (v, perTime) => 0.2 * v * perTime,
    refuses: (v) => (v < 0 ? 'the volume is negative' : undefined),
    result: (c) => {
      // A daily volume (B/day) is cached for one day; a stored volume (B) as is.
      const perTime = first(c).powerOf('s') === -1 ? c.day : 1;
      const dim = perTime === 1 ? first(c) : first(c).mul(Dimension.base('s'));
      if (dim.powerOf('B') !== 1) c.refuse(`cache_80_20 takes a volume of data (B or B/day), not ${c.unit(0)}`, 0);
      return { dim, constants: [perTime] };
    },
    doc: "20% of a day's read volume (B/day), or of a stored volume (B)",
    example: { formula: 'cache_80_20(30 TB/day)', answer: '6 TB' },
  },
];
