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
 */
import { DiagnosticError, type Span } from '../diagnostic.js';
import { isFunctionName, FUNCTIONS, type Expr } from './ast.js';
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
}

export interface Parsed {
  expr: Expr;
  /** Tokens after the expression: only `->` and a unit, when allowed. */
  rest: Token[];
}

export function parseFormula(text: string, options: ParseOptions = {}): Parsed {
  // Checked first: the parser would call an empty formula one that "ends too early".
  if (text.trim() === '') throw syntax('the formula is empty', { start: 0, end: 0 });
  const p = new Parser(tokenize(text));
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

  constructor(private readonly tokens: Token[]) {}

  remaining(): Token[] {
    return this.tokens.slice(this.pos);
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  private isOp(t: Token, ...ops: string[]): boolean {
    return t.kind === 'op' && ops.includes(t.text);
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
      if (t.kind === 'name' || t.kind === '(') {
        // `10 min (1 + 1)`: minutes times two, or the function min? Not guessed.
        if (t.kind === 'name' && t.text === 'min' && this.tokens[this.pos + 1]?.kind === '(') {
          throw syntax('`min (` after a value could be the unit min or the function min', t.span, 'write `10 min * (1 + 1)` for minutes, or `10 * min(a, b)` for the function');
        }
        const right = this.power();
        left = this.bin('*', left, right, { start: left.span.end, end: right.span.start }, true);
      } else if (t.kind === 'num') {
        throw syntax(`expected an operator before ${t.text}`, t.span, `write \`* ${t.text}\` to multiply`);
      } else {
        return left;
      }
    }
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
      e = this.bin('*', e, { kind: 'name', name: '%', span: t.span }, t.span, true);
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
        return { kind: 'name', name: t.text, span: t.span };
      case '(': {
        const inner = this.nested(() => this.sum());
        const close = this.next();
        if (close.kind !== ')') throw syntax('missing `)`', close.span, `the \`(\` at column ${t.span.start + 1} is not closed`);
        return { kind: 'paren', inner, span: { start: t.span.start, end: close.span.end } };
      }
      case '$': {
        const amount = this.nested(() => this.postfix());
        const usd: Expr = { kind: 'name', name: 'USD', span: t.span };
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
    return { kind: 'call', fn, args, nameSpan: nameToken.span, span: { start: nameToken.span.start, end: close.span.end } };
  }

  private bin(op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr, opSpan: Span, implicit: boolean): Expr {
    if (++this.operations > MAX_OPERATIONS) {
      throw syntax(`the formula has more than ${MAX_OPERATIONS} operations`, opSpan, 'split it into several derived figures');
    }
    return bin(op, left, right, opSpan, implicit);
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
    if (t.kind === 'eof') return syntax('the formula ends too early', t.span, 'complete the expression after the last operator');
    if (t.kind === '->') return syntax('`->` converts a result only in `bote calc`', t.span);
    if (t.kind === ')') return syntax('unmatched `)`', t.span);
    if (t.kind === ',') return syntax('`,` separates the arguments of a function only', t.span, 'write numbers without commas, or with exactly three digits after each: 1,500');
    return syntax(`unexpected \`${t.text}\``, t.span);
  }
}

function unknownFunction(t: Token): Error {
  const hint = `the functions are ${FUNCTIONS.join(', ')}; to multiply, write \`${t.text} * (...)\``;
  return new DiagnosticError([{ code: 'unknown-function', message: `\`${t.text}\` is not a function here`, span: t.span, hint }]);
}

function bin(op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr, opSpan: Span, implicit: boolean): Expr {
  return { kind: 'bin', op, left, right, opSpan, implicit, span: { start: left.span.start, end: right.span.end } };
}
