import { compareExpectations } from '../../core/scenario/checks.js';
import type { Model } from '../../core/scenario/model.js';
import { evaluateModel, readOverrides, type Overrides } from '../../core/scenario/run.js';
import { percentiles, rangesOf, sampleModel } from '../../core/analysis/sample.js';
import { buildReport, type Uncertainty } from '../../render/report.js';
import { reportDocument } from '../../render/json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderCsv } from '../../render/csv.js';
import type { Io } from '../io.js';
import type { SetFlags } from '../options.js';
import type { ColorFlags } from '../style.js';
import { loadModel, orFail, seedOf } from '../load.js';
import { emit, formatOf, type FormatFlags } from '../output.js';

export interface EstimateFlags extends SetFlags, FormatFlags, ColorFlags {
  samples: number;
  seed?: number;
  /** Handled before this action: cli/interactive/loop.ts runs instead. */
  interactive?: boolean;
  chart?: boolean;
  /** A mental-math column: each result on the whiteboard, and its error (docs/mental-math.md). */
  mental?: boolean;
}

/** `bote estimate <scenario>`: load, check, apply --set, evaluate, render. */
export async function estimate(io: Io, ref: string, flags: EstimateFlags): Promise<void> {
  const model = loadModel(io, ref);
  const settings = flags.set ?? [];
  const overrides = orFail(io, readOverrides(model, settings), model.text);
  const values = orFail(io, evaluateModel(model, overrides), model.text);
  const uncertainty = sampleIfRanged(io, model, overrides, flags);
  let report = buildReport(
    model,
    values,
    compareExpectations(model, values),
    new Map(settings.map((s) => [s.name, s.text])),
    uncertainty,
  );
  if (flags.mental) {
    // Loaded only here, like the table: --json without --mental never pays for it.
    const [{ mentalMath }, { withMental }] = await Promise.all([
      import('../../core/analysis/mental.js'),
      import('../../render/mental.js'),
    ]);
    report = withMental(report, mentalMath(model, values, new Set(overrides.keys())));
  }
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
export function sampleIfRanged(
  io: Io,
  model: Model,
  overrides: Overrides,
  flags: { samples?: number; seed?: number },
): Uncertainty | undefined {
  const ranges = rangesOf(model, overrides);
  if (!ranges.size) return undefined;
  const seed = seedOf(flags);
  const samples = orFail(io, sampleModel(model, overrides, { samples: flags.samples ?? 10_000, seed }), model.text);
  const table = new Map(
    model.figures
      .filter((f) => f.kind === 'derived')
      .map((f) => {
        const [p5, p50, p95] = percentiles(samples.columns[f.index]!, [5, 50, 95]);
        return [f.name, [p5!, p50!, p95!] as const];
      }),
  );
  return { samples: samples.samples, seed, percentiles: table, ranges };
}
