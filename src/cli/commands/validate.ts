import type { Diagnostic } from '../../core/diagnostic.js';
import { compileScenario } from '../../core/scenario/compile.js';
import { evaluateModel } from '../../core/scenario/run.js';
import { positionOf, renderDiagnostic } from '../../render/diagnostic.js';
import { CliError, type Io } from '../io.js';
import { findScenario } from '../scenario-files.js';

/**
 * `bote validate <file...>`: every problem of every file, nothing else; for CI
 * and editors. Exit 1 if any file has a problem.
 */
export function validateCommand(io: Io, refs: string[], flags: { json?: boolean }): void {
  const reports = refs.map((ref) => {
    const file = findScenario(io, ref);
    const text = io.readFile(file.path);
    return { file: file.display, text, diagnostics: problemsOf(text, file.display, file.name) };
  });
  if (flags.json) {
    const diagnostics = reports.flatMap((r) => r.diagnostics.map((d) => diagnosticJson(d, r.text)));
    io.stdout(`${JSON.stringify({ version: 1, ok: diagnostics.length === 0, files: reports.map((r) => r.file), diagnostics }, null, 2)}\n`);
  } else {
    for (const r of reports) {
      if (r.diagnostics.length) io.stderr(r.diagnostics.map((d) => renderDiagnostic(d, r.text)).join('\n'));
      else io.stdout(`${r.file}: ok\n`);
    }
  }
  const count = reports.reduce((n, r) => n + r.diagnostics.length, 0);
  if (count) throw new CliError(`${count} problem${count > 1 ? 's' : ''}`, 1, undefined, true);
}

function problemsOf(text: string, file: string, name: string): Diagnostic[] {
  const compiled = compileScenario(text, { file, name });
  if (!compiled.ok) return compiled.diagnostics;
  const values = evaluateModel(compiled.value);
  return values.ok ? [] : values.diagnostics;
}

function diagnosticJson(d: Diagnostic, text: string) {
  const start = d.span ? positionOf(text, d.span.start) : undefined;
  const end = d.span ? positionOf(text, d.span.end) : undefined;
  return {
    file: d.file ?? null, severity: 'error', code: d.code, message: d.message, hint: d.hint ?? null,
    line: start?.line ?? null, column: start?.column ?? null, endLine: end?.line ?? null, endColumn: end?.column ?? null,
  };
}
