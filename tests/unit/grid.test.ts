// The corners of cli-table3's layout that renderGrid keeps (tests/property/grid.test.ts
// draws random tables with both): each case is drawn by both, and the part of
// the drawing it is about is checked on its own.
import { describe, expect, it } from 'vitest';
import { type GridLayout, type GridRow, renderGrid } from '../../src/render/grid.js';
import { cliTable3 } from '../helpers/cli-table3.js';

const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const RED = ['\x1b[31m', '\x1b[39m'] as const;

/** The table drawn by renderGrid, once it is known to be cli-table3's drawing too. */
function drawn(head: string[], rows: GridRow[], layout: GridLayout = {}): string[] {
  const text = renderGrid(head, rows, layout);
  // Row lines filtered out where they cross a column would leave them all in a table of one column.
  expect(text).toBe(cliTable3(head, rows, layout, head.length > 1 ? 'filter' : 'chars'));
  return text.split('\n');
}

describe('renderGrid', () => {
  it('draws a rule only beside a spanning row, none under the head', () => {
    const lines = drawn(['a', 'b'], [['1', '2'], { span: 's' }, { span: 'n' }, ['3', '4'], ['5', '6']]);
    expect(lines.filter((l) => l.startsWith('├'))).toEqual(['├───┴───┤', '├───────┤', '├───┬───┤']);
    expect(lines[1]).toBe('│ a │ b │');
    expect(lines[2]).toBe('│ 1 │ 2 │');
    expect(renderGrid(['a', 'b'], [['1', '2']])).toBe(cliTable3(['a', 'b'], [['1', '2']], {}, 'chars'));
  });

  it('closes a table ending in a spanning row with an unbroken line', () => {
    expect(drawn(['a', 'b'], [{ span: 'last' }]).at(-1)).toBe('└───────┘');
  });

  it('widens the columns for a spanning row wider than them, from the left, each a rounded share', () => {
    // 'a' and 'bb' want 3 and 4 columns; the span wants 27: 19 more, 10 (9.5 rounded) then 9.
    const lines = drawn(['a', 'bb'], [{ span: 'a very long spanning cell' }]);
    expect(lines[0]).toBe(`┌${'─'.repeat(13)}┬${'─'.repeat(13)}┐`);
  });

  it('aligns a spanning row as the first column', () => {
    const lines = drawn(['a', 'b'], [{ span: 'x' }], { align: ['right', 'left'] });
    expect(lines[3]).toBe('│     x │');
  });

  it('wraps a spanning row short of the column lines it covers', () => {
    // Three columns of 6: 20 columns inside, but the words wrap at 16 (6 * 3 - 2).
    const lines = drawn(['a', 'b', 'c'], [{ span: 'aaaa bbbb cccc dddd' }], { widths: [6, 6, 6] });
    expect(lines.slice(3, 5)).toEqual(['│ aaaa bbbb cccc     │', '│ dddd               │']);
  });

  it('clips a word wider than its column with …, closing a colour left open at the cut', () => {
    const word = `${RED[0]}unbreakable${RED[1]}`;
    const lines = drawn(['a'], [[word]], { widths: [8] });
    expect(lines[2]).toBe(`│ ${RED[0]}unbre${RED[1]}… │`);
  });

  it('closes a style at the end of a wrapped line and opens it again on the next', () => {
    const lines = drawn(['a'], [[`${BOLD[0]}one two${BOLD[1]}`]], { widths: [7] });
    expect(lines.slice(2, 4)).toEqual([`│ ${BOLD[0]}one${BOLD[1]}   │`, `│ ${BOLD[0]}two${BOLD[1]}   │`]);
  });

  it('carries no dim across a wrapped line: cli-table3 does not know the code', () => {
    const lines = drawn(['a'], [['\x1b[2mone two\x1b[22m']], { widths: [7] });
    expect(lines.slice(2, 4)).toEqual(['│ \x1b[2mone   │', '│ two\x1b[22m   │']);
  });

  it('counts no room for whitespace that starts a wrapped line, and drops a line of whitespace', () => {
    const lines = drawn(['abcdef'], [['  abcd'], ['x\n   \ny']], { widths: [8] });
    // '  abcd' is taken for 4 columns of the 6, and is 6 wide: it fits only as drawn.
    expect(lines[2]).toBe('│   abcd │');
    expect(lines.slice(3, 5)).toEqual(['│ x      │', '│ y      │']);
  });

  it('measures wide and combining characters by their columns', () => {
    const lines = drawn(
      ['name', 'note'],
      [
        ['漢字', 'e\u0301 ✓'],
        ['😀', 'ｆｕｌｌ'],
      ],
    );
    expect(lines[0]).toBe(`┌──────┬──────────┐`);
    expect(lines.slice(2, 4)).toEqual(['│ 漢字 │ e\u0301 ✓      │', '│ 😀   │ ｆｕｌｌ │']);
  });

  it('gives an empty cell a blank line', () => {
    expect(drawn(['a', 'b'], [['', 'x']], { widths: [4, 4] })[2]).toBe('│    │ x  │');
  });
});
