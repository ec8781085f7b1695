// The parser reads tokens from columns (tokenizer.ts, Scan) that it keeps from
// one formula to the next, and makes a span object only where the tree keeps
// one. What that must not change: a formula parses the same whatever was
// parsed before it or during it (a parse inside an isUnit callback), every
// span in the tree covers the text it was read from, `rest` is the tail of
// tokenize's tokens, and a character no token takes is reported as tokenize
// reports it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { Expr } from '../../src/core/expr/ast.js';
import { type ParseOptions, parseFormula } from '../../src/core/expr/parser.js';
import { emptyScan, scan, tokenAt, tokenize } from '../../src/core/expr/tokenizer.js';
import { UnitRegistry } from '../../src/core/units/registry.js';
import { expr, soup, tightSoup } from './formula-arbitraries.js';

const registry = UnitRegistry.create({ nouns: ['tweet'] });
const figures = new Set(['dau', 'qps', 'GB', 'day']);
const withUnits: ParseOptions = {
  allowArrow: true,
  isUnit: (w) => registry.lookup(w) !== undefined,
  isFigure: (w) => figures.has(w),
};

/** Formula-ish text: well-formed, token soup, or any string. */
const formula = fc.oneof(expr, soup, tightSoup, fc.string({ maxLength: 60 }));

/** The tree and rest, or the diagnostics: what a caller can observe of a parse. */
function outcome(text: string, options?: ParseOptions): unknown {
  try {
    return parseFormula(text, options);
  } catch (e) {
    if (e instanceof DiagnosticError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

/** Each node's span, checked against the text it covers. */
function expectSpansInText(e: Expr, text: string): void {
  const written = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  switch (e.kind) {
    case 'num':
      expect(written(e.span)).toBe(e.text);
      return;
    case 'name':
      expect(written(e.span)).toBe(e.name === 'USD' && written(e.span) === '$' ? '$' : e.name);
      return;
    case 'neg':
      expect(['-', '−']).toContain(written(e.span)[0]);
      expect(e.span.end).toBe(e.arg.span.end);
      expectSpansInText(e.arg, text);
      return;
    case 'paren':
      expect(written(e.span)[0]).toBe('(');
      expect(written(e.span).at(-1)).toBe(')');
      expectSpansInText(e.inner, text);
      return;
    case 'call':
      expect(written(e.nameSpan)).toBe(e.fn);
      expect(e.span.start).toBe(e.nameSpan.start);
      expect(written(e.span).at(-1)).toBe(')');
      for (const a of e.args) expectSpansInText(a, text);
      return;
    case 'bin':
      // `$5` is the product 5 USD written with its unit first.
      expect(e.span.start).toBe(Math.min(e.left.span.start, e.right.span.start));
      expect(e.span.end).toBe(Math.max(e.left.span.end, e.right.span.end));
      // The tokenizer reads a minus sign (−) as `-`, between unit words too: `MiB−GB`.
      if (e.hyphen) expect(['-', '−']).toContain(written(e.opSpan));
      else if (!e.implicit) expect('+-*/^×·÷−').toContain(written(e.opSpan));
      expectSpansInText(e.left, text);
      expectSpansInText(e.right, text);
      return;
    default:
      e satisfies never;
  }
}

describe('parseFormula with reused token columns', () => {
  it('parses a formula the same whatever was parsed before it', () => {
    fc.assert(
      fc.property(formula, formula, (before, text) => {
        outcome(before, withUnits);
        const afterOther = outcome(text, withUnits);
        outcome('1', withUnits);
        expect(outcome(text, withUnits)).toEqual(afterOther);
      }),
      { numRuns: 1000 },
    );
  });

  it('parses a formula the same when an isUnit callback parses another meanwhile', () => {
    fc.assert(
      fc.property(formula, formula, (inner, text) => {
        const isUnit = withUnits.isUnit!;
        const isUnitParsingMeanwhile = (w: string) => {
          outcome(inner, withUnits);
          return isUnit(w);
        };
        const reentrant = { ...withUnits, isUnit: isUnitParsingMeanwhile };
        expect(outcome(text, reentrant)).toEqual(outcome(text, withUnits));
      }),
      { numRuns: 1000 },
    );
  });

  it('scans into used columns as into new ones', () => {
    fc.assert(
      fc.property(formula, formula, (before, text) => {
        let columns = emptyScan();
        try {
          columns = scan(before, columns);
        } catch {
          // a refused formula may leave its columns half written: the next scan writes over them
        }
        let tokens: unknown;
        try {
          const scanned = scan(text, columns);
          tokens = Array.from({ length: scanned.count }, (_, i) => tokenAt(scanned, i));
        } catch (e) {
          tokens = e;
        }
        let expected: unknown;
        try {
          expected = tokenize(text);
        } catch (e) {
          expected = e;
        }
        expect(tokens).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseFormula: spans, rest and errors agree with the text and with tokenize', () => {
  it('gives every node a span that covers what it was read from', () => {
    fc.assert(
      fc.property(formula, (text) => {
        const parsed = outcome(text, withUnits);
        if (parsed && typeof parsed === 'object' && 'expr' in parsed) expectSpansInText(parsed.expr as Expr, text);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves as `rest` the last tokens tokenize gives', () => {
    fc.assert(
      fc.property(formula, (text) => {
        const parsed = outcome(text, withUnits);
        if (!(parsed && typeof parsed === 'object' && 'rest' in parsed)) return;
        const tokens = tokenize(text);
        expect(parsed.rest).toEqual(tokens.slice(tokens.length - (parsed.rest as unknown[]).length));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a formula tokenize refuses, with the same diagnostics', () => {
    fc.assert(
      fc.property(formula, (text) => {
        fc.pre(text.trim() !== '');
        let refused: DiagnosticError | undefined;
        try {
          tokenize(text);
        } catch (e) {
          if (!(e instanceof DiagnosticError)) throw e;
          refused = e;
        }
        fc.pre(refused !== undefined);
        expect(outcome(text, withUnits)).toEqual({ diagnostics: refused!.diagnostics });
      }),
      { numRuns: 1000 },
    );
  });
});
