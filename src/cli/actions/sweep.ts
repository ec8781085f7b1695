import type { ChalkInstance } from 'chalk';
import { FIGURE_NAME } from '../../core/scenario/names.js';
import { unitOf, type Model } from '../../core/scenario/model.js';
import { readOverrides } from '../../core/scenario/run.js';
import { readShow, readVary, sweepModel, sweepPoints, type SweepResult, type Vary } from '../../core/analysis/sweep.js';
import { alignColumns, chartWidth } from '../../render/charts.js';
import { displayOf, inUnit } from '../../render/figure.js';
import { envelope } from '../../render/json.js';
import { renderLineChart } from '../../render/line-chart.js';
import type { Rows } from '../../render/rows.js';
import { styleFor, type ColorFlags } from '../style.js';
import { CliError, type Io } from '../io.js';
import type { SetFlags } from '../options.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import { orFail } from '../fail.js';
import { loadModel } from '../load.js';
import { visible } from '../../render/visible.js';

export interface SweepFlags extends SetFlags, FormatFlags, ColorFlags {
  vary: string;
  /** Absent: the headline results that the varied assumption moves. */
  show?: string;
  steps: number;
  log?: boolean;
}

/** `bote sweep <scenario> --vary name=FROM..TO --show a,b`: a table and a line chart, or CSV or JSON. */
export async function sweepCommand(io: Io, ref: string, flags: SweepFlags): Promise<void> {
  // Malformed flags are usage errors (2), found before the scenario is read.
  const eq = flags.vary.indexOf('=');
  const name = flags.vary.slice(0, eq).trim();
  const span = flags.vary.slice(eq + 1);
  if (eq < 0 || !FIGURE_NAME.test(name) || !span.includes('..')) {
    throw new CliError(
      `--vary ${flags.vary}: expected NAME=FROM..TO`,
      2,
      'e.g. --vary dau=10M..1bn or --vary media_size="1 MB..1 GB"',
    );
  }
  const show = (flags.show ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (flags.show !== undefined && !show.length)
    throw new CliError(
      '--show: expected one or more comma-separated results',
      2,
      'e.g. --show peak_qps,media_storage_total',
    );

  const model = loadModel(io, ref);
  const vary = orFail(io, readVary(model, name, span, flags.log ?? false), model.sources);
  const overrides = orFail(io, readOverrides(model, flags.set ?? []), model.sources);
  const names = show.length
    ? orFail(io, readShow(model, show), model.sources)
    : await headlinesMoved(model, name, new Set(overrides.keys()));
  const points = sweepPoints(vary.from, vary.to, flags.steps, flags.log ?? false);
  const swept = orFail(io, sweepModel(model, overrides, vary, points, names), model.sources);
  return emit(io, formatOf(flags), {
    json: () => sweepDocument(model, vary, names, swept, flags),
    rows: () => sweepRows(model, vary, names, swept),
    table: () => {
      const style = styleFor(io, flags);
      return `${renderSweep(model, vary, names, swept, flags.log ?? false, style, chartWidth(io.env)).join('\n')}\n`;
    },
  });
}

/**
 * What a sweep without --show shows: the headline results (as `bote
 * sensitivity` picks them) that the varied figure moves; all of them when
 * it moves none. One pass in the model's order, which is the order figures
 * are computed in: a figure moves when it uses one that moves, unless pinned.
 */
async function headlinesMoved(model: Model, varied: string, pinned: ReadonlySet<string>): Promise<string[]> {
  const { headlineResults } = await import('../../core/analysis/sensitivity.js');
  const headlines = headlineResults(model).filter((n) => n !== varied);
  const moving = new Set([varied]);
  for (const f of model.figures)
    if (f.kind === 'derived' && !pinned.has(f.name) && f.uses.some((u) => moving.has(u))) moving.add(f.name);
  const moved = headlines.filter((n) => moving.has(n));
  return moved.length ? moved : headlines;
}

/** Column headers: the name with its unit, `dau (user)`. */
function header(model: Model, name: string): string {
  const unit = unitOf(model.byName.get(name)!).text;
  return unit ? `${name} (${unit})` : name;
}

function renderSweep(
  model: Model,
  vary: Vary,
  names: string[],
  r: SweepResult,
  log: boolean,
  style: ChalkInstance,
  width: number,
): string[] {
  const figure = (n: string) => model.byName.get(n)!;
  const rows = [[header(model, vary.name), ...names.map((n) => header(model, n))]];
  for (const [i, x] of r.points.entries()) {
    rows.push([
      displayOf(figure(vary.name), x, model.registry.conventions),
      ...names.map((n, k) => displayOf(figure(n), r.values[k]![i]!, model.registry.conventions)),
    ]);
  }
  const lines = alignColumns(
    rows,
    rows[0]!.map(() => true),
    [style.cyan],
  );
  const out = [
    style.bold(visible(model.title)),
    style.dim(
      `${vary.name} from ${rows[1]![0]} to ${rows[rows.length - 1]![0]}${log ? ', log-spaced' : ''}; everything else as set`,
    ),
    '',
    style.bold(lines[0]!),
    ...lines.slice(1),
  ];
  // Results that share a unit share a chart; each other unit gets a chart of its own.
  const groups = new Map<string, string[]>();
  for (const n of names) groups.set(unitOf(figure(n)).text, [...(groups.get(unitOf(figure(n)).text) ?? []), n]);
  const x = unitOf(figure(vary.name));
  for (const [unit, members] of groups) {
    out.push('', style.bold(members.join(', ')) + (unit ? style.dim(` (${unit})`) : ''));
    out.push(
      ...renderLineChart(
        {
          xs: r.points.map((p) => inUnit(p, x.factor)),
          xName: vary.name,
          xUnit: x.text,
          yUnit: unit,
          logX: log,
          calendar: model.registry.conventions,
          series: members.map((n) => ({
            name: n,
            ys: r.values[names.indexOf(n)]!.map((v) => inUnit(v, unitOf(figure(n)).factor)),
          })),
          width: Math.min(width, 88),
          height: groups.size > 1 ? 8 : 12,
        },
        style,
      ),
    );
  }
  return out;
}

/** One row per point: values unrounded, in each header's unit (CSV as RFC 4180 with CRLF, like `estimate --format csv`). */
function sweepRows(model: Model, vary: Vary, names: string[], r: SweepResult): Rows {
  const factor = (n: string) => unitOf(model.byName.get(n)!).factor;
  return {
    columns: [vary.name, ...names].map((n) => header(model, n)),
    rows: r.points.map((x, i) => [
      inUnit(x, factor(vary.name)),
      ...names.map((n, k) => inUnit(r.values[k]![i]!, factor(n))),
    ]),
  };
}

/** The JSON form (docs/json.md): one object per point, keyed by figure name, values in each figure's unit. */
function sweepDocument(model: Model, vary: Vary, names: string[], r: SweepResult, flags: SweepFlags) {
  const u = (n: string) => unitOf(model.byName.get(n)!);
  return envelope(
    {
      vary: {
        name: vary.name,
        unit: u(vary.name).text,
        from: inUnit(vary.from, u(vary.name).factor),
        to: inUnit(vary.to, u(vary.name).factor),
        steps: flags.steps,
        log: flags.log ?? false,
      },
      units: Object.fromEntries([vary.name, ...names].map((n) => [n, u(n).text])),
      points: r.points.map((x, i) =>
        Object.fromEntries([
          [vary.name, inUnit(x, u(vary.name).factor)],
          ...names.map((n, k) => [n, inUnit(r.values[k]![i]!, u(n).factor)]),
        ]),
      ),
    },
    model,
  );
}
