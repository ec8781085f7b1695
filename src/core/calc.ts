import { DiagnosticError, fail, ok, type Diagnostic, type Result } from './diagnostic.js';
import type { Expr } from './expr/ast.js';
import { checkFormula, type Checked } from './expr/check.js';
import { parseFormula } from './expr/parser.js';
import { parseUnit } from './expr/quantity.js';
import { tokenize } from './expr/tokenizer.js';
import { leftoverNounHint, unitFactors, unitInWords } from './expr/unit-of.js';
import { didYouMean } from './suggest.js';
import type { Dimension } from './units/dimension.js';
import { bestUnit, rePrefixed } from './units/display.js';
import type { WrittenUnit } from './units/written.js';
import { singularOf, UnitRegistry } from './units/registry.js';
import { mergeFactors, unitOfFactors } from './units/written.js';

export interface CalcResult {
  /** In `unit`. */
  value: number;
  unit: string;
  /** Words taken as count nouns for this expression (`tweet`), to say so. */
  guessedNouns: string[];
}

export interface CalcOptions {
  /** Count nouns declared for this expression (`--noun`): taken as such without a note. */
  nouns?: readonly string[];
}

/**
 * `bote calc`: evaluates an expression of numbers and units, optionally
 * converted with `-> unit`; otherwise in the units written (docs/units.md,
 * "The calculator"). A word that is no unit, and no typo of one, counts
 * something: it becomes a count noun of this expression. Spans in
 * diagnostics are offsets into `text`.
 */
export function calculate(text: string, options: CalcOptions = {}): Result<CalcResult> {
  try {
    const declared = [...(options.nouns ?? [])];
    const guessedNouns = countedWords(text, UnitRegistry.create({ nouns: declared }));
    const registry = UnitRegistry.create({ nouns: [...declared, ...guessedNouns] });
    const { expr, rest } = parseFormula(text, { allowArrow: true, isUnit: (w) => registry.lookup(w) !== undefined });
    const arrow = rest[0]!;
    if (arrow.kind !== '->') {
      const checked = checkFormula(expr, { registry });
      return ok({ ...inWrittenUnits(expr, checked, registry), guessedNouns });
    }
    const targetText = text.slice(arrow.span.end);
    if (targetText.trim() === '') return fail({ code: 'syntax', message: 'give a unit after `->`', span: arrow.span });
    let target: WrittenUnit;
    try {
      target = parseUnit(targetText, registry);
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      return fail(...e.diagnostics.map((d) => shift(d, arrow.span.end)));
    }
    // ceil, floor and round round in the unit asked for, as in a figure with `unit:`.
    const checked = checkFormula(expr, { registry, roundIn: target });
    if (!target.dim.equals(checked.dim)) {
      const have = unitInWords(expr, checked.dim, registry);
      return fail({
        code: 'unit-mismatch',
        message: `cannot convert ${have} to ${target.text}`,
        span: { start: arrow.span.end, end: text.length },
        hint:
          leftoverNounHint(expr, checked.dim, target.dim, registry, text) ??
          `the expression is in ${have}; ask for a unit of ${String(checked.dim)}`,
      });
    }
    return ok({ value: checked.constant! / target.factor, unit: target.text, guessedNouns });
  } catch (e) {
    if (e instanceof DiagnosticError) return fail(...e.diagnostics);
    throw e;
  }
}

/**
 * The words of `text` that count something: not a unit, not a function, and
 * no typo of a unit (`requst` stays an error with its did-you-mean), nor a
 * single letter. A plural names its singular noun: tweets → tweet.
 */
function countedWords(text: string, registry: UnitRegistry): string[] {
  const tokens = tokenize(text);
  const names = registry.names();
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'name' || tokens[i + 1]?.kind === '(' || registry.lookup(t.text) || t.text.length < 2) return;
    // Judged by its singular: `tweets` is two letters from `weeks`, `tweet` is far from any unit.
    const noun = singularOf(t.text);
    if (didYouMean(noun, names) === undefined) out.add(noun);
  });
  return [...out];
}

/**
 * The answer in the units the expression was written in, merged where they
 * cancel (user·tweet/user/day is tweet/day), bytes re-prefixed in their own
 * family (1e-10 TB is 100 B). Where the written units cancel only by
 * dimension (Gbps·hour), or none follow, the unit that fits best (450 GB).
 */
function inWrittenUnits(expr: Expr, checked: Checked, registry: UnitRegistry): { value: number; unit: string } {
  const value = checked.constant!;
  const factors = unitFactors(expr, registry);
  if (factors) {
    const written = unitOfFactors(mergeFactors(factors));
    const hidden = basePowers(written.factors!.map((f) => [f.dim, f.power] as const)) > basePowers([[checked.dim, 1]]);
    if (written.dim.equals(checked.dim) && !hidden) return rePrefixed(value / written.factor, written.text, registry);
  }
  return bestUnit(value, checked.dim, registry);
}

/** How many base units a product of units spells out: B/s is 2, Gbps·hour 3 (one s cancels). */
function basePowers(units: ReadonlyArray<readonly [Dimension, number]>): number {
  return units.reduce((n, [dim, power]) => n + dim.factors.reduce((m, [, p]) => m + Math.abs(p * power), 0), 0);
}

function shift(d: Diagnostic, by: number): Diagnostic {
  return d.span ? { ...d, span: { start: d.span.start + by, end: d.span.end + by } } : d;
}
