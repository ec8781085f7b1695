import { describe, expect, it } from 'vitest';
import { DiagnosticError, type Diagnostic } from '../../src/core/diagnostic.js';
import { nameNodes, toSexp } from '../../src/core/expr/ast.js';
import { checkFormula } from '../../src/core/expr/check.js';
import { MAX_DEPTH, MAX_OPERATIONS, parseFormula } from '../../src/core/expr/parser.js';
import { UnitRegistry } from '../../src/core/units/registry.js';

function diagnosticOf(f: () => unknown): Diagnostic {
  try {
    f();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics[0]!;
    throw e;
  }
  throw new Error('expected a DiagnosticError');
}

const sexp = (text: string) => toSexp(parseFormula(text).expr);

describe('parseFormula: trees', () => {
  it.each<[string, string]>([
    ['1', '1'],
    ['dau * tweets_per_user', '(* dau tweets_per_user)'],
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['8 / 4 / 2', '(/ (/ 8 4) 2)'],
    // Juxtaposition binds tighter than * and /.
    ['1/2 day', '(/ 1 (* 2 day))'],
    ['2 tweet/user/day', '(/ (/ (* 2 tweet) user) day)'],
    ['300 million user', '(* (* 300 million) user)'],
    ['x / (86400 s/day)', '(/ x (/ (* 86400 s) day))'],
    ['2 * 3 day', '(* 2 (* 3 day))'],
    ['2 (3)', '(* 2 3)'],
    ['(2)(3)', '(* 2 3)'],
    // Unary minus applies to the whole power.
    ['-2^2', '(- (^ 2 2))'],
    ['2^-1', '(^ 2 (- 1))'],
    ['+5', '5'],
    // Right-associative powers: 2^3^2 = 2^9.
    ['2^3^2', '(^ 2 (^ 3 2))'],
    ['a b^2', '(* a (^ b 2))'],
    // An exponent takes no juxtaposition: `2^41 ms` is (2^41) ms.
    ['2^41 ms', '(* (^ 2 41) ms)'],
    ['2^-2^2', '(^ 2 (- (^ 2 2)))'],
    ['GB^2', '(^ GB 2)'],
    ['50%', '(* 50 %)'],
    ['50%%', '(* (* 50 %) %)'],
    ['-x%', '(- (* x %))'],
    ['$0.02/GB', '(/ (* 0.02 USD) GB)'],
    ['$5 per', '(* (* 5 USD) per)'],
    ['1,500 user', '(* 1500 user)'],
    ['100GB', '(* 100 GB)'],
    ['2bn', '2000000000'],
    ['max(a, b, 3)', '(max a b 3)'],
    ['ceil(x / 2)', '(ceil (/ x 2))'],
    ['log(8, 2)', '(log 8 2)'],
    ['3 × 4 ÷ 2', '(/ (* 3 4) 2)'],
  ])('%s', (text, expected) => {
    expect(sexp(text)).toBe(expected);
  });

  it('marks juxtaposition as implicit and * as explicit', () => {
    const implicit = parseFormula('2 day').expr;
    const explicit = parseFormula('2 * day').expr;
    expect(implicit.kind === 'bin' && implicit.implicit).toBe(true);
    expect(explicit.kind === 'bin' && explicit.implicit).toBe(false);
  });

  it.each<[string, string]>([
    ['dau * tweets_per_user', 'dau * tweets_per_user'],
    ['  (a + b)  ', '(a + b)'],
    ['ceil(x)', 'ceil(x)'],
    ['$0.02/GB', '$0.02/GB'],
    ['$5', '$5'],
    ['x + $5', 'x + $5'],
  ])('the root span of %j covers %j', (text, covered) => {
    const { span } = parseFormula(text).expr;
    expect(text.slice(span.start, span.end)).toBe(covered);
  });

  it('stops before `->` only when allowed', () => {
    const { expr, rest } = parseFormula('1 GB -> MB', { allowArrow: true });
    expect(toSexp(expr)).toBe('(* 1 GB)');
    expect(rest.map((t) => t.kind)).toEqual(['->', 'name', 'eof']);
    const d = diagnosticOf(() => parseFormula('1 GB -> MB'));
    expect(d.code).toBe('syntax');
    expect(d.span).toEqual({ start: 5, end: 7 });
  });
});

