// Errors are values with a place.

/**
 * A place in the text of `file`: 0-based UTF-16 code unit offsets; line and
 * column are worked out only when rendered.
 */
export interface Span {
  start: number;
  end: number;
}

export type DiagnosticCode =
  | 'yaml-syntax'
  | 'yaml-limit'
  | 'schema'
  | 'reserved-name'
  | 'name-is-unit'
  | 'syntax'
  | 'unknown-name'
  | 'unknown-unit'
  | 'unknown-function'
  | 'unit-mismatch'
  | 'declared-unit'
  | 'bad-argument'
  | 'cycle'
  | 'not-finite'
  | 'bad-override'
  | 'bad-expect'
  | 'unknown-ref'
  | 'unsourced-default'
  | 'omitted-has-figures'
  | 'bad-extends'
  // An assumption no formula uses (a warning).
  | 'unused'
  // A scenario that cannot be found or read (`bote validate` of several files).
  | 'input'
  // A request beyond the memory budget (Monte Carlo, sweep).
  | 'too-large';

export interface Diagnostic {
  code: DiagnosticCode;
  /**
   * Absent: an error. A note informs and a warning points at a likely slip
   * (`validate` shows both); neither fails a command.
   */
  severity?: 'error' | 'warning' | 'note';
  message: string;
  /** What to do about it, as one sentence. */
  hint?: string;
  /** File name as the user gave it; absent for command-line input. */
  file?: string;
  span?: Span;
}

/** Thrown only inside the core's own passes and caught at their edge. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'DiagnosticError';
  }
}

/** One problem at a place, to throw from deep inside parsing or checking. */
export function problem(code: DiagnosticCode, message: string, span: Span, hint?: string): DiagnosticError {
  return new DiagnosticError([{ code, message, span, ...(hint ? { hint } : {}) }]);
}

export type Result<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

/** Errors only: what fails a command. */
export const errorsOf = (ds: readonly Diagnostic[]): Diagnostic[] =>
  ds.filter((d) => d.severity === undefined || d.severity === 'error');

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(...diagnostics: Diagnostic[]): Result<T> => ({ ok: false, diagnostics });
