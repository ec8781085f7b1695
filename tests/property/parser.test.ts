// The tokenizer and parser refuse bad input only with DiagnosticError, never
// with another exception and never by exhausting the stack; so do the passes
// after them (checkFormula, toSexp), which walk the tree recursively.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { toSexp } from '../../src/core/expr/ast.js';
import { checkFormula } from '../../src/core/expr/check.js';
import { parseFormula } from '../../src/core/expr/parser.js';
import { tokenize } from '../../src/core/expr/tokenizer.js';
import { parseQuantity } from '../../src/core/expr/quantity.js';
import { UnitRegistry } from '../../src/core/units/registry.js';
import { expr, extreme, soup, tightSoup } from './formula-arbitraries.js';

const registry = UnitRegistry.create({ nouns: ['tweet'] });

/** Runs every pass on `text`; returns what was thrown, if anything. */
function attempt(text: string): unknown {
  try {
    tokenize(text);
    const { expr } = parseFormula(text);
    expect(toSexp(expr)).toBeTypeOf('string');
    checkFormula(expr, {
      registry,
      lookup: (n) => (n === 'dau' ? { index: 0, dim: registry.lookup('user')!.dim } : undefined),
    });
    parseQuantity(text, registry);
    return undefined;
  } catch (e) {
    return e;
  }
}

function onlyDiagnostics(text: string) {
  const thrown = attempt(text);
  if (thrown !== undefined && !(thrown instanceof DiagnosticError)) {
    throw new Error(
      `${JSON.stringify(text.slice(0, 80))} threw ${(thrown as Error).name}: ${(thrown as Error).message}`,
    );
  }
  if (thrown instanceof DiagnosticError) {
    for (const d of thrown.diagnostics) {
      expect(d.span!.start).toBeGreaterThanOrEqual(0);
      expect(d.span!.end).toBeLessThanOrEqual(text.length);
      expect(d.span!.start).toBeLessThanOrEqual(d.span!.end);
    }
  }
}

describe('tokenize + parseFormula never throw anything but DiagnosticError', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), onlyDiagnostics), { numRuns: 2000 });
  });

  it('on arbitrary binary strings (any UTF-16 code units)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), onlyDiagnostics), { numRuns: 1000 });
  });

  it('on token soup', () => {
    fc.assert(fc.property(fc.oneof(soup, tightSoup), onlyDiagnostics), { numRuns: 2000 });
  });

  it('on generated expressions', () => {
    fc.assert(fc.property(expr, onlyDiagnostics), { numRuns: 2000 });
  });

  it('on long chains and deep nesting, without exhausting the stack', () => {
    fc.assert(fc.property(extreme, onlyDiagnostics), { numRuns: 100 });
  });
});
