import { DiagnosticError } from '../diagnostic.js';
import type { Expr } from '../expr/ast.js';
import { compileCode } from '../expr/calls.js';
import { checkFormula } from '../expr/check.js';
import { capacity } from '../expr/functions.js';
import { referent } from '../expr/referent.js';
import { bestUnit, toDigits } from '../units/display.js';
import type { Dimension } from '../units/dimension.js';
import { isWholeCount, unitOf, type Figure, type Model, type Origin } from '../scenario/model.js';
import type { Range } from '../scenario/range.js';
import { figuresBehind } from '../scenario/graph.js';

/**
 * A step of "show your work" as data: names, operators, and quantities left
 * unformatted, so that one step renders to plain text, colour or Markdown.
 */
export type Markup = MarkupPart[];
export type MarkupPart =
  | { kind: 'name'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'text'; text: string }
  /** A figure's value, in `unit` (its declared or written unit, or base units). */
  /** `whole`: a count servers() or shards() bought, shown whole (1,003 node, never 1 K). */
  | { kind: 'quantity'; value: number; unit: string; whole?: true }
  /** A number or unit written in the formula, kept as written. */
  | { kind: 'literal'; text: string };

export interface ExplainStep {
  name: string;
  kind: 'assumption' | 'derived';
  /** `dau × tweets_per_user` (derived) or the quantity as written (assumption). */
  formula: Markup;
  /** The formula with each name replaced by its value: `150 M user × 2 tweet/user/day`. */
  substituted: Markup;
  value: number;
  unit: string;
  uses: string[];
  note?: string;
  overridden: boolean;
  /** The value is a count servers() or shards() bought: said whole or rounded up, never down. */
  whole?: true;
  /** Assumptions as the file gives them: stated by the source, or bote's default. */
  origin?: Origin;
  /** A default's row of `bote ref capacity`. */
  ref?: string;
  /** Set when this input is a guess (written as a range, or set to one): how it is read. */
  range?: { low: number; high: number; dist: string; fellBackToNormal: boolean };
  /**
   * Derived: the inside of each building block the formula calls (servers,
   * shards, cache_80_20), as steps of their own: its rule, the rule with the
   * values, and its answer.
   */
  inside?: Array<{ block: string; lines: Markup[] }>;
}

/**
 * The chain from assumptions to the named figures, in dependency order. With
 * no names, every figure. `overridden` names figures pinned by --set: their
 * formula no longer applies, and the step says so.
 */
export function explain(
  model: Model,
  values: Float64Array,
  names: readonly string[] = [],
  overridden: ReadonlySet<string> = new Set(),
  ranges: ReadonlyMap<string, Range> = new Map(),
): ExplainStep[] {
  const wanted = names.length ? figuresBehind(model, names, overridden) : new Set(model.figures.map((f) => f.name));
  return model.figures
    .filter((f) => wanted.has(f.name))
    .map((f) =>
      withRange(step(model, f, values, overridden.has(f.name), overridden), ranges.get(f.name), unitOf(f).factor),
    );
}

function withRange(s: ExplainStep, r: Range | undefined, factor: number): ExplainStep {
  if (!r) return s;
  return {
    ...s,
    range: { low: r.low / factor, high: r.high / factor, dist: r.dist, fellBackToNormal: r.fellBackToNormal },
  };
}

function step(
  model: Model,
  f: Figure,
  values: Float64Array,
  pinned: boolean,
  overridden: ReadonlySet<string>,
): ExplainStep {
  const unit = unitOf(f);
  const value = values[f.index]! / unit.factor;
  const base = {
    name: f.name,
    kind: f.kind,
    value,
    unit: unit.text,
    uses: f.uses,
    overridden: pinned,
    ...(f.note !== undefined ? { note: f.note } : {}),
    ...(isWholeCount(f) ? { whole: true as const } : {}),
  };
  if (f.kind === 'assumption' || pinned) {
    const given: Markup = pinned ? [{ kind: 'quantity', value, unit: unit.text }] : [{ kind: 'literal', text: f.text }];
    const origin =
      f.kind === 'assumption' && !pinned
        ? { origin: f.origin ?? 'source', ...(f.ref !== undefined ? { ref: f.ref } : {}) }
        : {};
    return { ...base, ...origin, uses: pinned ? [] : f.uses, formula: given, substituted: given };
  }
  const substitute = (node: Extract<Expr, { kind: 'name' }>): MarkupPart | undefined => {
    const r = referent(node, model.registry, (n) => model.byName.get(n));
    if (!r || !('figure' in r)) return undefined;
    const g = r.figure;
    const name = g.name;
    // An assumption reads best as written (99.99%, 300 million user), unless --set changed it.
    // Constant arithmetic (4 B + 20 B) is put in parentheses: × binds tighter than its +.
    if (g.kind === 'assumption' && !overridden.has(name) && !g.range)
      return { kind: 'literal', text: isSum(g.expr) ? `(${g.text.trim()})` : g.text.trim() };
    const u = unitOf(g);
    return {
      kind: 'quantity',
      value: values[g.index]! / u.factor,
      unit: u.text,
      ...(isWholeCount(g) ? { whole: true as const } : {}),
    };
  };
  const inside = buildingBlocks(model, f.expr, values, substitute);
  return {
    ...base,
    formula: render(f.expr, () => undefined),
    substituted: render(f.expr, substitute),
    ...(inside.length ? { inside } : {}),
  };
}

