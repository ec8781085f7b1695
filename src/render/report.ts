import type { CheckResult } from '../core/scenario/checks.js';
import type { Figure, Model } from '../core/scenario/model.js';
import { formatDisplay } from './number.js';

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
}

/** What every output format shows: one estimate of one scenario. */
export interface Report {
  scenario: { name: string; title: string; source?: string; file?: string; conventions: Model['conventions'] };
  assumptions: ReportRow[];
  results: ReportRow[];
  checks: CheckResult[];
  /** True when --set changed the scenario, so published figures no longer apply. */
  checksSkipped: boolean;
}

export function buildReport(model: Model, values: Float64Array, checks: CheckResult[], settings: ReadonlyMap<string, string> = new Map()): Report {
  const row = (f: Figure): ReportRow => {
    const unit = f.unit?.text ?? (f.dim.isNone ? '' : String(f.dim));
    const value = values[f.index]! / (f.unit?.factor ?? 1);
    const set = settings.get(f.name);
    return {
      name: f.name, value, unit, display: formatDisplay(value, unit), text: set ?? f.text,
      ...(f.note !== undefined ? { note: f.note } : {}), overridden: set !== undefined,
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
    checks: settings.size ? [] : checks,
    checksSkipped: settings.size > 0 && checks.length > 0,
  };
}
