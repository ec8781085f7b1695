import type { CheckResult } from '../core/scenario/checks.js';
import type { Figure, Model } from '../core/scenario/model.js';
import type { Range } from '../core/uncertainty/range.js';
import { unitOf } from '../core/explain.js';
import type { Conventions } from '../core/units/table.js';
import { displayOf, inUnit } from './figure.js';

export interface ReportRow {
  name: string;
  /** Unrounded, in `unit`. */
  value: number;
  unit: string;
  display: string;
  /** Assumptions: the quantity as written (or as set); results: the formula. */
  text: string;
  note?: string;
  /** Pinned with --set. */
  overridden: boolean;
  /** Assumptions written (or set) as a range, in `unit`. */
  range?: { low: number; high: number; dist: string; fellBackToNormal: boolean };
  /** By Monte Carlo, in `unit`, when the scenario holds a range. */
  percentiles?: { p5: number; p50: number; p95: number };
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
  checks: CheckResult[];
  /** Day, month and year in seconds, by the scenario's conventions: durations are shown by them. */
  calendar: Conventions;
  /** True when --set changed the scenario, so published figures no longer apply. */
  checksSkipped: boolean;
  uncertainty?: { samples: number; seed: number };
}

export function buildReport(
  model: Model, values: Float64Array, checks: CheckResult[], settings: ReadonlyMap<string, string> = new Map(), uncertainty?: Uncertainty,
): Report {
  const row = (f: Figure): ReportRow => {
    const { text: unit, factor } = unitOf(f);
    const value = inUnit(values[f.index]!, factor);
    const set = settings.get(f.name);
    const range = uncertainty?.ranges.get(f.name);
    const p = uncertainty?.percentiles.get(f.name);
    return {
      name: f.name, value, unit, display: displayOf(f, values[f.index]!, model.registry.conventions), text: set ?? f.text,
      ...(f.note !== undefined ? { note: f.note } : {}), overridden: set !== undefined,
      ...(range ? { range: { low: inUnit(range.low, factor), high: inUnit(range.high, factor), dist: range.dist, fellBackToNormal: range.fellBackToNormal } } : {}),
      ...(p && f.kind === 'derived' ? { percentiles: { p5: inUnit(p[0], factor), p50: inUnit(p[1], factor), p95: inUnit(p[2], factor) } } : {}),
    };
  };
  return {
    scenario: {
      name: model.name, title: model.title,
      ...(model.source !== undefined ? { source: model.source } : {}),
      ...(model.file !== undefined ? { file: model.file } : {}),
      conventions: model.conventions,
    },
    assumptions: model.figures.filter((f) => f.kind === 'assumption').map(row),
    results: model.figures.filter((f) => f.kind === 'derived').map(row),
    calendar: model.registry.conventions,
    checks: settings.size ? [] : checks,
    checksSkipped: settings.size > 0 && checks.length > 0,
    ...(uncertainty ? { uncertainty: { samples: uncertainty.samples, seed: uncertainty.seed } } : {}),
  };
}
