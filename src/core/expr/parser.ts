/**
 * The formula grammar. Nothing outside it can be written: no strings, no
 * property access, no assignment, no calls but the whitelisted functions.
 *
 *   formula    = sum EOF
 *   sum        = product { ("+" | "-") product }
 *   product    = unary { ("*" | "/") unary }            × · count as *, ÷ as /
 *   unary      = "-" unary | "+" unary | juxtaposed
 *   juxtaposed = power { power }                        next power starts with a name or "("
 *   power      = postfix [ "^" exponent ]               right-associative: 2^3^2 = 2^9
 *   exponent   = ("-" | "+") exponent | power           2^-1; `2^41 ms` is (2^41) ms
 *   postfix    = primary { "%" }
 *   primary    = NUMBER | NAME | FUNCTION "(" sum { "," sum } ")" | "(" sum ")" | "$" postfix
 *
 * Juxtaposition (implicit multiplication) binds tighter than * and /, as in
 * GNU units: `2 tweet/user/day` is (2 tweet)/user/day, `300 million user` is
 * 300 × million × user, and `1/2 day` is 1/(2 day). Write `x / (86400 s/day)`
 * with its parentheses.
 *
 * Unit position (docs/units.md, "Names"): a name right after a number or a
 * unit word (`10 year`), or after a `/` written without spaces that follows
 * one (`5000 req/s/server`), is marked as written where a unit goes. A hyphen
 * without spaces between two unit words is their product, at the precedence
 * of juxtaposition: `$0.023/GB-month` is 0.023 USD/(GB·month). `$` with no
 * amount after it is the unit USD (`$/month`).
 */
import { DiagnosticError, type Span } from '../diagnostic.js';
import type { Expr } from './ast.js';
import { isFunctionName } from './calls.js';
import { FUNCTIONS } from './functions.js';
import { syntax, tokenize, type Token } from './tokenizer.js';

/** Deeper nesting than this is refused, so hostile input cannot exhaust the stack. */
export const MAX_DEPTH = 64;
/**
 * More operations than this are refused too: a flat chain (`1+1+...`, `s s s`)
 * nests no parentheses, yet makes a tree as deep as it is long, and the
 * checker and renderers walk trees recursively.
 */
export const MAX_OPERATIONS = 1000;

export interface ParseOptions {
  /** Stop before `->` (calc's target unit) instead of rejecting it. */
  allowArrow?: boolean;
  /** Words the unit registry knows. Without it, no hyphen joins units: `a-b` subtracts. */
  isUnit?: (word: string) => boolean;
  /** The scenario's figure names: a bare one is the figure, and `total-used` subtracts. */
  isFigure?: (word: string) => boolean;
}

export interface Parsed {
  expr: Expr;
  /** Tokens after the expression: only `->` and a unit, when allowed. */
  rest: Token[];
}

export function parseFormula(text: string, options: ParseOptions = {}): Parsed {
  // Checked first: the parser would call an empty formula one that "ends too early".
  if (text.trim() === '') throw syntax('the formula is empty', { start: 0, end: 0 });
  const p = new Parser(tokenize(text), options);
  const expr = p.sum();
  const rest = p.remaining();
  const next = rest[0]!;
  if (next.kind !== 'eof' && !(options.allowArrow && next.kind === '->')) {
    throw p.unexpected(next);
  }
  return { expr, rest };
}

class Parser {
  private pos = 0;
  private depth = 0;
  private operations = 0;
  /** Indices of the name tokens written in unit position. */
  private readonly unitTokens = new Set<number>();

  constructor(
    private readonly tokens: Token[],
    private readonly words: ParseOptions = {},
  ) {}

