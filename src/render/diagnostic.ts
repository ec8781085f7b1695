import type { Diagnostic } from '../core/diagnostic.js';
import { visible } from './visible.js';

export interface Position {
  line: number;
  column: number;
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function positionOf(text: string, offset: number): Position {
  return lineIndex(text).position(offset);
}

export interface LineIndex {
  position(offset: number): Position;
  line(n: number): string;
}

/** Where each line starts, found once: thousands of diagnostics of one file each cost a binary search. */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    position(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - starts[lo]! + 1 };
    },
    line(n) {
      const start = starts[n - 1];
      if (start === undefined) return '';
      const end = starts[n];
      return text.slice(start, end === undefined ? text.length : end - 1);
    },
  };
}

export interface Painter {
  red(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
  yellow(s: string): string;
}

const EXCERPT = 100;

const plain: Painter = { red: (s) => s, bold: (s) => s, dim: (s) => s, cyan: (s) => s, yellow: (s) => s };

/**
 * `file:line:col: error: message`, the source line with carets under the
 * span, and the hint: the form editors and terminals make clickable.
 */
export function renderDiagnostic(
  d: Diagnostic,
  text: string | undefined,
  paint: Painter = plain,
  index = text === undefined ? undefined : lineIndex(text),
): string {
  const out: string[] = [];
  const mark = d.severity === 'note' ? paint.cyan : d.severity === 'warning' ? paint.yellow : paint.red;
  const label = mark(`${d.severity ?? 'error'}:`);
  if (d.file !== undefined && d.span && index !== undefined) {
    const { line, column } = index.position(d.span.start);
    out.push(`${paint.bold(`${d.file}:${line}:${column}:`)} ${label} ${visible(d.message)}`);
    const lineText = index.line(line).replace(/\t|\r/g, ' ');
    const width = Math.max(1, Math.min(d.span.end, d.span.start + lineText.length - column + 1) - d.span.start);
    // Show at most EXCERPT characters of a long line, around the column.
    const from = Math.max(0, Math.min(column - 1 - 20, lineText.length - EXCERPT));
    const shown = lineText.slice(from, from + EXCERPT);
    const before = from > 0 ? '…' : '';
    const after = from + EXCERPT < lineText.length ? '…' : '';
    const gutter = String(line).length;
    const carets = Math.max(1, Math.min(width, shown.length - (column - 1 - from)));
    // The quoted line's control characters are written out (\x1b): the carets follow the text as shown.
    const lead = visible(shown.slice(0, column - 1 - from)).length;
    const under = visible(shown.slice(column - 1 - from, column - 1 - from + carets)).length;
    out.push(`${' '.repeat(gutter)} ${paint.dim('|')}`);
    out.push(`${paint.dim(String(line))} ${paint.dim('|')} ${before}${visible(shown)}${after}`);
    out.push(
      `${' '.repeat(gutter)} ${paint.dim('|')} ${' '.repeat(before.length + lead)}${mark('^'.repeat(Math.max(1, under)))}`,
    );
  } else {
    // One-line errors start as every error of bote does: `bote: error: `.
    const where = d.file !== undefined ? `${d.file}: ` : '';
    out.push(`${paint.bold('bote:')} ${label} ${visible(`${where}${d.message}`)}`);
  }
  if (d.hint) out.push(`  ${paint.cyan('hint:')} ${visible(d.hint)}`);
  return `${out.join('\n')}\n`;
}

/**
 * The text a diagnostic's span is in: one text, or the files of a scenario
 * that extends others (Model.sources), each diagnostic then quoting the lines
 * of its own file.
 */
export type Texts = string | undefined | ReadonlyArray<{ file?: string; text: string }>;

/** Finds each file's text and line index once. */
function textsIndex(texts: Texts): (file: string | undefined) => { text: string; index: LineIndex } | undefined {
  if (texts === undefined) return () => undefined;
  const files = typeof texts === 'string' ? [{ text: texts }] : texts;
  const cache = new Map<string | undefined, { text: string; index: LineIndex } | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      const found = files.find((f) => f.file === file) ?? (typeof texts === 'string' ? files[0] : undefined);
      cache.set(file, found && { text: found.text, index: lineIndex(found.text) });
    }
    return cache.get(file);
  };
}

/**
 * Several diagnostics, one blank line apart. `limit`: at most so many, then
 * how many more there are (a file of thousands of mistakes is better read a
 * screen at a time).
 */
export function renderDiagnostics(
  ds: readonly Diagnostic[],
  texts: Texts,
  { paint = plain, limit = Infinity }: { paint?: Painter; limit?: number } = {},
): string {
  const textOf = textsIndex(texts);
  const shown = ds.slice(0, limit).map((d) => {
    const found = textOf(d.file);
    return renderDiagnostic(d, found?.text, paint, found?.index);
  });
  if (ds.length > limit) shown.push(`… and ${ds.length - limit} more problems: \`bote validate\` lists them all\n`);
  return shown.join('\n');
}

/** Diagnostics as data, with line and column (1-based) where they have a place: validate --json, the library's errors. */
export function diagnosticsJson(ds: readonly Diagnostic[], texts: Texts) {
  const textOf = textsIndex(texts);
  return ds.map((d) => {
    const index = textOf(d.file)?.index;
    const start = d.span && index ? index.position(d.span.start) : undefined;
    const end = d.span && index ? index.position(d.span.end) : undefined;
    return {
      file: d.file ?? null,
      severity: d.severity ?? 'error',
      code: d.code,
      message: d.message,
      hint: d.hint ?? null,
      line: start?.line ?? null,
      column: start?.column ?? null,
      endLine: end?.line ?? null,
      endColumn: end?.column ?? null,
    };
  });
}
