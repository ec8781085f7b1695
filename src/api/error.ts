import type { Diagnostic } from '../core/diagnostic.js';
import { diagnosticsJson, renderDiagnostics, type Texts } from '../render/diagnostic.js';
import { CliError, errorText, type FileReader } from '../cli/io.js';
import { readScenario, type Loader } from '../cli/load.js';

/** A problem with a place, as `bote validate --json` gives it; line and column are 1-based. */
export interface BoteDiagnostic {
  /** The file as messages name it (`./mine.yaml`, `scenarios/twitter.yaml`, `<yaml>`, `expression`); null for an option. */
  file: string | null;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  /**
   * What kind of problem: a code of docs/json.md's diagnostics (`unknown-unit`,
   * `cycle`, ...), or `input` (a scenario not found) or `usage` (a wrong option).
   */
  code: string;
  severity: 'error' | 'warning' | 'note';
  message: string;
  hint: string | null;
}

/**
 * What the library throws for bad input: `message` is what the command line
 * prints for the same mistake (without colour), `diagnostics` the same
 * problems as data.
 */
export class BoteError extends Error {
  override readonly name = 'BoteError';
  readonly diagnostics: BoteDiagnostic[];

  constructor(message: string, diagnostics: BoteDiagnostic[]) {
    super(message);
    this.diagnostics = diagnostics;
  }
}

/** Diagnostics as the command line prints them, thrown. */
function diagnosticsError(ds: readonly Diagnostic[], texts: Texts): BoteError {
  return new BoteError(renderDiagnostics(ds, texts).trimEnd(), diagnosticsJson(ds, texts));
}

/** The steps of the commands, stopping with a BoteError where the command line would print and exit. */
export function libraryLoader(files: FileReader): Loader {
  const check: Loader['check'] = (result, texts) => {
    if (result.ok) return result.value;
    throw diagnosticsError(result.diagnostics, texts);
  };
  return {
    check,
    model(ref) {
      const loaded = readScenario(files, ref);
      return check(loaded.model, loaded.texts);
    },
  };
}

/** Runs a step of the library: a mistake the command line says in one line (no scenario of that name) is a BoteError too. */
export function guarded<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    const diagnostic: BoteDiagnostic = {
      file: null,
      line: null,
      column: null,
      endLine: null,
      endColumn: null,
      code: e.exitCode === 2 ? 'usage' : 'input',
      severity: 'error',
      message: e.message,
      hint: e.hint ?? null,
    };
    throw new BoteError(errorText(e).trimEnd(), [diagnostic]);
  }
}