  remaining(): Token[] {
    return this.tokens.slice(this.pos);
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  /** An operator token, `a` or `b` (fixed arguments: asked at every operand, so no array is made). */
  private isOp(t: Token, a: string, b: string = a): boolean {
    return t.kind === 'op' && (t.text === a || t.text === b);
  }

  sum(): Expr {
    let left = this.product();
    while (this.isOp(this.peek(), '+', '-')) {
      const op = this.next();
      const right = this.product();
      left = this.bin(op.text as '+' | '-', left, right, op.span, false);
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isOp(this.peek(), '*', '/')) {
      // `req/s/server`: a `/` without spaces after a number or unit word goes on with units.
      if (
        this.peek().text === '/' &&
        this.tight(this.pos - 1) &&
        this.tight(this.pos) &&
        this.endsQuantity(this.pos - 1)
      ) {
        this.markUnit(this.pos + 1);
      }
      const op = this.next();
      const right = this.unary();
      left = this.bin(op.text as '*' | '/', left, right, op.span, false);
    }
    return left;
  }

  private unary(): Expr {
    return this.signed(() => this.juxtaposed());
  }

  /** Leading signs, then `operand`: `-x`, `+x`, `--x`. */
  private signed(operand: () => Expr): Expr {
    const t = this.peek();
    if (this.isOp(t, '-', '+')) {
      this.next();
      const arg = this.nested(() => this.signed(operand));
      return t.text === '-' ? { kind: 'neg', arg, span: { start: t.span.start, end: arg.span.end } } : arg;
    }
    return operand();
  }

  private juxtaposed(): Expr {
    let left = this.power();
    for (;;) {
      const t = this.peek();
      if (this.hyphenJoins()) {
        this.next();
        this.markUnit(this.pos);
        const right = this.power();
        left = this.bin('*', left, right, t.span, true, true);
      } else if (t.kind === 'name' || t.kind === '(') {
        // `10 min (1 + 1)`: minutes times two, or the function min? Not guessed.
        if (t.kind === 'name' && t.text === 'min' && this.tokens[this.pos + 1]?.kind === '(') {
          throw syntax(
            '`min (` after a value could be the unit min or the function min',
            t.span,
            'write `10 min * (1 + 1)` for minutes, or `10 * min(a, b)` for the function',
          );
        }
        if (t.kind === 'name' && this.endsQuantity(this.pos - 1)) this.markUnit(this.pos);
        const right = this.power();
        left = this.bin('*', left, right, { start: left.span.end, end: right.span.start }, true);
      } else if (t.kind === 'num') {
        throw syntax(`expected an operator before ${t.text}`, t.span, `write \`* ${t.text}\` to multiply`);
      } else {
        return left;
      }
    }
  }

  /** No space between token i and the next. */
  private tight(i: number): boolean {
    const a = this.tokens[i];
    const b = this.tokens[i + 1];
    return a !== undefined && b !== undefined && a.span.end === b.span.start;
  }

  /** A unit word: in unit position, or a bare word the registry knows that names no figure. */
  private isUnitWord(i: number): boolean {
    const t = this.tokens[i];
    if (t?.kind !== 'name') return false;
    return this.unitTokens.has(i) || (this.words.isUnit?.(t.text) === true && this.words.isFigure?.(t.text) !== true);
  }

  /** Token i ends a number or a unit, so a unit may follow: `2 GB`, `2 GB/day`, `50%`, `$/month`. */
  private endsQuantity(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && (t.kind === 'num' || t.kind === '%' || t.kind === '$' || this.isUnitWord(i));
  }

  private markUnit(i: number): void {
    if (this.tokens[i]?.kind === 'name' && this.tokens[i + 1]?.kind !== '(') this.unitTokens.add(i);
  }

  /**
   * `GB-month`: a `-` with no space on either side, between a unit word and a
   * word the registry knows (not a function call). Two figures (`total-used`)
   * subtract, and so does anything without a registry to ask.
   */
  private hyphenJoins(): boolean {
    const isUnit = this.words.isUnit;
    const minus = this.tokens[this.pos];
    // Most operands are followed by no `-` at all: decided before looking further.
    if (!isUnit || !minus || !this.isOp(minus, '-')) return false;
    const before = this.tokens[this.pos - 1];
    const after = this.tokens[this.pos + 1];
    const call = this.tokens[this.pos + 2];
    if (before?.kind !== 'name' || after?.kind !== 'name' || call?.kind === '(') return false;
    return (
      this.tight(this.pos - 1) &&
      this.tight(this.pos) &&
      isUnit(before.text) &&
      isUnit(after.text) &&
      this.isUnitWord(this.pos - 1)
    );
  }

  private power(): Expr {
    const base = this.postfix();
    if (this.isOp(this.peek(), '^')) {
      const op = this.next();
      const exponent = this.nested(() => this.exponent());
      return this.bin('^', base, exponent, op.span, false);
    }
    return base;
  }

  /** A signed power, without juxtaposition: `2^41 ms` is (2^41) ms, `2^-1` is 0.5. */
  private exponent(): Expr {
    return this.signed(() => this.power());
  }

  private postfix(): Expr {
    let e = this.primary();
    while (this.peek().kind === '%') {
      const t = this.next();
      e = this.bin('*', e, { kind: 'name', name: '%', span: t.span, unitPosition: true }, t.span, true);
    }
    return e;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'num':
        return { kind: 'num', value: t.value!, text: t.text, span: t.span };
      case 'name':
        if (this.peek().kind === '(') return this.call(t);
        return this.unitTokens.has(this.pos - 1)
          ? { kind: 'name', name: t.text, span: t.span, unitPosition: true }
          : { kind: 'name', name: t.text, span: t.span };
      case '(': {
        const inner = this.nested(() => this.sum());
        const close = this.next();
        if (close.kind !== ')')
          throw syntax('missing `)`', close.span, `the \`(\` at column ${t.span.start + 1} is not closed`);
        return { kind: 'paren', inner, span: { start: t.span.start, end: close.span.end } };
      }
      case '$': {
        const usd: Expr = { kind: 'name', name: 'USD', span: t.span, unitPosition: true };
        // `$/month`, `-> $`: no amount follows, so `$` is the unit itself.
        if (!['num', 'name', '(', '$'].includes(this.peek().kind)) return usd;
        const amount = this.nested(() => this.postfix());
        // The `$` comes first: the product spans from it to the amount's end.
        return { ...this.bin('*', amount, usd, t.span, true), span: { start: t.span.start, end: amount.span.end } };
      }
      default:
        throw this.unexpected(t);
    }
  }

