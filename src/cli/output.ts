import type { Rows } from '../render/rows.js';
import type { Io } from './io.js';

/** What every command that prints results accepts with `-f, --format`. */
export const FORMATS = ['table', 'json', 'markdown', 'csv', 'yaml'] as const;
export type Format = (typeof FORMATS)[number];

/** `--json` is the same as `--format json`, and wins over `--format`. */
export interface FormatFlags {
  format?: Format;
  json?: boolean;
}

export function formatOf(flags: FormatFlags): Format {
  return flags.json ? 'json' : (flags.format ?? 'table');
}

export interface Output {
  json: () => unknown;
  /** The terminal form, the only one with colour; it may print for itself (e.g. to stderr) and return nothing. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a form that prints for itself is a function that returns nothing
  table: () => string | void | Promise<string | void>;
  /** The results as one table, for markdown and csv, unless the command has its own forms of those. */
  rows?: () => Rows;
  markdown?: () => string;
  csv?: () => string;
  compact?: boolean;
}

/**
 * Prints a command's results in the chosen format. `json` is the document of
 * docs/json.md (yaml prints the same object). Only the chosen form is built.
 * `compact`: JSON on one line, as `calc --json` prints it.
 */
export async function emit(io: Io, format: Format, out: Output): Promise<void> {
  switch (format) {
    case 'json':
      return io.stdout(`${out.compact ? JSON.stringify(out.json()) : JSON.stringify(out.json(), null, 2)}\n`);
    case 'yaml': {
      const { stringify } = await import('yaml');
      return io.stdout(stringify(out.json()));
    }
    case 'markdown':
    case 'csv': {
      const own = out[format];
      if (own) return io.stdout(own());
      const { renderRows } = await import('../render/rows.js');
      return io.stdout(renderRows(format, out.rows!()));
    }
    case 'table': {
      const text = await out.table();
      if (text !== undefined) io.stdout(text);
      return;
    }
    default:
      return format satisfies never;
  }
}
