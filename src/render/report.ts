import type { CheckResult } from '../core/scenario/checks.js';
import { unitOf, type Figure, type Model, type Origin } from '../core/scenario/model.js';
import { CAPACITY_SECTIONS, SECTIONS, type Section } from '../core/scenario/sections.js';
import { capacityRow } from '../core/reference/capacity.js';
import type { Range } from '../core/scenario/range.js';
import { figuresBehind } from '../core/scenario/graph.js';
import type { Conventions } from '../core/units/table.js';
import { withPlainUnit } from '../core/scenario/plain.js';
import { delta } from '../core/analysis/whatif.js';
import { displayOf, inUnit } from './figure.js';

export interface ReportRow {
  name: string;
  /** Unrounded, in `unit`. */
  value: number;
  unit: string;
  display: string;
  /** Assumptions: the quantity as written (or as set, with the figure's unit); results: the formula. */
  text: string;
  /** What --set gave this figure, as typed (a result pinned to a value or a range). */
  set?: string;
  /**
   * With --set: the figure as the scenario gives it, in `unit`, its friendly
   * form, and the change, (value − original) / |original|: 0 when equal, null
   * when the original is 0 and the value is not.
   */
  original?: { value: number; display: string; text: string; change: number | null };
  note?: string;
  /** Pinned with --set. */
  overridden: boolean;
  /** Assumptions written (or set) as a range, in `unit`. */
  range?: { low: number; high: number; dist: string; fellBackToNormal: boolean };
  /** By Monte Carlo, in `unit`, when the scenario holds a range. */
  percentiles?: { p5: number; p50: number; p95: number };
  /** Results: where the figure is shown. */
  section?: Section;
  /** Results: studied by `bote sensitivity NAME` with no result named. */
  headline?: boolean;
  /** Assumptions: who states the value; a value set with --set is the user's, `source`. */
  origin?: Origin;
  /** Assumptions: the `bote ref capacity` row of a default. */
  ref?: string;
  /**
   * Results, with --mental: the whiteboard figure in `unit`, (mental − exact) / exact,
   * and both as a cell shows them ("3 × 10^3, −14%"; render/mental.ts writes it).
   */
  mental?: { value: number; unit: string; error: number; shown: string };
}

/** What the prices behind the cost figures rest on: rows of `bote ref capacity`, or the scenario's own. */
export interface PriceBasis {
  refs: Array<{ id: string; date: string }>;
  /** Prices the scenario's source states (names). */
  stated: string[];
  /** Prices set with --set (names). */
  set: string[];
}

/** What Monte Carlo added: how many samples, from which seed. */
export interface Uncertainty {
  samples: number;
  seed: number;
  /** By figure name, in base units: p5, p50, p95. */
  percentiles: ReadonlyMap<string, readonly [number, number, number]>;
  /** The ranges in play (written or set), in base units. */
  ranges: ReadonlyMap<string, Range>;
}

/** What every output format shows: one estimate of one scenario. */
export interface Report {
  scenario: { name: string; title: string; source?: string; file?: string; conventions: Model['conventions'] };
  assumptions: ReportRow[];
  results: ReportRow[];
  /** Why the scenario has no figure in a section, from its `omitted:`. */
  omitted: ReadonlyMap<Section, string>;
  /** Set when a result is in `cost` and prices stand behind it. */
  prices?: PriceBasis;
  checks: CheckResult[];
  /** Day, month and year in seconds, by the scenario's conventions: durations are shown by them. */
  calendar: Conventions;
  /** True when --set changed the scenario, so published figures no longer apply. */
  checksSkipped: boolean;
  /** Published figures inherited through `extends:` that this variant changes (Model.setAside), unless --set skipped all. */
  checksSetAside: string[];
  uncertainty?: { samples: number; seed: number };
}

export function buildReport(
  model: Model,
  values: Float64Array,
  checks: CheckResult[],
  settings: ReadonlyMap<string, string> = new Map(),
  uncertainty?: Uncertainty,
  /** The scenario's own values, by figure index, when --set changed some: each row then shows its original. */
  original?: Float64Array,
): Report {
  const row = (f: Figure): ReportRow => {
    const { text: unit, factor } = unitOf(f);
    const value = inUnit(values[f.index]!, factor);
    const set = settings.get(f.name);
    // Every result against its original; of the assumptions, only those set.
    const was = f.kind === 'derived' || set !== undefined ? original?.[f.index] : undefined;
    const range = uncertainty?.ranges.get(f.name);
    const p = uncertainty?.percentiles.get(f.name);
    return {
      name: f.name,
      value,
      unit,
      display: displayOf(f, values[f.index]!, model.registry.conventions),
      text: set !== undefined && f.kind === 'assumption' ? withPlainUnit(f, set, model.registry) : f.text,
      ...(set !== undefined ? { set } : {}),
      ...(was !== undefined
        ? {
            original: {
              value: inUnit(was, factor),
              display: displayOf(f, was, model.registry.conventions),
              text: f.text,
              change: delta(was, values[f.index]!),
            },
          }
        : {}),
      ...(f.note !== undefined ? { note: f.note } : {}),
      overridden: set !== undefined,
      ...(range
        ? {
            range: {
              low: inUnit(range.low, factor),
              high: inUnit(range.high, factor),
              dist: range.dist,
              fellBackToNormal: range.fellBackToNormal,
            },
          }
        : {}),
      ...(p && f.kind === 'derived'
        ? { percentiles: { p5: inUnit(p[0], factor), p50: inUnit(p[1], factor), p95: inUnit(p[2], factor) } }
        : {}),
      ...(f.section !== undefined ? { section: f.section } : {}),
      ...(f.headline ? { headline: true } : {}),
      ...(f.kind === 'assumption' ? { origin: set === undefined ? (f.origin ?? 'source') : 'source' } : {}),
      ...(f.ref !== undefined && set === undefined ? { ref: f.ref } : {}),
    };
  };
  const prices = priceBasis(model, settings);
  return {
    scenario: {
      name: model.name,
      title: model.title,
      ...(model.source !== undefined ? { source: model.source } : {}),
      ...(model.file !== undefined ? { file: model.file } : {}),
      conventions: model.conventions,
    },
    assumptions: model.figures.filter((f) => f.kind === 'assumption').map(row),
    results: model.figures.filter((f) => f.kind === 'derived').map(row),
    omitted: model.omitted,
    ...(prices ? { prices } : {}),
    calendar: model.registry.conventions,
    checks: settings.size ? [] : checks,
    checksSkipped: settings.size > 0 && checks.length > 0,
    checksSetAside: settings.size ? [] : model.setAside,
    ...(uncertainty ? { uncertainty: { samples: uncertainty.samples, seed: uncertainty.seed } } : {}),
  };
}