describe('parseFormula: unit position, hyphens and `$` alone', () => {
  const registry = UnitRegistry.create({ nouns: ['vCPU'] });
  const figures = new Set(['servers', 'total', 'used', 'days', 'hours', 'x', 'dau']);
  const words = { isUnit: (w: string) => registry.lookup(w) !== undefined, isFigure: (w: string) => figures.has(w) };

  /** The names in unit position, in order. */
  function unitWords(text: string): string[] {
    return nameNodes(parseFormula(text, words).expr)
      .filter((n) => n.unitPosition)
      .map((n) => n.name);
  }

  it.each<[string, string[]]>([
    // After a number, after a unit word, and after a `/` without spaces that follows one.
    ['10 year', ['year']],
    ['300 million user', ['million', 'user']],
    ['5000 req/s/server', ['req', 's', 'server']],
    ['2 tweet/user/day', ['tweet', 'user', 'day']],
    ['1/s', ['s']],
    ['$0.02/GB', ['USD', 'GB']],
    ['50%', ['%']],
    ['3x', ['x']],
    ['2^41 ms', ['ms']],
    // With spaces a `/` divides by whatever follows; a bare name is a figure first.
    ['x / servers', []],
    ['peak / 5000 req/s/server', ['req', 's', 'server']],
    ['dau * days', []],
    ['(a + b) day', []],
    ['x/servers', []],
  ])('%s', (text, expected) => {
    expect(unitWords(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    // A hyphen without spaces between unit words is their product, at the precedence of juxtaposition.
    ['$0.023/GB-month', '(/ (* 0.023 USD) (* GB month))'],
    ['0.10 USD/vCPU-hour', '(/ (* 0.1 USD) (* vCPU hour))'],
    ['10 GB-month', '(* (* 10 GB) month)'],
    ['USD/GB-month', '(/ USD (* GB month))'],
    // Two figures, spaces, or a figure on the left: a minus.
    ['total-used', '(- total used)'],
    ['1 GB - month', '(- (* 1 GB) month)'],
    ['days-hours', '(- days hours)'],
    ['total-day', '(- total day)'],
  ])('%s', (text, expected) => {
    expect(toSexp(parseFormula(text, words).expr)).toBe(expected);
  });

  it('a hyphen joins nothing without a registry to ask', () => {
    expect(sexp('$0.023/GB-month')).toBe('(- (/ (* 0.023 USD) GB) month)');
  });

  it('marks a hyphenated product as such, for display', () => {
    const e = parseFormula('GB-month', words).expr;
    expect(e.kind === 'bin' && e.hyphen).toBe(true);
  });

  it.each<[string, string]>([
    ['$/month', '(/ USD month)'],
    ['$', 'USD'],
    ['x * $', '(* x USD)'],
    ['$5/month', '(/ (* 5 USD) month)'],
  ])('`$` with no amount is the unit: %s', (text, expected) => {
    expect(sexp(text)).toBe(expected);
  });
});

describe('parseFormula: errors', () => {
  it.each<[string, string, string, RegExp]>([
    // [formula, code, text under the span, message]
    ['foo(1)', 'unknown-function', 'foo', /not a function/],
    ['2 sin(x)', 'unknown-function', 'sin', /not a function/],
    ['2 ** 3', 'syntax', '**', /`\*\*`/],
    ['1 +', 'syntax', '', /ends too early/],
    ['(1 + 2', 'syntax', '', /missing `\)`/],
    ['1 + 2)', 'syntax', ')', /unmatched/],
    ['max(1, 2', 'syntax', '', /missing `\)` after the arguments of max/],
    ['max(1 2)', 'syntax', '2', /expected an operator before 2/],
    ['2 3', 'syntax', '3', /expected an operator before 3/],
    ['10 min (1 + 1)', 'syntax', 'min', /could be the unit min or the function min/],
    ['a, b', 'syntax', ',', /separates the arguments/],
    ['*2', 'syntax', '*', /unexpected `\*`/],
    ['a = 1', 'syntax', '=', /assignment/],
    ['a.b', 'syntax', '.', /property access/],
    ['"x"', 'syntax', '"', /strings/],
    ['x[1]', 'syntax', '[', /not allowed/],
    ['a; b', 'syntax', ';', /one formula per figure/],
  ])('%s', (text, code, under, message) => {
    const d = diagnosticOf(() => parseFormula(text));
    expect(d.code).toBe(code);
    expect(d.message).toMatch(message);
    expect(text.slice(d.span!.start, d.span!.end)).toBe(under);
  });

  it.each(['', '   '])('the empty formula %j', (text) => {
    const d = diagnosticOf(() => parseFormula(text));
    expect(d.code).toBe('syntax');
    expect(d.message).toMatch(/empty/);
  });

  it('the unknown-function hint lists the functions', () => {
    const d = diagnosticOf(() => parseFormula('foo(1)'));
    expect(d.hint).toMatch(/ceil/);
    expect(d.hint).toMatch(/foo \* \(/);
  });
});

describe('parseFormula: depth limit', () => {
  const nest = (n: number) => `${'('.repeat(n)}1${')'.repeat(n)}`;

  it(`${MAX_DEPTH} nested parentheses parse`, () => {
    expect(MAX_DEPTH).toBe(64);
    expect(sexp(nest(64))).toBe('1');
  });

  it.each<[string, string]>([
    ['65 nested parentheses', nest(65)],
    ['65 unary minuses', `${'-'.repeat(65)}1`],
    ['65 unary pluses', `${'+'.repeat(65)}1`],
    ['65 nested calls', `${'abs('.repeat(65)}1${')'.repeat(65)}`],
    ['65 chained powers', `${'2^'.repeat(65)}2`],
    ['65 dollars', `${'$'.repeat(65)}1`],
    ['100,000 open parentheses', '('.repeat(100_000)],
  ])('%s', (_name, text) => {
    const d = diagnosticOf(() => parseFormula(text));
    expect(d.code).toBe('syntax');
    expect(d.message).toMatch(/nests deeper than 64/);
  });

  // A long flat chain builds a tree as deep as the chain is long; the later
  // passes (checkFormula, toSexp) walk it recursively, so the parser must
  // refuse it with a diagnostic instead of letting them exhaust the stack.
  it.each<[string, string]>([
    ['20,000 additions', Array(20_001).fill('1').join('+')],
    ['30,000 juxtaposed names', Array(30_000).fill('s').join(' ')],
    ['30,000 percent signs', `1${'%'.repeat(30_000)}`],
    ['20,000 divisions', Array(20_001).fill('2').join('/')],
  ])('%s: a diagnostic, never a stack overflow', (_name, text) => {
    const registry = UnitRegistry.create();
    let outcome: unknown;
    try {
      const { expr } = parseFormula(text);
      toSexp(expr);
      outcome = checkFormula(expr, { registry }).dim;
    } catch (e) {
      outcome = e;
    }
    expect(outcome).toBeInstanceOf(DiagnosticError);
    expect((outcome as DiagnosticError).diagnostics[0]!.code).toBe('syntax');
  });

  it(`a chain of ${MAX_OPERATIONS} additions is fine and sums to ${MAX_OPERATIONS + 1}`, () => {
    expect(MAX_OPERATIONS).toBe(1000);
    const { expr } = parseFormula(Array(1001).fill('1').join(' + '));
    expect(checkFormula(expr, { registry: UnitRegistry.create() }).constant).toBe(1001);
  });

  it('one operation more is refused at its operator', () => {
    const text = Array(1002).fill('1').join('+');
    const d = diagnosticOf(() => parseFormula(text));
    expect(d.code).toBe('syntax');
    expect(d.message).toMatch(/more than 1000 operations/);
    // The 1001st `+` sits after 1001 digits and 1000 `+` signs.
    expect(d.span).toEqual({ start: 2001, end: 2002 });
  });
});
