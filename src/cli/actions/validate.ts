import { errorsOf, type Diagnostic } from '../../core/diagnostic.js';
import { compileScenario } from '../../core/scenario/compile.js';
import { evaluateModel } from '../../core/scenario/run.js';
import { lineIndex, renderDiagnostics } from '../../render/diagnostic.js';
import { envelope } from '../../render/json.js';
import { CliError, type Io } from '../io.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import { findScenario } from '../scenario-files.js';

/**
 * `bote validate <file...>`: every problem of every file, nothing else; for CI
 * and editors. Exit 1 if any file has a problem; notes (a figure named like a
 * unit) are shown and fail nothing.
 */
export async function validateCommand(io: Io, refs: string[], flags: FormatFlags): Promise<void> {
  const reports = refs.map((ref) => {
    const file = findScenario(io, ref);
    const text = io.readFile(file.path);
    return { file: file.display, text, diagnostics: problemsOf(text, file.display, file.name) };
  });
  const diagnostics = () =>
    reports.flatMap((r) => {
      const index = lineIndex(r.text);
      return r.diagnostics.map((d) => diagnosticJson(d, index));
    });
  // `severity` last: the columns before it keep their places.
  const columns = ['file', 'line', 'column', 'code', 'message', 'hint', 'severity'] as const;
  await emit(io, formatOf(flags), {
    json: () =>
      envelope({
        ok: reports.every((r) => !errorsOf(r.diagnostics).length),
        files: reports.map((r) => r.file),
        diagnostics: diagnostics(),
      }),
    // One row per problem, like `diagnostics` of the JSON: a file without problems has none.
    rows: () => ({ columns, rows: diagnostics().map((d) => columns.map((c) => d[c])) }),
    table: () => {
      for (const r of reports) {
        if (r.diagnostics.length) io.stderr(renderDiagnostics(r.diagnostics, r.text));
        if (!errorsOf(r.diagnostics).length) io.stdout(`${r.file}: ok\n`);
      }
    },
  });
  const count = reports.reduce((n, r) => n + errorsOf(r.diagnostics).length, 0);
  if (count) throw new CliError(`${count} problem${count > 1 ? 's' : ''}`, 1, undefined, true);
}

function problemsOf(text: string, file: string, name: string): Diagnostic[] {
  const compiled = compileScenario(text, { file, name });
  if (!compiled.ok) return compiled.diagnostics;
  const values = evaluateModel(compiled.value);
  return [...compiled.value.notes, ...(values.ok ? [] : values.diagnostics)];
}

function diagnosticJson(d: Diagnostic, index: ReturnType<typeof lineIndex>) {
  const start = d.span ? index.position(d.span.start) : undefined;
  const end = d.span ? index.position(d.span.end) : undefined;
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
}
