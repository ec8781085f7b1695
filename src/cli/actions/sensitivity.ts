import { unitOf, type Model } from '../../core/scenario/model.js';
import { readOverrides } from '../../core/scenario/run.js';
import { headlineResults, sensitivity, type Sensitivity } from '../../core/analysis/sensitivity.js';
import { chartWidth } from '../../render/charts.js';
import { inUnit } from '../../render/figure.js';
import { envelope } from '../../render/json.js';
import type { Rows } from '../../render/rows.js';
import { styleFor, type ColorFlags } from '../style.js';
import { renderShares, renderSwingTable, renderTornado } from '../../render/tornado.js';
import { CliError, type Io } from '../io.js';
import type { SetFlags } from '../options.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import { orFail } from '../fail.js';
import { figureNamed, loadModel, seedOf } from '../load.js';
import { visible } from '../../render/visible.js';

export interface SensitivityFlags extends SetFlags, FormatFlags, ColorFlags {
  samples: number;
  seed?: number;
}

/**
 * `bote sensitivity <scenario> [result]`: the tornado of one-at-a-time swings,
 * then shares of variance; without a result, one of each per headline figure.
 */
export async function sensitivityCommand(
  io: Io,
  ref: string,
  result: string | undefined,
  flags: SensitivityFlags,
): Promise<void> {
  const model = loadModel(io, ref);
  if (result !== undefined) {
    const figure = figureNamed(model, result);
    if (figure.kind === 'assumption') {
      const results = model.figures.filter((f) => f.kind === 'derived').map((f) => f.name);
      throw new CliError(
        `\`${result}\` is an assumption of ${model.name}: nothing else moves it`,
        1,
        `study a result: ${results.join(', ')}`,
      );
    }
  }
  const names = result !== undefined ? [result] : headlineResults(model);
  if (!names.length) throw new CliError(`${model.name} has no results to study: it derives nothing`, 1);
  const overrides = orFail(io, readOverrides(model, flags.set ?? []), model.sources);
  const seed = seedOf(flags);
  const studies = names.map((name) =>
    orFail(io, sensitivity(model, overrides, name, { samples: flags.samples ?? 10_000, seed }), model.sources),
  );
  const one = result !== undefined;
  return emit(io, formatOf(flags), {
    json: () => (one ? sensitivityDocument(model, studies[0]!) : headlinesDocument(model, studies)),
    rows: () => (one ? sensitivityRows(sensitivityDocument(model, studies[0]!)) : headlineRows(model, studies)),
    table: () => {
      const style = styleFor(io, flags);
      let out = [style.bold(visible(model.title))];
      if (!one) out.push(style.dim(`the headline figures: ${names.join(', ')}`));
      for (const s of studies) {
        out.push('');
        if (!one) out.push(style.bold(style.cyan(s.result)));
        if (!s.swings.length) out.push(style.dim(`nothing moves ${s.result}: it is set with --set`));
        // concat, not push(...): a figure with thousands of inputs has a row each.
        else
          out = out.concat(renderTornado(model, s, style, chartWidth(io.env)), '', renderSwingTable(model, s, style));
        out = out.concat('', renderShares(s, style));
      }
      return `${out.join('\n')}\n`;
    },
  });
}

/** The no-result form (docs/json.md): one entry per headline figure, each as the one-result form has it. */
function headlinesDocument(model: Model, studies: readonly Sensitivity[]) {
  return envelope(
    {
      results: studies.map((s) => {
        const { result, swings, variance } = sensitivityDocument(model, s);
        return { result, swings, variance };
      }),
    },
    model,
  );
}

/** Every headline figure's rows, each led by the figure it moves; units in their own column. */
function headlineRows(model: Model, studies: readonly Sensitivity[]): Rows {
  const tables = studies.map((s) => sensitivityDocument(model, s));
  const plain = tables.map((doc) => ({ doc, rows: sensitivityRows(doc, false) }));
  return {
    columns: ['result', 'result unit', ...plain[0]!.rows.columns],
    rows: plain.flatMap(({ doc, rows }) => rows.rows.map((r) => [doc.result.name, doc.result.unit, ...r])),
  };
}

/** The swings, each with its share of the variance (empty when it is not a range); in the JSON's units. */
function sensitivityRows(doc: ReturnType<typeof sensitivityDocument>, unitInHeader = true): Rows {
  const shares = new Map(doc.variance?.shares.map((v) => [v.name, v.share]));
  const swung = new Set(doc.swings.map((w) => w.name));
  const inResult = (name: string) => (unitInHeader && doc.result.unit ? `${name} (${doc.result.unit})` : name);
  return {
    columns: [
      'name',
      'unit',
      'low',
      'high',
      'basis',
      inResult('resultLow'),
      inResult('resultHigh'),
      inResult('swing'),
      'share',
    ],
    rows: [
      ...doc.swings.map((w) => [
        w.name,
        w.unit,
        w.low,
        w.high,
        w.basis,
        w.resultLow,
        w.resultHigh,
        w.swing,
        shares.get(w.name),
      ]),
      ...[...shares]
        .filter(([name]) => !swung.has(name))
        .map(([name, share]) => [name, null, null, null, null, null, null, null, share]),
    ],
  };
}

/** The JSON form (docs/json.md): values in each figure's unit, swings largest first. */
export function sensitivityDocument(model: Model, s: Sensitivity) {
  const result = model.byName.get(s.result)!;
  const r = unitOf(result);
  const inR = (v: number) => inUnit(v, r.factor);
  return envelope(
    {
      result: { name: s.result, unit: r.text, value: inR(s.baseline) },
      swings: s.swings.map((w) => {
        const u = unitOf(model.byName.get(w.name)!);
        return {
          name: w.name,
          unit: u.text,
          low: inUnit(w.low, u.factor),
          high: inUnit(w.high, u.factor),
          basis: w.basis,
          resultLow: inR(w.resultLow),
          resultHigh: inR(w.resultHigh),
          swing: inR(w.swing),
        };
      }),
      variance: s.variance ? { samples: s.variance.samples, seed: s.variance.seed, shares: s.variance.shares } : null,
    },
    model,
  );
}