/** The prices the cost figures use: assumptions in money, behind any result in `cost`. */
function priceBasis(model: Model, settings: ReadonlyMap<string, string>): PriceBasis | undefined {
  const cost = model.figures.filter((f) => f.kind === 'derived' && f.section === 'cost').map((f) => f.name);
  if (!cost.length) return undefined;
  const behind = figuresBehind(model, cost, new Set(settings.keys()));
  const prices = model.figures.filter(
    (f) => behind.has(f.name) && (f.kind === 'assumption' || settings.has(f.name)) && f.dim.powerOf('USD') !== 0,
  );
  if (!prices.length) return undefined;
  const set = prices.filter((f) => settings.has(f.name));
  const rows = [...new Set(prices.filter((f) => !settings.has(f.name) && f.ref !== undefined).map((f) => f.ref!))].sort(
    byId,
  );
  return {
    refs: rows.map((id) => ({ id, date: capacityRow(id)!.date })),
    stated: prices.filter((f) => !settings.has(f.name) && f.ref === undefined).map((f) => f.name),
    set: set.map((f) => f.name),
  };
}

/**
 * P1 before P4 before P10: a row of bote ref capacity is named by letters and
 * a number. Not localeCompare(b, 'en', { numeric: true }), which gives the same
 * order: its first call loads ICU's collation data, about 10 ms of every
 * estimate that cites a price.
 */
export function byId(a: string, b: string): number {
  const [, letters = a, digits = ''] = /^(\D*)(\d*)$/.exec(a) ?? [];
  const [, lettersB = b, digitsB = ''] = /^(\D*)(\d*)$/.exec(b) ?? [];
  if (letters !== lettersB) return letters < lettersB ? -1 : 1;
  return Number(digits) - Number(digitsB);
}

/** "prices as of 2026-06-15 (bote ref capacity P6); cdn_price as the source states it". */
export function priceLine(p: PriceBasis): string {
  const parts: string[] = [];
  if (p.refs.length)
    parts.push(
      `prices as of ${[...new Set(p.refs.map((r) => r.date))].join(', ')} (bote ref capacity ${p.refs.map((r) => r.id).join(', ')})`,
    );
  if (p.stated.length) parts.push(`${p.stated.join(', ')} as the source states ${p.stated.length > 1 ? 'them' : 'it'}`);
  if (p.set.length) parts.push(`${p.set.join(', ')} set with --set`);
  return parts.join('; ');
}

/** "2 inherited published figures set aside (qps, dau): this variant changes what they depend on". */
export function setAsideLine(names: readonly string[]): string {
  const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')}...` : names.join(', ');
  return `${names.length} inherited published figure${names.length > 1 ? 's' : ''} set aside (${shown}): this variant changes what ${names.length > 1 ? 'they depend' : 'it depends'} on`;
}

/** One section of the results: its rows, or why it has none. */
export interface ResultGroup {
  section: Section;
  rows: ReportRow[];
  /** A section of the six with no figure: the scenario's reason, or "not estimated by this scenario". */
  empty?: string;
}

/**
 * The results by section, in the order traffic, storage, bandwidth, cache,
 * servers, cost, other; undefined when every result is in `other` (a
 * reference scenario), which is shown as one list as it always was.
 */
export function resultGroups(report: Report): ResultGroup[] | undefined {
  if (report.results.every((r) => (r.section ?? 'other') === 'other')) return undefined;
  return SECTIONS.flatMap((section): ResultGroup[] => {
    const rows = report.results.filter((r) => (r.section ?? 'other') === section);
    if (rows.length) return [{ section, rows }];
    if (!(CAPACITY_SECTIONS as readonly Section[]).includes(section)) return [];
    return [{ section, rows, empty: report.omitted.get(section) ?? 'not estimated by this scenario' }];
  });
}

/** "stated", "default (T1)", "default" or "set": how the assumptions table marks a row. */
export function originLabel(a: ReportRow): string {
  if (a.overridden) return 'set';
  if (a.origin === 'default') return a.ref !== undefined ? `default (${a.ref})` : 'default';
  return 'stated';
}
