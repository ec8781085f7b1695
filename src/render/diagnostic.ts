import type { Diagnostic } from '../core/diagnostic.js';

export interface Position {
  line: number;
  column: number;
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export interface Painter {
  red(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
}

const EXCERPT = 100;

const plain: Painter = { red: (s) => s, bold: (s) => s, dim: (s) => s, cyan: (s) => s };

/**
 * `file:line:col: error: message`, the source line with carets under the
 * span, and the hint: the form editors and terminals make clickable.
 */
export function renderDiagnostic(d: Diagnostic, text: string | undefined, paint: Painter = plain): string {
  const out: string[] = [];
  if (d.file !== undefined && d.span && text !== undefined) {
    const { line, column } = positionOf(text, d.span.start);
    out.push(`${paint.bold(`${d.file}:${line}:${column}:`)} ${paint.red('error:')} ${d.message}`);
    const lineText = (text.split('\n')[line - 1] ?? '').replace(/\t|\r/g, ' ');
    const width = Math.max(1, Math.min(d.span.end, d.span.start + lineText.length - column + 1) - d.span.start);
    // Show at most EXCERPT characters of a long line, around the column.
    const from = Math.max(0, Math.min(column - 1 - 20, lineText.length - EXCERPT));
    const shown = lineText.slice(from, from + EXCERPT);
    const before = from > 0 ? '…' : '';
    const after = from + EXCERPT < lineText.length ? '…' : '';
    const gutter = String(line).length;
    const carets = Math.max(1, Math.min(width, shown.length - (column - 1 - from)));
    out.push(`${' '.repeat(gutter)} ${paint.dim('|')}`);
    out.push(`${paint.dim(String(line))} ${paint.dim('|')} ${before}${shown}${after}`);
    out.push(`${' '.repeat(gutter)} ${paint.dim('|')} ${' '.repeat(before.length + column - 1 - from)}${paint.red('^'.repeat(carets))}`);
  } else {
    const where = d.file !== undefined ? `${d.file}: ` : '';
    out.push(`${paint.bold(`bote: ${where}`)}${paint.red('error:')} ${d.message}`);
  }
  if (d.hint) out.push(`  ${paint.cyan('hint:')} ${d.hint}`);
  return `${out.join('\n')}\n`;
}
