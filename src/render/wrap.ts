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

/** The columns a string takes on a terminal: colour codes take none. */
export function visibleLength(s: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes that take no column
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}
