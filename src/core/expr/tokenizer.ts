import { type DiagnosticError, problem, type Span } from '../diagnostic.js';
import { UnitRegistry } from '../units/registry.js';
import { UNITS } from '../units/table.js';
import type { BinaryOp } from './ast.js';
import { isFunctionName } from './calls.js';

export type TokenKind = 'num' | 'name' | 'op' | '(' | ')' | ',' | '%' | '$' | '->' | '~' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The text as written. For `op`, one of + - * / ^ (× · ÷ are normalised). */
  text: string;
  span: Span;
  /** For `num`: the value, suffix applied (`300M` → 3e8). */
  value?: number;
}

/** Scale words' spellings attach to a number: `300k`, `300M`, `2bn`, `3T` (table.ts, `number: 'suffix'`). */
const NUMBER_SUFFIXES: ReadonlyMap<string, number> = new Map(
  UNITS.filter((u) => u.number === 'suffix').flatMap((u) =>
    (u.spellings ?? []).map((s) => [s, UnitRegistry.create().unit(u.name)!.factor] as const),
  ),
);

/** Formulas longer than this are refused before any work is done. */
export const MAX_FORMULA_LENGTH = 100_000;

// Character classes by code, not by regular expression: the tokenizer asks once per character.
const isDigit = (c: number) => c >= 48 && c <= 57; // 0-9
/** A letter, `_`, µ (micro sign) or μ (Greek mu): a name starts so. */
const isNameStart = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 0xb5 || c === 0x3bc;
const isNamePart = (c: number) => isNameStart(c) || isDigit(c);
/** A token's kind in a scan: `op` tokens are stored as their operator, so the parser needs no text. */
export type ScanKind = Exclude<TokenKind, 'op'> | BinaryOp;

/**
 * The tokens of a formula as columns, entries 0 to count - 1 (the last is
 * `eof`): no object per token, and no span object until someone asks for one
 * (a formula of 100 terms would otherwise make 400 short-lived objects). A
 * token's text is `text.slice(starts[i], ends[i])`; `values[i]` is a number
 * token's value. A Scan can be filled again (see `scan`): entries past count
 * are left from an earlier formula, so nothing reads past the `eof`.
 */
export interface Scan {
  text: string;
  count: number;
  readonly kinds: ScanKind[];
  readonly starts: number[];
  readonly ends: number[];
  readonly values: number[];
}

export function emptyScan(): Scan {
  return { text: '', count: 0, kinds: [], starts: [], ends: [], values: [] };
}

/** The operator a character writes: × · count as *, ÷ as /, − (minus sign) as -. */
function operatorOf(c: number): BinaryOp | undefined {
  switch (c) {
    case 43: // +
      return '+';
    case 45: // -
    case 0x2212: // −
      return '-';
    case 42: // *
    case 0xd7: // ×
    case 0xb7: // ·
      return '*';
    case 47: // /
    case 0xf7: // ÷
      return '/';
    case 94: // ^
      return '^';
    default:
      return undefined;
  }
}

const isBinaryOp = (kind: ScanKind): kind is BinaryOp =>
  kind === '+' || kind === '-' || kind === '*' || kind === '/' || kind === '^';

/**
 * Splits a formula into tokens. Numbers take digit groups (`1,500` only where
 * exactly three digits follow each comma), a fraction, an exponent and an
 * attached scale suffix (`300k`, `2bn`); letters attached to a number that are
 * not a suffix start a unit name (`100GB` is 100 GB).
 */
export function tokenize(text: string): Token[] {
  const scanned = scan(text);
  const tokens = new Array<Token>(scanned.count);
  for (let i = 0; i < tokens.length; i++) tokens[i] = tokenAt(scanned, i);
  return tokens;
}

/** Token i of a scan as an object, as `tokenize` gives it. */
export function tokenAt(scanned: Scan, i: number): Token {
  const kind = scanned.kinds[i]!;
  const start = scanned.starts[i]!;
  const end = scanned.ends[i]!;
  const span = { start, end };
  if (kind === 'num') return { kind, text: scanned.text.slice(start, end), span, value: scanned.values[i]! };
  if (kind === 'name') return { kind, text: scanned.text.slice(start, end), span };
  if (isBinaryOp(kind)) return { kind: 'op', text: kind, span };
  return { kind, text: kind === 'eof' ? '' : kind, span };
}

/**
 * The tokens of `text`, as columns (see Scan), written over `into` when given;
 * a syntax error for a character no token takes.
 */
