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
import type { BinaryOp, Expr } from './ast.js';
import { isFunctionName } from './calls.js';
import { FUNCTIONS } from './functions.js';
import { emptyScan, type Scan, scan, syntax, type Token, tokenAt } from './tokenizer.js';

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

/**
 * The columns one parse scans into, kept for the next: a scenario parses
 * thousands of formulas, and columns made anew for each were most of the
 * garbage a formula left. A parse begun inside another (from an `isUnit`
 * callback) finds none spare and makes its own.
 */
let spare: Scan | undefined = emptyScan();
/** Columns longer than this are not kept: one huge formula should not hold its memory for good. */
const SPARE_TOKENS = 4096;

export function parseFormula(text: string, options: ParseOptions = {}): Parsed {
  // Checked first: the parser would call an empty formula one that "ends too early".
  if (text.trim() === '') throw syntax('the formula is empty', { start: 0, end: 0 });
  const columns = spare ?? emptyScan();
  spare = undefined;
  try {
    const p = new Parser(scan(text, columns), options);
    const expr = p.sum();
    const rest = p.remaining();
    const next = rest[0]!;
    if (next.kind !== 'eof' && !(options.allowArrow && next.kind === '->')) {
      throw p.unexpected(next);
    }
    return { expr, rest };
  } finally {
    columns.text = '';
    if (columns.kinds.length <= SPARE_TOKENS) spare = columns;
  }
}

/**
 * Recursive descent over the scan's columns: token i is `kinds[i]`, and a span
 * object is made only where the tree or an error keeps one. Each rule that nests
 * raises `depth` on entry and lowers it on return (a throw ends the whole parse).
 */
class Parser {
  private pos = 0;
  private depth = 0;
  private operations = 0;
  /** Indices of the name tokens written in unit position: made at the first (most formulas have none). */
  private unitTokens: Set<number> | undefined;
  private readonly kinds: Scan['kinds'];

  constructor(
    private readonly scanned: Scan,
    private readonly words: ParseOptions = {},
  ) {
    this.kinds = scanned.kinds;
  }

  remaining(): Token[] {
    // Sized at once: a pushed array keeps room for 17, and the caller may keep it with the tree.
    const rest = new Array<Token>(this.scanned.count - this.pos);
    for (let i = 0; i < rest.length; i++) rest[i] = tokenAt(this.scanned, this.pos + i);
    return rest;
  }

  private spanOf(i: number): Span {
    return { start: this.scanned.starts[i]!, end: this.scanned.ends[i]! };
  }

  private textOf(i: number): string {
    return this.scanned.text.slice(this.scanned.starts[i], this.scanned.ends[i]);
  }

