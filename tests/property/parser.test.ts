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

const TOKENS = [
  '1',
  '2.5',
  '1,500',
  '300M',
  '2bn',
  '1e3',
  '.5',
  '0',
  'dau',
  'GB',
  'MiB',
  'tweet',
  'user',
  'day',
  's',
  'qps',
  '%',
  '$',
  'to',
  '+',
  '-',
  '*',
  '/',
  '^',
  '×',
  '÷',
  '−',
  '(',
  ')',
  ',',
  '->',
  '~',
  'ceil(',
  'max(',
  'log(',
  'sqrt(',
  'foo(',
  '**',
  '.',
  '=',
  '[',
  ';',
  '"',
  ' ',
];

/** Token soup: any order of formula-ish pieces. */
const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((ts) => ts.join(' '));
const tightSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((ts) => ts.join(''));

/** Well-formed-ish expressions, nested at random. */
const { expr } = fc.letrec<{ expr: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    fc.constantFrom(
      '1',
      '2',
      '0',
      '1.5',
      '300M',
      '1,500',
      '1e3',
      '50%',
      '$3',
      'dau',
      '2 GB',
      '1 day',
      '3 tweet/user/day',
      'qps',
      'MBB',
    ),
    fc.double({ noNaN: true }).map(String),
  ),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    fc
      .tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', ' '), tie('expr'))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('expr').map((e) => `(${e})`),
    tie('expr').map((e) => `-${e}`),
    fc
      .tuple(
        fc.constantFrom(
          'ceil',
          'floor',
          'round',
          'min',
          'max',
          'abs',
          'sqrt',
          'log',
          'log2',
          'log10',
          'servers',
          'shards',
          'cache_80_20',
          'nope',
        ),
        fc.array(tie('expr'), { maxLength: 4 }),
      )
      .map(([f, args]) => `${f}(${args.join(', ')})`),
  ),
}));

/** Long flat chains and deep nestings, where recursion would give out. */
const extreme = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('+', '*', '/', '-', '^')).map(([n, op]) =>
    Array(n + 1)
      .fill('2')
      .join(op),
  ),
  fc.integer({ min: 1, max: 30_000 }).map((n) => `2${' s'.repeat(n)}`),
  fc
    .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('(', '-', '+', '$', 'abs(', '2^'))
    .map(([n, open]) => `${open.repeat(n)}1`),
  fc.integer({ min: 1, max: 30_000 }).map((n) => `1${'%'.repeat(n)}`),
  fc.integer({ min: 1, max: 10_000 }).map((n) => `${'('.repeat(n)}1${')'.repeat(n)}`),
);

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
