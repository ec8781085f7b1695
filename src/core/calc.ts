import { DiagnosticError, fail, ok, type Diagnostic, type Result } from './diagnostic.js';
import { checkFormula } from './expr/check.js';
import { parseFormula } from './expr/parser.js';
import { bestUnit } from './units/best-unit.js';
import { parseUnit, writtenUnit, type WrittenUnit } from './units/quantity.js';
import type { Expr } from './expr/ast.js';
import { UnitRegistry } from './units/registry.js';

export interface CalcResult {
  /** In `unit`. */
  value: number;
  unit: string;
}

/**
 * `bote calc`: evaluates an expression of numbers and units, optionally
 * converted with `-> unit`; otherwise shown in the best-fitting unit.
 * Spans in diagnostics are offsets into `text`.
 */
export function calculate(text: string, registry: UnitRegistry = UnitRegistry.create()): Result<CalcResult> {
  try {
    const { expr, rest } = parseFormula(text, { allowArrow: true });
    const arrow = rest[0]!;
    if (arrow.kind !== '->') {
      const checked = checkFormula(expr, { registry });
      // One unit written (3 GiB * 2, 1 Gbit): answer in it, re-prefixed in its family on display.
      const written = singleUnit(expr, registry);
      if (written && written.dim.equals(checked.dim)) return ok({ value: checked.constant! / written.factor, unit: written.text });
      return ok(bestUnit(checked.constant!, checked.dim));
    }
    const targetText = text.slice(arrow.span.end);
    if (targetText.trim() === '') return fail({ code: 'syntax', message: 'give a unit after `->`', span: arrow.span });
    let target;
    try {
      target = parseUnit(targetText, registry);
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      return fail(...e.diagnostics.map((d) => shift(d, arrow.span.end)));
    }
    // ceil, floor and round round in the unit asked for, as in a figure with `unit:`.
    const checked = checkFormula(expr, { registry, roundIn: target });
    const value = checked.constant!;
    if (!target.dim.equals(checked.dim)) {
      return fail({ code: 'unit-mismatch', message: `cannot convert ${checked.dim} to ${target.dim}`, span: { start: arrow.span.end, end: text.length },
        hint: `the expression is in ${checked.dim}; ask for a unit of that dimension` });
    }
    return ok({ value: value / target.factor, unit: target.text });
  } catch (e) {
    if (e instanceof DiagnosticError) return fail(...e.diagnostics);
    throw e;
  }
}

/** The one unit an expression is written in (`GiB` in `3 GiB * 2`), if it is written in exactly one. */
function singleUnit(expr: Expr, registry: UnitRegistry): WrittenUnit | undefined {
  try {
    const written = writtenUnit(expr, registry);
    return /^[A-Za-z$%µμ]+$/.test(written.text) ? written : undefined;
  } catch (e) {
    if (e instanceof DiagnosticError) return undefined; // not a product of units (2^32, 1 GB + 1 MB)
    throw e;
  }
}

function shift(d: Diagnostic, by: number): Diagnostic {
  return d.span ? { ...d, span: { start: d.span.start + by, end: d.span.end + by } } : d;
}
