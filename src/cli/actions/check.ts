import { compareExpectations, type CheckResult } from '../../core/scenario/checks.js';
import { evaluateModel } from '../../core/scenario/run.js';
import { checkSentence } from '../../render/checks.js';
import { renderDiagnostics } from '../../render/diagnostic.js';
import { envelope } from '../../render/json.js';
import type { Cell, Rows } from '../../render/rows.js';
import type { ChalkInstance } from 'chalk';
import { styleFor, type ColorFlags } from '../style.js';
import { CliError, readOrWhy, type Io } from '../io.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import { findScenario, listScenarios, type ScenarioFile } from '../scenario-files.js';
import { readFrom } from '../load.js';
import { visible } from '../../render/visible.js';

export type CheckFlags = FormatFlags & ColorFlags;

interface ScenarioCheck {
  scenario: string;
  file: string;
  checks: CheckResult[];
  /** Set when the scenario itself does not load. */
  errors?: string[];
}

/**
 * `bote check [scenario...]`: published figures against computed ones; with
 * no argument, every scenario `bote list` shows.
 * Errata are reported, not failed; exit 1 if any figure disagrees without one
 * or a scenario does not load.
 */
export async function checkCommand(io: Io, refs: string[], flags: CheckFlags): Promise<void> {
  const files: ScenarioFile[] = refs.length ? refs.map((r) => findScenario(io, r)) : listScenarios(io);
  const results = files.map((f) => checkFile(io, f));
  const failed = results.some((r) => r.errors || r.checks.some((c) => c.status === 'fail'));
  const format = formatOf(flags);
  await emit(io, format, {
    json: () => envelope({ ok: !failed, scenarios: results.map((r) => ({ ...r, checks: r.checks.map(checkJson) })) }),
    table: () => renderChecks(results, styleFor(io, flags)),
    rows: () => checkRows(results),
  });
  // The rows have no place for a scenario that does not load: its problems go to stderr.
  if (format === 'markdown' || format === 'csv') for (const r of results) if (r.errors) io.stderr(r.errors.join('\n'));
  if (failed) throw new CliError('some published figures disagree', 1, undefined, true);
}

function checkFile(io: Io, f: ScenarioFile): ScenarioCheck {
  const read = readOrWhy(io, f.path);
  if (!read.ok) return { scenario: f.name, file: f.display, checks: [], errors: [`bote: error: ${read.why}\n`] };
  const loaded = readFrom(io, f, read.value);
  if (!loaded.model.ok)
    return {
      scenario: f.name,
      file: f.display,
      checks: [],
      errors: [renderDiagnostics(loaded.model.diagnostics, loaded.texts, { limit: 20 })],
    };
  const model = loaded.model.value;
  const values = evaluateModel(model);
  if (!values.ok)
    return {
      scenario: model.name,
      file: f.display,
      checks: [],
      errors: [renderDiagnostics(values.diagnostics, model.sources)],
    };
  return { scenario: model.name, file: f.display, checks: compareExpectations(model, values.value) };
}

function checkJson(c: CheckResult) {
  return { ...c, ok: c.status === 'ok' };
}

function checkRows(results: ScenarioCheck[]): Rows {
  return {
    columns: ['scenario', 'name', 'published', 'computed', 'unit', 'difference', 'status', 'erratum'],
    rows: results.flatMap((r): Cell[][] =>
      r.errors
        ? [[r.scenario, null, null, null, null, null, 'error', null]]
        : r.checks.map((c) => [r.scenario, c.name, c.published, c.actual, c.unit, c.difference, c.status, c.erratum]),
    ),
  };
}

function renderChecks(results: ScenarioCheck[], style: ChalkInstance): string {
  const out: string[] = [];
  const count = { ok: 0, erratum: 0, fail: 0 };
  for (const r of results) {
    out.push(style.bold(`${r.scenario}`) + style.dim(`  ${r.file}`));
    if (r.errors) {
      out.push(...r.errors.map((e) => style.red(e.trimEnd())));
      count.fail++;
      continue;
    }
    if (!r.checks.length) out.push(style.dim('  no published figures'));
    const width = Math.max(0, ...r.checks.map((c) => c.name.length));
    for (const c of r.checks) {
      count[c.status]++;
      const mark = c.status === 'ok' ? style.green('✓') : c.status === 'erratum' ? style.yellow('!') : style.red('✗');
      const paint = c.status === 'ok' ? (s: string) => s : c.status === 'erratum' ? style.yellow : style.red;
      out.push(`  ${mark} ${c.name.padEnd(width)}  ${paint(checkSentence(c))}`);
      if (c.erratum !== undefined) out.push(style.dim(`      ${visible(c.erratum)}`));
      if (c.note !== undefined) out.push(style.dim(`      ${visible(c.note)}`));
    }
  }
  out.push(
    '',
    `${results.length} scenario${results.length === 1 ? '' : 's'}: ${count.ok} figures agree, ${count.erratum} errata, ${count.fail} failed`,
  );
  return `${out.join('\n')}\n`;
}