const BLOCKS = new Set(['servers', 'shards', 'cache_80_20']);

/** Every call of a building block in a formula, innermost last, each worked out inside. */
function buildingBlocks(
  model: Model,
  e: Expr,
  values: Float64Array,
  substitute: (node: Extract<Expr, { kind: 'name' }>) => MarkupPart | undefined,
): Array<{ block: string; lines: Markup[] }> {
  const calls: Array<Extract<Expr, { kind: 'call' }>> = [];
  const walk = (x: Expr): void => {
    if (x.kind === 'call') {
      if (BLOCKS.has(x.fn)) calls.push(x);
      x.args.forEach(walk);
    } else if (x.kind === 'bin') {
      walk(x.left);
      walk(x.right);
    } else if (x.kind === 'paren') walk(x.inner);
    else if (x.kind === 'neg') walk(x.arg);
  };
  walk(e);
  return calls.flatMap((call) => {
    const args = call.args.map((a) => argumentOf(model, a, values, substitute));
    if (args.some((a) => a === undefined)) return [];
    const lines = insideOf(call.fn, args as Argument[], model.registry.conventions.day);
    return lines ? [{ block: call.fn, lines }] : [];
  });
}

/** An argument of a building block: its value in base units, and how to show it. */
interface Argument {
  base: number;
  shown: Markup;
  dim: Dimension;
}

function argumentOf(
  model: Model,
  e: Expr,
  values: Float64Array,
  substitute: (node: Extract<Expr, { kind: 'name' }>) => MarkupPart | undefined,
): Argument | undefined {
  let checked: ReturnType<typeof checkFormula>;
  try {
    checked = checkFormula(e, { registry: model.registry, lookup: (n) => model.byName.get(n) });
  } catch (e) {
    // An argument the checker refuses is not shown inside; anything else is a bug, not bad input.
    if (e instanceof DiagnosticError) return undefined;
    throw e;
  }
  const base = checked.constant ?? compileCode(checked.code)(values);
  // A name or a number as written reads as the step reads it; anything longer, as its value.
  const simple = e.kind === 'name' || checked.constant !== undefined;
  const best = bestUnit(base, checked.dim, model.registry);
  return {
    base,
    dim: checked.dim,
    shown: simple ? render(e, substitute) : [{ kind: 'quantity', value: best.value, unit: best.unit }],
  };
}

/** A plain number to six significant digits: the ratio a count is rounded up from. */
const ratio = (x: number): MarkupPart => ({ kind: 'literal', text: String(toDigits(x, 6)) });
const text = (t: string): MarkupPart => ({ kind: 'text', text: t });
/** A count in what it counts (server, node, shard: the load or total over the capacity of one). */
const counted = (n: number, whole: Argument, each: Argument): MarkupPart => {
  const dim = whole.dim.div(each.dim);
  return { kind: 'quantity', value: n, unit: dim.isNone ? '' : String(dim), whole: true };
};

