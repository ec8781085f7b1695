import { type DiagnosticError, problem, type Span } from '../diagnostic.js';
import { UnitRegistry } from '../units/registry.js';
import { UNITS } from '../units/table.js';
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
const OPERATORS: Record<string, string> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '^': '^',
  '×': '*',
  '·': '*',
  '÷': '/',
  '−': '-',
};

/**
 * Splits a formula into tokens. Numbers take digit groups (`1,500` only where
 * exactly three digits follow each comma), a fraction, an exponent and an
 * attached scale suffix (`300k`, `2bn`); letters attached to a number that are
 * not a suffix start a unit name (`100GB` is 100 GB).
 */
export function tokenize(text: string): Token[] {
  if (text.length > MAX_FORMULA_LENGTH) {
    throw syntax(`formula is longer than ${MAX_FORMULA_LENGTH} characters`, { start: 0, end: 1 });
  }
  const tokens: Token[] = [];
  // For each open parenthesis: does it hold a function's arguments? There a comma separates them.
  const calls: boolean[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(text.charCodeAt(i)) || (c === '.' && isDigit(text.charCodeAt(i + 1)))) {
      i = readNumber(text, i, tokens, calls.at(-1) ?? false);
      continue;
    }
    if (isNameStart(text.charCodeAt(i))) {
      while (i < text.length && isNamePart(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'name', text: text.slice(start, i), span: { start, end: i } });
      continue;
    }
    if (c === '-' && text[i + 1] === '>') {
      tokens.push({ kind: '->', text: '->', span: { start, end: i + 2 } });
      i += 2;
      continue;
    }
    const op = OPERATORS[c];
    if (op) {
      if (c === '*' && text[i + 1] === '*')
        throw syntax('`**` is not an operator here; write `^` for a power', { start, end: i + 2 });
      tokens.push({ kind: 'op', text: op, span: { start, end: i + 1 } });
      i++;
      continue;
    }
    if (c === '(') calls.push(tokens.at(-1)?.kind === 'name' && isFunctionName(tokens.at(-1)!.text));
    if (c === ')') calls.pop();
    if (c === '(' || c === ')' || c === ',' || c === '%' || c === '$' || c === '~') {
      tokens.push({ kind: c, text: c, span: { start, end: i + 1 } });
      i++;
      continue;
    }
    // A whole character, not half of a surrogate pair (an emoji).
    const whole = String.fromCodePoint(text.codePointAt(i)!);
    throw syntax(forbiddenCharacter(whole), { start, end: i + whole.length });
  }
  tokens.push({ kind: 'eof', text: '', span: { start: text.length, end: text.length } });
  return tokens;
}

function readNumber(text: string, start: number, tokens: Token[], inCall: boolean): number {
  let i = start;
  const digits = () => {
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  };
  digits();
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
    }
  }
  if (text[i] === '.' && isDigit(text.charCodeAt(i + 1))) {
    i++;
    digits();
  }
  if ((text[i] === 'e' || text[i] === 'E') && /^[+-]?[0-9]/.test(text.slice(i + 1, i + 3))) {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    digits();
  }
  const raw = text.slice(start, i);
  let value = Number(raw.replaceAll(',', ''));
  let end = i;
  // An attached word is a scale suffix only when it is exactly one (300M, 2bn).
  let j = i;
  while (j < text.length && isNamePart(text.charCodeAt(j))) j++;
  const word = text.slice(i, j);
  const scale = NUMBER_SUFFIXES.get(word);
  if (scale !== undefined) {
    value *= scale;
    end = j;
  }
  if (!Number.isFinite(value)) throw syntax(`the number ${text.slice(start, end)} is too large`, { start, end });
  tokens.push({ kind: 'num', text: text.slice(start, end), span: { start, end }, value });
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
