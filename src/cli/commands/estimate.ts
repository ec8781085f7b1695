import { compareExpectations } from '../../core/scenario/checks.js';
import { compileScenario } from '../../core/scenario/compile.js';
import type { Model } from '../../core/scenario/model.js';
import { evaluateModel, readOverrides, type Overrides } from '../../core/scenario/run.js';
import { percentiles, rangesOf, sampleModel } from '../../core/uncertainty/sample.js';
import type { Diagnostic, Result } from '../../core/diagnostic.js';
import { buildReport, type Uncertainty } from '../../render/report.js';
import { renderJson } from '../../render/json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderCsv } from '../../render/csv.js';
import { renderDiagnostic } from '../../render/diagnostic.js';
import { CliError, type Io } from '../io.js';
import type { EstimateFlags } from '../main.js';
import { findScenario } from '../scenario-files.js';

/** `bote estimate <scenario>`: load, check, apply --set, evaluate, render. */
export async function estimate(io: Io, ref: string, flags: EstimateFlags): Promise<void> {
  const model = loadModel(io, ref);
  const settings = flags.set ?? [];
  const overrides = orFail(io, readOverrides(model, settings), model.text);
  const values = orFail(io, evaluateModel(model, overrides), model.text);
  const uncertainty = sampleIfRanged(io, model, overrides, flags);
  const report = buildReport(model, values, compareExpectations(model, values), new Map(settings.map((s) => [s.name, s.text])), uncertainty);
  const format = flags.json ? 'json' : flags.format;
  switch (format) {
    case 'json':
      return io.stdout(renderJson(report));
    case 'markdown':
      return io.stdout(renderMarkdown(report));
    case 'csv':
      return io.stdout(renderCsv(report));
    case 'yaml': {
      const [{ stringify }, { reportDocument }] = await Promise.all([import('yaml'), import('../../render/json.js')]);
      return io.stdout(stringify(reportDocument(report)));
    }
    case 'table': {
      const [{ renderTable }, { makeStyle, useColor }] = await Promise.all([import('../../render/table.js'), import('../../render/style.js')]);
      const color = useColor({ isTTY: io.stdoutIsTTY, env: io.env, ...(flags.color !== undefined ? { flag: flags.color } : {}) });
      io.stdout(renderTable(report, makeStyle(color)));
      if (flags.chart) {
        const [{ growthSeries }, { renderGrowthCharts }] = await Promise.all([import('../../core/growth.js'), import('../../render/charts.js')]);
        io.stdout(renderGrowthCharts(model, growthSeries(model, values, overrides), makeStyle(color)));
      }
      return;
    }
    default:
      return format satisfies never;
  }
}

/** Monte Carlo, when any assumption is a range: p5, p50 and p95 of every figure. */
export function sampleIfRanged(io: Io, model: Model, overrides: Overrides, flags: { samples?: number; seed?: number }): Uncertainty | undefined {
  const ranges = rangesOf(model, overrides);
  if (!ranges.size) return undefined;
  // The seed is chosen here, at the edge, so that the core stays deterministic.
  const seed = flags.seed ?? Math.floor(Math.random() * 2 ** 32);
  const samples = orFail(io, sampleModel(model, overrides, { samples: flags.samples ?? 10_000, seed }), model.text);
  const table = new Map(model.figures.filter((f) => f.kind === 'derived').map((f) => {
    const [p5, p50, p95] = percentiles(samples.columns[f.index]!, [5, 50, 95]);
    return [f.name, [p5!, p50!, p95!] as const];
  }));
  return { samples: samples.samples, seed, percentiles: table, ranges };
}

export function loadModel(io: Io, ref: string): Model {
  const file = findScenario(io, ref);
  const text = io.readFile(file.path);
  return orFail(io, compileScenario(text, { file: file.display, name: file.name }), text);
}

/** Prints a failed step's diagnostics and stops with exit code 1. */
export function orFail<T>(io: Io, result: Result<T>, text: string): T {
  if (result.ok) return result.value;
  printDiagnostics(io, result.diagnostics, text);
  throw new CliError(`${result.diagnostics.length} problem${result.diagnostics.length > 1 ? 's' : ''}`, 1, undefined, true);
}

function printDiagnostics(io: Io, diagnostics: Diagnostic[], text: string): void {
  io.stderr(diagnostics.map((d) => renderDiagnostic(d, text)).join('\n'));
}