/** The lines inside one block: its rule in words, with the values, and its answer. */
function insideOf(fn: string, args: Argument[], day: number): Markup[] | undefined {
  switch (fn) {
    case 'servers': {
      const [load, each, utilization, spares] = args;
      const u = utilization?.base ?? 1;
      const extra = spares?.base ?? 0;
      const r = load!.base / (each!.base * u);
      const count = capacity(load!.base, each!.base, u, extra);
      return [
        [text('⌈load / (per_server × utilization)⌉ + spares')],
        [
          text('⌈'),
          ...load!.shown,
          text(' / ('),
          ...each!.shown,
          text(' × '),
          ...(utilization?.shown ?? [text('100%')]),
          text(')⌉ + '),
          ...(spares?.shown ?? [text('0')]),
        ],
        [text('⌈'), ratio(r), text(`⌉ + ${extra} = `), counted(count, load!, each!)],
      ];
    }
    case 'shards': {
      const [total, each] = args;
      const r = total!.base / each!.base;
      const count = capacity(total!.base, each!.base, 1, 0);
      return [
        [text('⌈total / per_shard⌉')],
        [text('⌈'), ...total!.shown, text(' / '), ...each!.shown, text('⌉')],
        [text('⌈'), ratio(r), text('⌉ = '), counted(count, total!, each!)],
      ];
    }
    case 'cache_80_20': {
      const [volume] = args;
      const perDay = volume!.dim.powerOf('s') === -1;
      const kept = 0.2 * volume!.base * (perDay ? day : 1);
      const shown: Markup = perDay
        ? [{ kind: 'quantity', value: volume!.base * day, unit: 'B/day' }]
        : [{ kind: 'quantity', value: volume!.base, unit: 'B' }];
      return [
        [text(perDay ? "20% of a day's volume: 20% × volume × 1 day" : '20% of the volume: 20% × volume')],
        [text('20% × '), ...shown, ...(perDay ? [text(' × 1 day')] : [])],
        [{ kind: 'quantity', value: kept, unit: 'B' }],
      ];
    }
    default:
      return undefined;
  }
}

function isSum(e: Expr): boolean {
  return e.kind === 'bin' && (e.op === '+' || e.op === '-');
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 4 } as const;
const SHOWN_OP = { '+': '+', '-': '−', '*': '×', '/': '/', '^': '^' } as const;

/** Writes a formula back as markup, with the parentheses it needs and × for *. */
function render(e: Expr, substitute: (name: Extract<Expr, { kind: 'name' }>) => MarkupPart | undefined): Markup {
  const out: Markup = [];
  const walk = (x: Expr, parent: number, rightOfDivide: boolean): void => {
    switch (x.kind) {
      case 'num':
        out.push({ kind: 'literal', text: x.text });
        return;
      case 'name': {
        const q = substitute(x);
        if (!q) {
          out.push({ kind: 'name', text: x.name });
          return;
        }
        // A value with a unit needs parentheses where it is raised (2 ms^2 is not (2 ms)^2)
        // or juxtaposed; one with a unit of several words or a slash, also where divided by.
        const written =
          q.kind === 'quantity' ? `${q.value} ${q.unit}`.trim() : q.kind === 'literal' ? q.text.trim() : '';
        const hasUnit = /[A-Za-z%$µμ]/.test(written.replace(/^[-+]?[\d.,]+(e[-+]?\d+)?/i, ''));
        const compound = hasUnit && /[/ ·]/.test(written.replace(/^[-+]?[\d.,]+(e[-+]?\d+)?\s*/i, ''));
        const wrap = hasUnit && (parent >= 3 || (compound && rightOfDivide));
        if (wrap) out.push({ kind: 'op', text: '(' });
        out.push(q);
        if (wrap) out.push({ kind: 'op', text: ')' });
        return;
      }
      case 'paren':
        out.push({ kind: 'op', text: '(' });
        walk(x.inner, 0, false);
        out.push({ kind: 'op', text: ')' });
        return;
      case 'neg':
        out.push({ kind: 'op', text: '−' });
        walk(x.arg, 3, false);
        return;
      case 'call':
        out.push({ kind: 'name', text: x.fn }, { kind: 'op', text: '(' });
        x.args.forEach((a, i) => {
          if (i) out.push({ kind: 'op', text: ', ' });
          walk(a, 0, false);
        });
        out.push({ kind: 'op', text: ')' });
        return;
      case 'bin': {
        const p = x.implicit ? 3 : PRECEDENCE[x.op];
        walk(x.left, p, false);
        if (x.implicit) {
          // `50%` and `$0.02` keep their written form; `365 day` keeps its space, `GB-month` its hyphen.
          if (x.hyphen) out.push({ kind: 'text', text: '-' });
          else if (!(x.right.kind === 'name' && x.right.name === '%')) out.push({ kind: 'text', text: ' ' });
        } else {
          // `req/s/server` stays tight: with spaces, `/ server` would read as the figure of that name.
          const tight = x.op === '^' || (x.op === '/' && x.right.kind === 'name' && x.right.unitPosition === true);
          out.push({ kind: 'op', text: tight ? x.op : ` ${SHOWN_OP[x.op]} ` });
        }
        walk(x.right, p, x.op === '/');
        return;
      }
      default:
        x satisfies never;
    }
  };
  walk(e, 0, false);
  return out;
}
