import { compareExpectations } from '../../core/scenario/checks.js';
import type { Model } from '../../core/scenario/model.js';
import { evaluateModel, readOverrides, type Overrides, type Setting } from '../../core/scenario/run.js';
import { percentiles, rangesOf, sampleModel } from '../../core/analysis/sample.js';
import { buildReport, type Uncertainty } from '../../render/report.js';
import { reportDocument } from '../../render/json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderCsv } from '../../render/csv.js';
import type { Io } from '../io.js';
import type { SetFlags } from '../options.js';
import type { ColorFlags } from '../style.js';
import { cliLoader, seedOf, type Loader, type ScenarioRef } from '../load.js';
import { emit, formatOf, type FormatFlags } from '../output.js';

export interface EstimateFlags extends SetFlags, FormatFlags, ColorFlags, EstimateOptions {
  samples: number;
  /** Handled before this action: cli/interactive/loop.ts runs instead. */
  interactive?: boolean;
  chart?: boolean;
  /** Handled before this action: cli/watch.ts runs it again on every change. */
  watch?: boolean;
  /** A mental-math column: each result on the whiteboard, and its error (docs/mental-math.md). */
  mental?: boolean;
}

/** What an estimate takes besides the scenario: the command's flags, the library's options. */
export interface EstimateOptions {
  set?: Setting[];
  samples?: number;
  seed?: number;
}

/**
 * One scenario's estimate: load, check, apply --set, evaluate, sample, and
 * gather the report every format prints. `bote estimate --json` prints
 * reportDocument of it, and the library's estimate() returns the same.
 */
export function estimateReport(loader: Loader, ref: ScenarioRef, options: EstimateOptions) {
  const model = loader.model(ref);
  const settings = options.set ?? [];
  const overrides = loader.check(readOverrides(model, settings), model.sources);
  const values = loader.check(evaluateModel(model, overrides), model.sources);
  const uncertainty = sampleIfRanged(loader, model, overrides, options);
  // With --set, every figure beside what the scenario alone gives.
  const original = settings.length ? loader.check(evaluateModel(model), model.sources) : undefined;
  const report = buildReport(
    model,
    values,
    compareExpectations(model, values),
    new Map(settings.map((s) => [s.name, s.text])),
    uncertainty,
    original,
  );
  return { model, overrides, values, report };
}

/** The report with each result as mental math gives it; loaded only when asked, so --json alone never pays for it. */
export async function withMentalMath({ model, overrides, values, report }: ReturnType<typeof estimateReport>) {
  const [{ mentalMath }, { withMental }] = await Promise.all([
    import('../../core/analysis/mental.js'),
    import('../../render/mental.js'),
  ]);
  return withMental(report, mentalMath(model, values, new Set(overrides.keys())));
}

/** `bote estimate <scenario>`: the estimate, in the format asked for. */
export async function estimate(io: Io, ref: string, flags: EstimateFlags): Promise<void> {
  const estimated = estimateReport(cliLoader(io), ref, flags);
  const { model, overrides, values } = estimated;
  const report = flags.mental ? await withMentalMath(estimated) : estimated.report;
  return emit(io, formatOf(flags), {
    json: () => reportDocument(report),
    markdown: () => renderMarkdown(report),
    csv: () => renderCsv(report),
    // Loaded only here: --json never pays for the table and colour libraries.
    table: async () => {
      const [{ renderTable }, { styleFor }] = await Promise.all([
        import('../../render/table.js'),
        import('../style.js'),
      ]);
      const style = styleFor(io, flags);
      if (!flags.chart) return renderTable(report, style);
      const [{ growthSeries }, { renderGrowthCharts }] = await Promise.all([
        import('../../core/analysis/growth.js'),
        import('../../render/charts.js'),
      ]);
      return renderTable(report, style) + renderGrowthCharts(model, growthSeries(model, values, overrides), style);
    },
  });
}

/** Monte Carlo, when any assumption is a range: p5, p50 and p95 of every figure. */
function sampleIfRanged(
  loader: Loader,
  model: Model,
  overrides: Overrides,
  flags: { samples?: number; seed?: number },
): Uncertainty | undefined {
  const ranges = rangesOf(model, overrides);
  if (!ranges.size) return undefined;
  const seed = seedOf(flags);
  // Only the derived figures' columns are read below: the inputs' draws need not be kept.
  const samples = loader.check(
    sampleModel(model, overrides, { samples: flags.samples ?? 10_000, seed }, undefined, 'wanted only'),
    model.sources,
  );
  const table = new Map(
    model.figures
      .filter((f) => f.kind === 'derived')
      .map((f) => {
        // Selected in place: the samples are not read again.
        const column = samples.columns[f.index]!;
        const [p5, p50, p95] = percentiles(column, [5, 50, 95], column);
        return [f.name, [p5!, p50!, p95!] as const];
      }),
  );
  return { samples: samples.samples, seed, percentiles: table, ranges };
}