  private call(nameToken: Token): Expr {
    const fn = nameToken.text;
    if (!isFunctionName(fn)) {
      throw unknownFunction(nameToken);
    }
    this.next(); // (
    const args: Expr[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        args.push(this.nested(() => this.sum()));
        if (this.peek().kind !== ',') break;
        this.next();
      }
    }
    const close = this.next();
    if (close.kind !== ')') throw syntax(`missing \`)\` after the arguments of ${fn}`, close.span);
    return {
      kind: 'call',
      fn,
      args,
      nameSpan: nameToken.span,
      span: { start: nameToken.span.start, end: close.span.end },
    };
  }

  private bin(
    op: '+' | '-' | '*' | '/' | '^',
    left: Expr,
    right: Expr,
    opSpan: Span,
    implicit: boolean,
    hyphen = false,
  ): Expr {
    if (++this.operations > MAX_OPERATIONS) {
      throw syntax(
        `the formula has more than ${MAX_OPERATIONS} operations`,
        opSpan,
        'split it into several derived figures',
      );
    }
    const span = { start: left.span.start, end: right.span.end };
    // Two literals rather than a spread of the optional key: a spread builds each node on V8's slow path, larger.
    return hyphen
      ? { kind: 'bin', op, left, right, opSpan, implicit, span, hyphen }
      : { kind: 'bin', op, left, right, opSpan, implicit, span };
  }

  private nested<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) {
      throw syntax(`the formula nests deeper than ${MAX_DEPTH} levels`, this.peek().span);
    }
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  unexpected(t: Token): Error {
    if (t.kind === 'eof')
      return syntax('the formula ends too early', t.span, 'complete the expression after the last operator');
    if (t.kind === '->') return syntax('`->` converts a result only in `bote calc`', t.span);
    if (t.kind === ')') return syntax('unmatched `)`', t.span);
    if (t.kind === ',')
      return syntax(
        '`,` separates the arguments of a function only',
        t.span,
        'write numbers without commas, or with exactly three digits after each: 1,500',
      );
    return syntax(`unexpected \`${t.text}\``, t.span);
  }
}

function unknownFunction(t: Token): Error {
  const hint = `the functions are ${FUNCTIONS.map((f) => f.name).join(', ')}; to multiply, write \`${t.text} * (...)\``;
  return new DiagnosticError([
    { code: 'unknown-function', message: `\`${t.text}\` is not a function here`, span: t.span, hint },
  ]);
}
