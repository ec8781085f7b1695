import { COLOUR_CODE, columns } from './wrap.js';

/**
 * Bote's tables: a head row, then rows of cells or rows spanning every
 * column, boxed in lines, a space either side of each cell's text. A rule
 * crosses the table only beside a spanning row: it frames a section heading.
 *
 * The layout is cli-table3 0.6.5's, byte for byte, as bote configured it (no
 * colours of its own, row lines only around spanning rows);
 * tests/property/grid.test.ts renders random tables with both. Its quirks are
 * kept on purpose, each said where it is.
 */
export type GridRow = readonly string[] | { readonly span: string };

export interface GridLayout {
  /** Each column's alignment; left where not said. */
  align?: readonly ('left' | 'right')[] | undefined;
  /** Each column's width, its two spaces included: a cell's words then wrap to it. Without, a column is as wide as its widest cell. */
  widths?: readonly number[];
}

export function renderGrid(head: readonly string[], rows: readonly GridRow[], layout: GridLayout = {}): string {
  const all = [head, ...rows];
  const widths = layout.widths ?? fittedWidths(all, head.length);
  const whole = widths.reduce((sum, w) => sum + w + 1, -1);
  const out = [border('┌', '┬', '┐', widths)];
  all.forEach((row, r) => {
    const above = all[r - 1];
    if (above && (isSpan(row) || isSpan(above)))
      out.push(border('├', isSpan(row) ? (isSpan(above) ? '─' : '┴') : '┬', '┤', widths));
    if (isSpan(row)) {
      // cli-table3 wraps a spanning cell without the column lines it covers (a line may end short of
      // them), and aligns it as the first column.
      const wrap = layout.widths && widths.reduce((sum, w) => sum + w, -2);
      out.push(...drawRow([cellLines(row.span, wrap)], [whole], [layout.align?.[0] ?? 'left']));
    } else {
      const lines = row.map((cell, i) => cellLines(cell, layout.widths && widths[i]! - 2));
      out.push(...drawRow(lines, widths, layout.align ?? []));
    }
  });
  out.push(border('└', isSpan(all[all.length - 1]!) ? '─' : '┴', '┘', widths));
  return out.join('\n');
}

function isSpan(row: GridRow): row is { readonly span: string } {
  return 'span' in row;
}

function border(left: string, joint: string, right: string, widths: readonly number[]): string {
  return left + widths.map((w) => '─'.repeat(w)).join(joint) + right;
}

/** A row's text lines: each cell's line, clipped and padded, or blank once its lines run out. */
function drawRow(cells: string[][], widths: readonly number[], align: readonly ('left' | 'right')[]): string[] {
  const height = Math.max(1, ...cells.map((lines) => lines.length));
  const out: string[] = [];
  for (let l = 0; l < height; l++) {
    const text = cells.map((lines, i) => {
      const line = lines[l];
      if (line === undefined) return ' '.repeat(widths[i]!);
      return ` ${padded(clipped(line, widths[i]! - 2), widths[i]! - 2, align[i])} `;
    });
    out.push(`│${text.join('│')}│`);
  }
  return out;
}

/** Columns as wide as their widest cell; a spanning row wider than them all widens them, from the left. */
function fittedWidths(rows: readonly GridRow[], count: number): number[] {
  const widths: number[] = new Array(count).fill(1);
  for (const row of rows) {
    if (isSpan(row)) continue;
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i]!, cellWidth(cell));
    });
  }
  // Last spanning row first, and each column takes its share rounded, as cli-table3 does.
  for (const row of rows.filter(isSpan).reverse()) {
    const want = cellWidth(row.span);
    let have = widths.reduce((sum, w) => sum + w + 1, -1);
    for (let i = 0; i < count && want > have; i++) {
      const share = Math.round((want - have) / (count - i));
      widths[i]! += share;
      have += share;
    }
  }
  return widths;
}

/** The columns a cell's widest line takes, with its two spaces. */
function cellWidth(text: string): number {
  return Math.max(...text.split('\n').map(columns)) + 2;
}

/** A cell's lines, each wrapped to `wrapWidth` if there is one. */
function cellLines(text: string, wrapWidth: number | undefined): string[] {
  const lines = text.split('\n');
  return carryColours(wrapWidth === undefined ? lines : lines.flatMap((line) => wrapWords(line, wrapWidth)));
}

/**
 * cli-table3's word wrap: a line breaks at whitespace, which it keeps as it
 * is; a word wider than the width has a line of its own (clipped when drawn).
 * It counts whitespace at the start of a line as taking no room, and a line
 * holding only whitespace disappears.
 */
