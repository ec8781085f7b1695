import { createRequire } from 'node:module';

/**
 * Plain text broken at spaces into lines of at most `width` characters; lines
 * after the first start with `indent`. A word longer than a line stays whole.
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    const next = line === '' ? word : `${line} ${word}`;
    const lead = lines.length ? indent : '';
    if (line !== '' && lead.length + next.length > width) {
      lines.push(lead + line);
      line = word;
    } else {
      line = next;
    }
  }
  lines.push((lines.length ? indent : '') + line);
  return lines;
}

/** A colour code (SGR) as the tables have always recognised one: up to six numbers. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes that take no column
export const COLOUR_CODE = /\x1b\[((?:\d*;){0,5}\d*)m/g;

/** The characters a string holds once its colour codes are taken out. */
export function withoutColour(s: string): string {
  return s.replace(COLOUR_CODE, '');
}

/** The characters a string takes once its colour codes are taken out (not its columns: see `columns`). */
export function visibleLength(s: string): number {
  return withoutColour(s).length;
}

// Printable ASCII, and the marks bote itself writes in a table (✓ ✗ • × − ≤ …), take a column
// each in any company (string-width agrees: tests/property/grid.test.ts). Measured here, they
// spare a table such as twitter's, whose cells hold ✓, loading string-width: its emoji pattern
// takes milliseconds to compile.
const ONE_COLUMN_EACH = /^[\x20-\x7e✓✗•×−≤…]*$/;
let stringWidth: ((s: string) => number) | undefined;

/**
 * The columns a line takes on a terminal: colour codes none, a wide (CJK,
 * emoji) character two, a combining or control character none, as
 * string-width 4 counts them (which cli-table3 used). string-width is loaded
 * on first need.
 */
export function columns(s: string): number {
  const text = withoutColour(s);
  if (ONE_COLUMN_EACH.test(text)) return text.length;
  stringWidth ??= createRequire(import.meta.url)('string-width') as (s: string) => number;
  return stringWidth(text);
}
