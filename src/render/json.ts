import type { Report } from './report.js';

/** The scenario a document is about: a model, or a report's scenario. */
interface About {
  name: string;
  title: string;
  source?: string;
  file?: string;
  conventions: ReadonlyArray<{ unit: string; text: string }>;
}

/**
 * The envelope of every JSON document (docs/json.md): the contract's
 * `version` first, then the scenario it is about, if any, then the body.
 * The estimate says more of its scenario (`full`): its source and the
 * conventions it restates; the other documents name it.
 */
export function envelope<T extends object>(body: T): { version: 1 } & T;
export function envelope<T extends object>(
  body: T,
  scenario: About,
  options?: { full?: false },
): { version: 1; scenario: ScenarioBrief } & T;
export function envelope<T extends object>(
  body: T,
  scenario: About,
  options: { full: true },
): { version: 1; scenario: ScenarioFull } & T;
export function envelope<T extends object>(body: T, scenario?: About, { full = false } = {}) {
  return {
    version: 1 as const,
    ...(scenario ? { scenario: scenarioJson(scenario, full) } : {}),
    ...body,
  };
}

/** The scenario as most documents name it. */
export interface ScenarioBrief {
  name: string;
  title: string;
  file: string | null;
}

/** The scenario as the estimate gives it: its source, and the conventions it restates. */
export interface ScenarioFull extends ScenarioBrief {
  source: string | null;
  conventions?: Record<string, string>;
}

function scenarioJson(s: About, full: boolean): ScenarioBrief | ScenarioFull {
  if (!full) return { name: s.name, title: s.title, file: s.file ?? null };
  return {
    name: s.name,
    title: s.title,
    source: s.source ?? null,
    file: s.file ?? null,
    ...(s.conventions.length ? { conventions: Object.fromEntries(s.conventions.map((c) => [c.unit, c.text])) } : {}),
  };
}

/**
 * The JSON contract, version 1 (docs/json.md), as a plain object that JSON
 * and YAML output print: `value` is unrounded and in `unit`; objects are
 * keyed by figure name in the scenario's order.
 */
export function reportDocument(report: Report) {
  return envelope(
    {
      ...(report.uncertainty ? { sampling: report.uncertainty } : {}),
      assumptions: Object.fromEntries(
        report.assumptions.map((a) => [
          a.name,
          {
            value: a.value,
            unit: a.unit,
            text: a.text,
            origin: a.origin ?? 'source',
            ...(a.ref !== undefined ? { ref: a.ref } : {}),
            ...(a.overridden ? { overridden: true } : {}),
            ...(a.original ? { original: a.original.value, change: a.original.change } : {}),
            ...(a.range ? { range: a.range } : {}),
          },
        ]),
      ),
      results: Object.fromEntries(
        report.results.map((r) => [
          r.name,
          {
            value: r.value,
            unit: r.unit,
            display: r.display,
            expr: r.text,
            section: r.section ?? 'other',
            ...(r.headline ? { headline: true } : {}),
            ...(r.overridden ? { overridden: true, set: r.set } : {}),
            ...(r.original ? { original: r.original.value, change: r.original.change } : {}),
            ...(r.range ? { range: r.range } : {}),
            ...(r.percentiles ? { percentiles: r.percentiles } : {}),
            ...(r.mental ? { mental: { value: r.mental.value, unit: r.mental.unit, error: r.mental.error } } : {}),
          },
        ]),
      ),
      checks: report.checks.map((c) => ({
        name: c.name,
        expected: c.expected,
        actual: c.actual,
        unit: c.unit,
        ok: c.status === 'ok',
        status: c.status,
        tolerance: c.tolerance,
        published: c.published,
        ...(c.erratum !== undefined ? { erratum: c.erratum } : {}),
        ...(c.note !== undefined ? { note: c.note } : {}),
      })),
      ...(report.checksSetAside.length ? { checksSetAside: report.checksSetAside } : {}),
    },
    report.scenario,
    { full: true },
  );
}