function wrapWords(line: string, width: number): string[] {
  const lines: string[] = [];
  const parts = line.split(/(\s+)/);
  let current = '';
  let used = 0;
  let space: string | undefined;
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i]!;
    const wanted = used + columns(word) + (used > 0 && space ? space.length : 0);
    if (wanted > width) {
      if (used !== 0) lines.push(current);
      current = word;
      used = columns(word);
    } else {
      current += (space ?? '') + word;
      used = wanted;
    }
    space = parts[i + 1];
  }
  if (used) lines.push(current);
  return lines;
}

function padded(text: string, width: number, align: 'left' | 'right' | undefined): string {
  const fill = ' '.repeat(Math.max(0, width - columns(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** A line cut to `width` columns with '…', the colour codes before the cut kept and the styles they left open closed. */
function clipped(line: string, width: number): string {
  if (columns(line) <= width) return line;
  const room = width - 1;
  const open = new Colours();
  let out = '';
  let used = 0;
  let at = 0;
  for (const code of [...line.matchAll(COLOUR_CODE), undefined]) {
    if (used >= room) break;
    let piece = line.slice(at, code?.index ?? line.length);
    if (used + columns(piece) > room) piece = cut(piece, room - used);
    out += piece;
    used += columns(piece);
    // Short of the room with no code left: a wide character did not fit in the last column.
    if (used >= room || code === undefined) break;
    out += code[0];
    open.read(code);
    at = code.index + code[0].length;
  }
  return `${open.close(out)}…`;
}

/** Text (no colour codes) cut to at most `width` columns, a UTF-16 unit at a time as cli-table3 does. */
function cut(text: string, width: number): string {
  if (text.length === columns(text)) return text.slice(0, width);
  let rest = text;
  while (columns(rest) > width) rest = rest.slice(0, -1);
  return rest;
}

/** Each line of a cell closes the styles it leaves open and the next reopens them, as cli-table3 does. */
function carryColours(lines: string[]): string[] {
  let before = new Colours();
  return lines.map((line) => {
    const reopened = before.reopen(line);
    before = new Colours();
    for (const code of reopened.matchAll(COLOUR_CODE)) before.read(code);
    return before.close(reopened);
  });
}

// The styles cli-table3 follows across a line: these, the last foreground and background colour, and a reset.
const STYLES: Record<string, readonly [on: number, off: number]> = {
  bold: [1, 22],
  italics: [3, 23],
  underline: [4, 24],
  inverse: [7, 27],
  strikethrough: [9, 29],
};
const sgr = (n: number) => `\x1b[${n}m`;
const STYLE_CODES = new Map<string, readonly [string, boolean]>(
  Object.entries(STYLES).flatMap(([name, [on, off]]) => [
    [sgr(on), [name, true] as const],
    [sgr(off), [name, false] as const],
  ]),
);

/** What the colour codes read so far leave in force. */
class Colours {
  // In the order first seen: the order they are closed in, and reopened in reverse.
  private styles = new Map<string, boolean>();
  private foreground: string | undefined;
  private background: string | undefined;

  read(code: RegExpMatchArray): void {
    // A code names its kind by its first number; `\x1b[m` is a reset.
    const kind = code[1] ? Number.parseInt(code[1].split(';')[0]!, 10) : 0;
    if ((kind >= 30 && kind <= 39) || (kind >= 90 && kind <= 97)) this.foreground = code[0];
    else if ((kind >= 40 && kind <= 49) || (kind >= 100 && kind <= 107)) this.background = code[0];
    else if (kind === 0) this.clear();
    else {
      const style = STYLE_CODES.get(code[0]);
      if (style) this.styles.set(style[0], style[1]);
    }
  }

  private clear(): void {
    this.styles.clear();
    this.foreground = undefined;
    this.background = undefined;
  }

  /** `text` followed by the codes that end what is in force. */
  close(text: string): string {
    let out = text;
    for (const [name, on] of this.styles) if (on) out += sgr(STYLES[name]![1]);
    if (this.background && this.background !== sgr(49)) out += sgr(49);
    if (this.foreground && this.foreground !== sgr(39)) out += sgr(39);
    return out;
  }

  /** `text` preceded by the codes that start again what is in force. */
  reopen(text: string): string {
    let out = text;
    for (const [name, on] of this.styles) if (on) out = sgr(STYLES[name]![0]) + out;
    if (this.background && this.background !== sgr(49)) out = this.background + out;
    if (this.foreground && this.foreground !== sgr(39)) out = this.foreground + out;
    return out;
  }
}
