import { errorsOf, type Diagnostic } from '../../core/diagnostic.js';
import { evaluateModel } from '../../core/scenario/run.js';
import { diagnosticsJson, renderDiagnostics } from '../../render/diagnostic.js';
import { envelope } from '../../render/json.js';
import { CliError, type Io } from '../io.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import { readScenario, stdinOnce, type Loaded } from '../load.js';

/**
 * `bote validate <file...>`: every problem of every file, nothing else; for CI
 * and editors. Exit 1 if any file has a problem; notes (a figure named like a
 * unit) are shown and fail nothing.
 */
export async function validateCommand(io: Io, refs: string[], flags: FormatFlags): Promise<void> {
  stdinOnce(refs);
  const reports = refs.map((ref) => reportOf(io, ref));
  const diagnostics = () => reports.flatMap((r) => diagnosticsJson(r.diagnostics, r.texts));
  // `severity` last: the columns before it keep their places.
  const columns = ['file', 'line', 'column', 'code', 'message', 'hint', 'severity'] as const;
  await emit(io, formatOf(flags), {
    json: () =>
      envelope({
        ok: reports.every((r) => !errorsOf(r.diagnostics).length),
        files: reports.map((r) => r.file),
        results: reports.map((r) => ({ file: r.file, ok: !errorsOf(r.diagnostics).length })),
        diagnostics: diagnostics(),
      }),
    // One row per problem, like `diagnostics` of the JSON: a file without problems has none.
    rows: () => ({ columns, rows: diagnostics().map((d) => columns.map((c) => d[c])) }),
    table: () => {
      for (const r of reports) {
        if (r.diagnostics.length) io.stderr(renderDiagnostics(r.diagnostics, r.texts));
        if (!errorsOf(r.diagnostics).length) io.stdout(`${r.file}: ok\n`);
      }
    },
  });
  const count = reports.reduce((n, r) => n + errorsOf(r.diagnostics).length, 0);
  if (count) throw new CliError(`${count} problem${count > 1 ? 's' : ''}`, 1, undefined, true);
}

interface FileReport {
  file: string;
  texts: Loaded['texts'] | undefined;
  diagnostics: Diagnostic[];
}

/**
 * One file's problems. A file that cannot be found or read is one problem
 * among the others (`code: input`), so that every file still gets its result.
 */
function reportOf(io: Io, ref: string): FileReport {
  try {
    const loaded = readScenario(io, ref);
    return { file: loaded.file.display, texts: loaded.texts, diagnostics: problemsOf(loaded) };
  } catch (e) {
    if (!(e instanceof CliError) || e.exitCode !== 1) throw e;
    const diagnostic: Diagnostic = {
      code: 'input',
      message: e.message,
      file: ref,
      ...(e.hint ? { hint: e.hint } : {}),
    };
    return { file: ref, texts: undefined, diagnostics: [diagnostic] };
  }
}

function problemsOf(loaded: Loaded): Diagnostic[] {
  if (!loaded.model.ok) return loaded.model.diagnostics;
  const values = evaluateModel(loaded.model.value);
  return [...loaded.model.value.notes, ...(values.ok ? [] : values.diagnostics)];
}
