import type { Span } from '../diagnostic.js';

/** The closed set of formula nodes. Every node knows where it was written. */
export type Expr =
  | { kind: 'num'; value: number; text: string; span: Span }
  | { kind: 'name'; name: string; span: Span }
  | { kind: 'neg'; arg: Expr; span: Span }
  | { kind: 'bin'; op: BinaryOp; left: Expr; right: Expr; span: Span; opSpan: Span; implicit: boolean }
  | { kind: 'call'; fn: FunctionName; args: Expr[]; span: Span; nameSpan: Span }
  | { kind: 'paren'; inner: Expr; span: Span };

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

export const FUNCTIONS = [
  'ceil', 'floor', 'round', 'min', 'max', 'abs', 'sqrt', 'log', 'log2', 'log10',
  // Building blocks of estimates (docs/building-blocks.md).
  'servers', 'shards', 'cache_80_20',
] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export function isFunctionName(name: string): name is FunctionName {
  return (FUNCTIONS as readonly string[]).includes(name);
}

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
