// renderGrid draws bote's tables as cli-table3 0.6.5 did, byte for byte: random
// tables, drawn by both, must be the same string. cli-table3 is configured as
// bote configured it: no colours of its own, and row lines either taken out of
// the chars (tables without spanning rows) or filtered out afterwards, keeping
// those beside a spanning row.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { type GridRow, renderGrid } from '../../src/render/grid.js';
import { columns } from '../../src/render/wrap.js';
import { cliTable3 } from '../helpers/cli-table3.js';

// Words, whitespace of several kinds, wide (CJK, fullwidth, emoji), combining and bote's own symbols.
const TOKENS = [
  'a',
  'bc',
  'word',
  'capacity',
  '300,000,000',
  'averyveryverylongwordwithoutspaces',
  '✓',
  '✗',
  '•',
  '≤',
  '漢字',
  'ｆｕｌｌ',
  '😀',
  '👍🏽',
  '🇫🇷',
  'e\u0301',
  'naïve',
  ' ',
  ' ',
  '  ',
  '\t',
  '\u3000',
  '\n',
];
// Colour codes as chalk writes them, and some it never would: resets, 256 colours, a background.
const CODES = [
  '\x1b[0m',
  '\x1b[m',
  '\x1b[1m',
  '\x1b[32m',
  '\x1b[39m',
  '\x1b[41m',
  '\x1b[49m',
  '\x1b[4m',
  '\x1b[38;5;208m',
];
const STYLES: [string, string][] = [
  ['\x1b[1m', '\x1b[22m'],
  ['\x1b[2m', '\x1b[22m'],
  ['\x1b[31m', '\x1b[39m'],
  ['\x1b[33m', '\x1b[39m'],
  ['\x1b[36m', '\x1b[39m'],
  ['\x1b[3m', '\x1b[23m'],
  ['\x1b[7m', '\x1b[27m'],
];

const token = fc.constantFrom(...TOKENS);
const plain = fc.array(token, { maxLength: 6 }).map((t) => t.join(''));
const cell: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: token },
      { weight: 1, arbitrary: fc.constantFrom(...CODES) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...STYLES), plain).map(([[on, off], t]) => on + t + off) },
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

/** A head of `n` cells and rows of `n` cells, or (with `spans`) rows spanning every column. */
function grid(spans: boolean) {
  return fc.integer({ min: spans ? 2 : 1, max: 5 }).chain((n) =>
    fc.record({
      head: fc.array(cell, { minLength: n, maxLength: n }),
      rows: fc.array(
        spans
          ? fc.oneof(
              { weight: 3, arbitrary: fc.array(cell, { minLength: n, maxLength: n }) as fc.Arbitrary<GridRow> },
              { weight: 1, arbitrary: cell.map((span) => ({ span })) },
            )
          : (fc.array(cell, { minLength: n, maxLength: n }) as fc.Arbitrary<GridRow>),
        { maxLength: 6 },
      ),
      layout: fc.record(
        {
          align: fc.array(fc.constantFrom('left' as const, 'right' as const), { minLength: n, maxLength: n }),
          widths: fc.array(fc.integer({ min: 1, max: 24 }), { minLength: n, maxLength: n }),
        },
        { requiredKeys: [] },
      ),
    }),
  );
}

describe('renderGrid draws what cli-table3 drew', () => {
  it('for tables with rows spanning every column, fixed or fitted widths', () => {
    fc.assert(
      fc.property(grid(true), ({ head, rows, layout }) => {
        expect(renderGrid(head, rows, layout)).toBe(cliTable3(head, rows, layout, 'filter'));
      }),
      { numRuns: 500 },
    );
  });

  it('for tables without spanning rows, against both ways bote took the row lines out', () => {
    fc.assert(
      fc.property(grid(false), ({ head, rows, layout }) => {
        const drawn = renderGrid(head, rows, layout);
        expect(drawn).toBe(cliTable3(head, rows, layout, 'chars'));
        if (head.length > 1) expect(drawn).toBe(cliTable3(head, rows, layout, 'filter'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('columns', () => {
  it('is what string-width says, colour codes aside', () => {
    fc.assert(
      fc.property(cell, (text) => {
        for (const line of text.split('\n')) expect(columns(line)).toBe(stringWidth(line));
      }),
    );
  });

  it('of printable ASCII and of the marks bote writes is its length, as string-width says', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(...'✓✗•×−≤…'),
    );
    fc.assert(
      fc.property(fc.string({ unit }), (s) => {
        expect(columns(s)).toBe(s.length);
        expect(stringWidth(s)).toBe(s.length);
      }),
    );
  });
});
