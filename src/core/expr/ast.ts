import type { Span } from '../diagnostic.js';

/** The closed set of formula nodes. Every node knows where it was written. */
export type Expr =
  | { kind: 'num'; value: number; text: string; span: Span }
  /**
   * `unitPosition`: written where a unit goes (`10 year`, `5000 req/s/server`,
   * `GB-month`): there a word the registry knows is the unit, even when a
   * figure has that name. Elsewhere a bare name is the figure first.
   */
  | { kind: 'name'; name: string; span: Span; unitPosition?: true }
  | { kind: 'neg'; arg: Expr; span: Span }
  /** `implicit`: juxtaposition (`2 GB`); `hyphen`: two unit words joined by a hyphen (`GB-month`). */
  | { kind: 'bin'; op: BinaryOp; left: Expr; right: Expr; span: Span; opSpan: Span; implicit: boolean; hyphen?: true }
  /** `fn` is a name of the functions table (functions.ts): the parser takes no other. */
  | { kind: 'call'; fn: string; args: Expr[]; span: Span; nameSpan: Span }
  | { kind: 'paren'; inner: Expr; span: Span };

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** Compact S-expression of a tree, for tests and debugging: (* 2 (name day)). */
export function toSexp(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'name':
      return e.name;
    case 'neg':
      return `(- ${toSexp(e.arg)})`;
    case 'bin':
      return `(${e.op} ${toSexp(e.left)} ${toSexp(e.right)})`;
    case 'call':
      return `(${e.fn} ${e.args.map(toSexp).join(' ')})`;
    case 'paren':
      return toSexp(e.inner);
    default:
      return e satisfies never;
  }
}

/** Every name node of a tree, left to right: figures and units alike (see referent). */
export function nameNodes(
  e: Expr,
  out: Array<Extract<Expr, { kind: 'name' }>> = [],
): Array<Extract<Expr, { kind: 'name' }>> {
  switch (e.kind) {
    case 'name':
      out.push(e);
      break;
    case 'paren':
      nameNodes(e.inner, out);
      break;
    case 'neg':
      nameNodes(e.arg, out);
      break;
    case 'bin':
      nameNodes(e.left, out);
      nameNodes(e.right, out);
      break;
    case 'call':
      for (const a of e.args) nameNodes(a, out);
      break;
    case 'num':
      break;
    default:
      e satisfies never;
  }
  return out;
}

/** Every call node of a tree, outer before inner. */
export function callNodes(e: Expr): Array<Extract<Expr, { kind: 'call' }>> {
  const out: Array<Extract<Expr, { kind: 'call' }>> = [];
  const stack = [e];
  while (stack.length) {
    const at = stack.pop()!;
    if (at.kind === 'call') {
      out.push(at);
      stack.push(...at.args);
    } else if (at.kind === 'paren') stack.push(at.inner);
    else if (at.kind === 'neg') stack.push(at.arg);
    else if (at.kind === 'bin') stack.push(at.left, at.right);
  }
  return out;
}
