import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { MAX_FORMULA_LENGTH, tokenize, type Token } from '../../src/core/expr/tokenizer.js';

/** Tokens without the trailing eof, as [kind, text, value?]. */
function brief(text: string): Array<[string, string, number?]> {
  return tokenize(text)
    .filter((t) => t.kind !== 'eof')
    .map((t) => (t.value === undefined ? [t.kind, t.text] : [t.kind, t.text, t.value]));
}

function diagnosticOf(f: () => unknown): DiagnosticError {
  try {
    f();
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error('expected a DiagnosticError');
}

describe('tokenize: numbers', () => {
  it.each<[string, number, string]>([
    ['42', 42, '42'],
    ['0.25', 0.25, '0.25'],
    ['.5', 0.5, '.5'],
    ['1,500', 1500, '1,500'],
    ['12,345,678', 12345678, '12,345,678'],
    ['1e3', 1000, '1e3'],
    ['2.5E-3', 0.0025, '2.5E-3'],
    ['1e+2', 100, '1e+2'],
    ['300k', 300 * 1000, '300k'],
    ['300K', 300 * 1000, '300K'],
    ['300M', 300 * 1000 * 1000, '300M'],
    ['2bn', 2 * 1000 * 1000 * 1000, '2bn'],
    ['1.5k', 1500, '1.5k'],
    ['3T', 3 * 10 ** 12, '3T'],
    ['1,500k', 1500 * 1000, '1,500k'],
  ])('%s', (text, value, written) => {
    const tokens = tokenize(text);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]!.kind).toBe('num');
    expect(tokens[0]!.value).toBe(value);
    expect(tokens[0]!.text).toBe(written);
    expect(tokens[0]!.span).toEqual({ start: 0, end: text.length });
    expect(tokens[1]!.kind).toBe('eof');
  });
});

describe('tokenize: numbers next to names and commas', () => {
  it.each<[string, Array<[string, string, number?]>]>([
    [
      '100GB',
      [
        ['num', '100', 100],
        ['name', 'GB'],
      ],
    ],
    [
      '1.5kB',
      [
        ['num', '1.5', 1.5],
        ['name', 'kB'],
      ],
    ],
    [
      '300Mbps',
      [
        ['num', '300', 300],
        ['name', 'Mbps'],
      ],
    ],
    [
      '5ms',
      [
        ['num', '5', 5],
        ['name', 'ms'],
      ],
    ],
    [
      '3Tb',
      [
        ['num', '3', 3],
        ['name', 'Tb'],
      ],
    ],
    [
      '2e',
      [
        ['num', '2', 2],
        ['name', 'e'],
      ],
    ],
    [
      '2 MB/tweet',
      [
        ['num', '2', 2],
        ['name', 'MB'],
        ['op', '/'],
        ['name', 'tweet'],
      ],
    ],
    // A comma not followed by exactly three digits is an argument separator.
    [
      'max(1, 500)',
      [
        ['name', 'max'],
        ['(', '('],
        ['num', '1', 1],
        [',', ','],
        ['num', '500', 500],
        [')', ')'],
      ],
    ],
    [
      '1,5000',
      [
        ['num', '1', 1],
        [',', ','],
        ['num', '5000', 5000],
      ],
    ],
    [
      '1234,567',
      [
        ['num', '1234', 1234],
        [',', ','],
        ['num', '567', 567],
      ],
    ],
    [
      '1,50',
      [
        ['num', '1', 1],
        [',', ','],
        ['num', '50', 50],
      ],
    ],
    // Inside parentheses that are not a call, a digit group is still one number.
    [
      '(1,500 user)',
      [
        ['(', '('],
        ['num', '1,500', 1500],
        ['name', 'user'],
        [')', ')'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it.each(['min(100,200)', 'max(1 GB, min(1,500 B, 2 GB))', 'ceil(1,500.5)'])(
    'refuses a digit group among function arguments, %s: one number or two?',
    (text) => {
      expect(() => tokenize(text)).toThrow(/a comma between digits is ambiguous/);
    },
  );
});

describe('tokenize: operators and punctuation', () => {
  it.each<[string, Array<[string, string]>]>([
    [
      'a×b',
      [
        ['name', 'a'],
        ['op', '*'],
        ['name', 'b'],
      ],
    ],
    [
      'a·b',
      [
        ['name', 'a'],
        ['op', '*'],
        ['name', 'b'],
      ],
    ],
    [
      'a÷b',
      [
        ['name', 'a'],
        ['op', '/'],
        ['name', 'b'],
      ],
    ],
    [
      'a−b',
      [
        ['name', 'a'],
        ['op', '-'],
        ['name', 'b'],
      ],
    ],
    [
      'a^b',
      [
        ['name', 'a'],
        ['op', '^'],
        ['name', 'b'],
      ],
    ],
    [
      'x -> GB',
      [
        ['name', 'x'],
        ['->', '->'],
        ['name', 'GB'],
      ],
    ],
    [
      '~ $ %',
      [
        ['~', '~'],
        ['$', '$'],
        ['%', '%'],
      ],
    ],
    ['µs', [['name', 'µs']]],
    ['peak_qps2', [['name', 'peak_qps2']]],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('gives spans as offsets into the text', () => {
    const tokens: Token[] = tokenize('  dau *\t2');
    expect(tokens.map((t) => [t.kind, t.span.start, t.span.end])).toEqual([
      ['name', 2, 5],
      ['op', 6, 7],
      ['num', 8, 9],
      ['eof', 9, 9],
    ]);
  });
});

describe('tokenize: forbidden characters', () => {
  it.each<[string, number, RegExp]>([
    ['"abc"', 0, /strings/],
    ["x + 'a'", 4, /strings/],
    ['`x`', 0, /strings/],
    ['a.b', 1, /property access/],
    ['1.', 1, /property access/],
    ['x = 2', 2, /assignment/],
    ['a[0]', 1, /`\[` is not allowed/],
    ['{a}', 0, /`\{` is not allowed/],
    ['a; b', 1, /`;`/],
    ['a ** 2', 2, /`\*\*`/],
    ['a & b', 2, /unexpected character `&`/],
    ['a ! b', 2, /unexpected character `!`/],
  ])('%s', (text, at, message) => {
    const e = diagnosticOf(() => tokenize(text));
    expect(e.diagnostics).toHaveLength(1);
    const d = e.diagnostics[0]!;
    expect(d.code).toBe('syntax');
    expect(d.message).toMatch(message);
    expect(d.span!.start).toBe(at);
  });

  it('an emoji is named whole, not as half a surrogate pair', () => {
    const d = diagnosticOf(() => tokenize('3 🚀')).diagnostics[0]!;
    expect(d.message).toBe('unexpected character `🚀`');
    expect(d.span).toEqual({ start: 2, end: 4 });
  });

  it('`**` is reported over both stars', () => {
    const d = diagnosticOf(() => tokenize('2 ** 3')).diagnostics[0]!;
    expect(d.span).toEqual({ start: 2, end: 4 });
  });

  it('a number too large for a double is refused: 1e400', () => {
    const d = diagnosticOf(() => tokenize('1e400')).diagnostics[0]!;
    expect(d.code).toBe('syntax');
    expect(d.message).toMatch(/too large/);
  });

  it('a formula longer than the limit is refused before any work', () => {
    const d = diagnosticOf(() => tokenize('1'.repeat(MAX_FORMULA_LENGTH + 1))).diagnostics[0]!;
    expect(d.code).toBe('syntax');
    expect(d.message).toMatch(/longer than/);
  });
});
