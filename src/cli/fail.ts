// How a command stops on bad input: the diagnostics on stderr, exit code 1.
import type { Diagnostic, Result } from '../core/diagnostic.js';
import { renderDiagnostics, type Texts } from '../render/diagnostic.js';
import { CliError, type Io } from './io.js';

/** Problems printed before `… and N more`: `bote validate` prints every one. */
const SHOWN_PROBLEMS = 100;

/** Prints a failed step's diagnostics and stops with exit code 1. `texts`: the files they point into (Model.sources). */
export function orFail<T>(io: Io, result: Result<T>, texts: Texts): T {
  if (result.ok) return result.value;
  printDiagnostics(io, result.diagnostics, texts);
  throw new CliError(
    `${result.diagnostics.length} problem${result.diagnostics.length > 1 ? 's' : ''}`,
    1,
    undefined,
    true,
  );
}

function printDiagnostics(io: Io, diagnostics: Diagnostic[], texts: Texts): void {
  io.stderr(renderDiagnostics(diagnostics, texts, { limit: SHOWN_PROBLEMS }));
}