  sum(): Expr {
    let left = this.product();
    for (let op = this.kinds[this.pos]; op === '+' || op === '-'; op = this.kinds[this.pos]) {
      const at = this.pos++;
      const right = this.product();
      left = this.bin(op, left, right, this.spanOf(at), false);
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    for (let op = this.kinds[this.pos]; op === '*' || op === '/'; op = this.kinds[this.pos]) {
      const at = this.pos;
      // `req/s/server`: a `/` without spaces after a number or unit word goes on with units.
      if (op === '/' && this.tight(at - 1) && this.tight(at) && this.endsQuantity(at - 1)) {
        this.markUnit(at + 1);
      }
      this.pos++;
      const right = this.unary();
      left = this.bin(op, left, right, this.spanOf(at), false);
    }
    return left;
  }

  private unary(): Expr {
    return this.signed(false);
  }

  /** Leading signs, then the operand: a power in an exponent, else a juxtaposition. `-x`, `+x`, `--x`. */
  private signed(inExponent: boolean): Expr {
    const sign = this.kinds[this.pos];
    if (sign === '-' || sign === '+') {
      const at = this.pos++;
      this.enter();
      const arg = this.signed(inExponent);
      this.depth--;
      return sign === '-' ? { kind: 'neg', arg, span: { start: this.scanned.starts[at]!, end: arg.span.end } } : arg;
    }
    return inExponent ? this.power() : this.juxtaposed();
  }

  private juxtaposed(): Expr {
    let left = this.power();
    for (;;) {
      const at = this.pos;
      const kind = this.kinds[at];
      if (this.hyphenJoins()) {
        this.pos++;
        this.markUnit(this.pos);
        const right = this.power();
        left = this.bin('*', left, right, this.spanOf(at), true, true);
      } else if (kind === 'name' || kind === '(') {
        // `10 min (1 + 1)`: minutes times two, or the function min? Not guessed.
        if (kind === 'name' && this.kinds[at + 1] === '(' && this.textOf(at) === 'min') {
          throw syntax(
            '`min (` after a value could be the unit min or the function min',
            this.spanOf(at),
            'write `10 min * (1 + 1)` for minutes, or `10 * min(a, b)` for the function',
          );
        }
        if (kind === 'name' && this.endsQuantity(at - 1)) this.markUnit(at);
        const right = this.power();
        left = this.bin('*', left, right, { start: left.span.end, end: right.span.start }, true);
      } else if (kind === 'num') {
        const text = this.textOf(at);
        throw syntax(`expected an operator before ${text}`, this.spanOf(at), `write \`* ${text}\` to multiply`);
      } else {
        return left;
      }
    }
  }

  /** No space between token i and the next. */
  private tight(i: number): boolean {
    return i >= 0 && i + 1 < this.scanned.count && this.scanned.ends[i] === this.scanned.starts[i + 1];
  }

  /** A unit word: in unit position, or a bare word the registry knows that names no figure. */
  private isUnitWord(i: number): boolean {
    if (this.kinds[i] !== 'name') return false;
    if (this.unitTokens?.has(i)) return true;
    const word = this.textOf(i);
    return this.words.isUnit?.(word) === true && this.words.isFigure?.(word) !== true;
  }

  /** Token i ends a number or a unit, so a unit may follow: `2 GB`, `2 GB/day`, `50%`, `$/month`. */
  private endsQuantity(i: number): boolean {
    const kind = this.kinds[i];
    return kind === 'num' || kind === '%' || kind === '$' || this.isUnitWord(i);
  }

  private markUnit(i: number): void {
    if (this.kinds[i] !== 'name' || this.kinds[i + 1] === '(') return;
    this.unitTokens ??= new Set();
    this.unitTokens.add(i);
  }

  /**
   * `GB-month`: a `-` with no space on either side, between a unit word and a
   * word the registry knows (not a function call). Two figures (`total-used`)
   * subtract, and so does anything without a registry to ask.
   */
  private hyphenJoins(): boolean {
    const isUnit = this.words.isUnit;
    const at = this.pos;
    // Most operands are followed by no `-` at all: decided before looking further.
    if (!isUnit || this.kinds[at] !== '-') return false;
    if (this.kinds[at - 1] !== 'name' || this.kinds[at + 1] !== 'name' || this.kinds[at + 2] === '(') return false;
    return (
      this.tight(at - 1) &&
      this.tight(at) &&
      isUnit(this.textOf(at - 1)) &&
      isUnit(this.textOf(at + 1)) &&
      this.isUnitWord(at - 1)
    );
  }

  private power(): Expr {
    const base = this.postfix();
    if (this.kinds[this.pos] === '^') {
      const at = this.pos++;
      this.enter();
      const exponent = this.exponent();
      this.depth--;
      return this.bin('^', base, exponent, this.spanOf(at), false);
    }
    return base;
  }

  /** A signed power, without juxtaposition: `2^41 ms` is (2^41) ms, `2^-1` is 0.5. */
  private exponent(): Expr {
    return this.signed(true);
  }

  private postfix(): Expr {
    let e = this.primary();
    while (this.kinds[this.pos] === '%') {
      const span = this.spanOf(this.pos++);
      e = this.bin('*', e, { kind: 'name', name: '%', span, unitPosition: true }, span, true);
    }
    return e;
  }

  private primary(): Expr {
    const at = this.pos++;
    switch (this.kinds[at]) {
      case 'num':
        return { kind: 'num', value: this.scanned.values[at]!, text: this.textOf(at), span: this.spanOf(at) };
      case 'name':
        if (this.kinds[this.pos] === '(') return this.call(at);
        return this.unitTokens?.has(at)
          ? { kind: 'name', name: this.textOf(at), span: this.spanOf(at), unitPosition: true }
          : { kind: 'name', name: this.textOf(at), span: this.spanOf(at) };
      case '(': {
        this.enter();
        const inner = this.sum();
        this.depth--;
        const close = this.pos++;
        const start = this.scanned.starts[at]!;
        if (this.kinds[close] !== ')')
          throw syntax('missing `)`', this.spanOf(close), `the \`(\` at column ${start + 1} is not closed`);
        return { kind: 'paren', inner, span: { start, end: this.scanned.ends[close]! } };
      }
      case '$': {
        const span = this.spanOf(at);
        const usd: Expr = { kind: 'name', name: 'USD', span, unitPosition: true };
        // `$/month`, `-> $`: no amount follows, so `$` is the unit itself.
        const next = this.kinds[this.pos];
        if (next !== 'num' && next !== 'name' && next !== '(' && next !== '$') return usd;
        this.enter();
        const amount = this.postfix();
        this.depth--;
        // The `$` comes first: the product spans from it to the amount's end.
        return { ...this.bin('*', amount, usd, span, true), span: { start: span.start, end: amount.span.end } };
      }
      default:
        throw this.unexpected(tokenAt(this.scanned, at));
    }
  }

  private call(at: number): Expr {
    const fn = this.textOf(at);
    if (!isFunctionName(fn)) {
      throw unknownFunction(fn, this.spanOf(at));
    }
    this.pos++; // (
    const args: Expr[] = [];
    if (this.kinds[this.pos] !== ')') {
      for (;;) {
        this.enter();
        args.push(this.sum());
        this.depth--;
        if (this.kinds[this.pos] !== ',') break;
        this.pos++;
      }
    }
    const close = this.pos++;
    if (this.kinds[close] !== ')') throw syntax(`missing \`)\` after the arguments of ${fn}`, this.spanOf(close));
    return {
      kind: 'call',
      fn,
      args,
      nameSpan: this.spanOf(at),
      span: { start: this.scanned.starts[at]!, end: this.scanned.ends[close]! },
    };
  }

  private bin(op: BinaryOp, left: Expr, right: Expr, opSpan: Span, implicit: boolean, hyphen = false): Expr {
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

  /** One level deeper (a parenthesis, an argument, a sign, an exponent, a `$` amount): refused past MAX_DEPTH. */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      throw syntax(`the formula nests deeper than ${MAX_DEPTH} levels`, this.spanOf(this.pos));
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

function unknownFunction(fn: string, span: Span): Error {
  const hint = `the functions are ${FUNCTIONS.map((f) => f.name).join(', ')}; to multiply, write \`${fn} * (...)\``;
  return new DiagnosticError([{ code: 'unknown-function', message: `\`${fn}\` is not a function here`, span, hint }]);
}