export function scan(text: string, into: Scan = emptyScan()): Scan {
  if (text.length > MAX_FORMULA_LENGTH) {
    throw syntax(`formula is longer than ${MAX_FORMULA_LENGTH} characters`, { start: 0, end: 1 });
  }
  const scanned = into;
  scanned.text = text;
  scanned.count = 0;
  const { kinds, starts, ends } = scanned;
  // For each open parenthesis: does it hold a function's arguments? There a comma separates them.
  const calls: boolean[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      // space, tab, newline, carriage return
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === 46 /* . */ && isDigit(text.charCodeAt(i + 1)))) {
      i = readNumber(scanned, i, calls.length > 0 && calls[calls.length - 1]!);
      continue;
    }
    if (isNameStart(c)) {
      i++;
      while (i < text.length && isNamePart(text.charCodeAt(i))) i++;
      push(scanned, 'name', start, i);
      continue;
    }
    if (c === 45 /* - */ && text.charCodeAt(i + 1) === 62 /* > */) {
      push(scanned, '->', start, i + 2);
      i += 2;
      continue;
    }
    const op = operatorOf(c);
    if (op) {
      if (c === 42 /* * */ && text.charCodeAt(i + 1) === 42)
        throw syntax('`**` is not an operator here; write `^` for a power', { start, end: i + 2 });
      push(scanned, op, start, i + 1);
      i++;
      continue;
    }
    const last = scanned.count - 1;
    const ch = text[i]!;
    if (ch === '(') calls.push(kinds[last] === 'name' && isFunctionName(text.slice(starts[last], ends[last])));
    if (ch === ')') calls.pop();
    if (ch === '(' || ch === ')' || ch === ',' || ch === '%' || ch === '$' || ch === '~') {
      push(scanned, ch, start, i + 1);
      i++;
      continue;
    }
    // A whole character, not half of a surrogate pair (an emoji).
    const whole = String.fromCodePoint(text.codePointAt(i)!);
    throw syntax(forbiddenCharacter(whole), { start, end: i + whole.length });
  }
  push(scanned, 'eof', text.length, text.length);
  return scanned;
}

function push(scanned: Scan, kind: ScanKind, start: number, end: number, value = 0): void {
  const i = scanned.count++;
  scanned.kinds[i] = kind;
  scanned.starts[i] = start;
  scanned.ends[i] = end;
  scanned.values[i] = value;
}

function skipDigits(text: string, i: number): number {
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

function readNumber(scanned: Scan, start: number, inCall: boolean): number {
  const { text } = scanned;
  let i = skipDigits(text, start);
  let grouped = false;
  // Digit groups: 1,500 and 12,345,678; `max(1, 500)` keeps its space.
  if (i - start <= 3) {
    while (text[i] === ',' && /^[0-9]{3}(?![0-9])/.test(text.slice(i + 1, i + 5))) {
      // min(100,200): two arguments, or one hundred thousand two hundred? Not guessed.
      if (inCall)
        throw syntax(
          'in a function call, a comma between digits is ambiguous',
          { start, end: i + 4 },
          `write ${text.slice(start, i)}${text.slice(i + 1, i + 4)} for one number, or ${text.slice(start, i)}, ${text.slice(i + 1, i + 4)} for two arguments`,
        );
      i += 4;
      grouped = true;
    }
  }
  if (text[i] === '.' && isDigit(text.charCodeAt(i + 1))) i = skipDigits(text, i + 1);
  if ((text[i] === 'e' || text[i] === 'E') && /^[+-]?[0-9]/.test(text.slice(i + 1, i + 3))) {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    i = skipDigits(text, i);
  }
  const raw = text.slice(start, i);
  let value = Number(grouped ? raw.replaceAll(',', '') : raw);
  let end = i;
  // An attached word is a scale suffix only when it is exactly one (300M, 2bn).
  let j = i;
  while (j < text.length && isNamePart(text.charCodeAt(j))) j++;
  const scale = j > i ? NUMBER_SUFFIXES.get(text.slice(i, j)) : undefined;
  if (scale !== undefined) {
    value *= scale;
    end = j;
  }
  if (!Number.isFinite(value)) throw syntax(`the number ${text.slice(start, end)} is too large`, { start, end });
  push(scanned, 'num', start, end, value);
  return end;
}

function forbiddenCharacter(c: string): string {
  if (c === '"' || c === "'" || c === '`') return 'strings are not allowed in a formula';
  if (c === '=') return 'assignment is not allowed in a formula: a derived figure is `name: formula`';
  if (c === '.') return 'property access is not allowed in a formula';
  if (c === '[' || c === ']' || c === '{' || c === '}')
    return `\`${c}\` is not allowed in a formula: only numbers, units, names, + - * / ^, parentheses and functions`;
  if (c === ';') return '`;` is not allowed: one formula per figure';
  return `unexpected character \`${c}\``;
}

export function syntax(message: string, span: Span, hint?: string): DiagnosticError {
  return problem('syntax', message, span, hint);
}
