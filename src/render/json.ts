import type { Report } from './report.js';

/**
 * The JSON contract, version 1 (docs/json.md), as a plain object that JSON
 * and YAML output print: `value` is unrounded and in `unit`; objects are
 * keyed by figure name in the scenario's order.
 */
export function reportDocument(report: Report) {
  const { scenario } = report;
  return {
    version: 1,
    scenario: {
      name: scenario.name,
      title: scenario.title,
      source: scenario.source ?? null,
      file: scenario.file ?? null,
      ...(scenario.conventions.length ? { conventions: Object.fromEntries(scenario.conventions.map((c) => [c.unit, c.text])) } : {}),
    },
    ...(report.uncertainty ? { sampling: report.uncertainty } : {}),
    assumptions: Object.fromEntries(
      report.assumptions.map((a) => [a.name, {
        value: a.value, unit: a.unit, text: a.text, origin: a.origin ?? 'source', ...(a.ref !== undefined ? { ref: a.ref } : {}),
        ...(a.overridden ? { overridden: true } : {}),
        ...(a.range ? { range: a.range } : {}),
      }]),
    ),
    results: Object.fromEntries(
      report.results.map((r) => [r.name, {
        value: r.value, unit: r.unit, display: r.display, expr: r.text, section: r.section ?? 'other',
        ...(r.headline ? { headline: true } : {}), ...(r.overridden ? { overridden: true } : {}),
        ...(r.range ? { range: r.range } : {}),
        ...(r.percentiles ? { percentiles: r.percentiles } : {}),
      }]),
    ),
    checks: report.checks.map((c) => ({
      name: c.name, expected: c.expected, actual: c.actual, unit: c.unit, ok: c.status === 'ok',
      status: c.status, tolerance: c.tolerance, published: c.published, ...(c.erratum !== undefined ? { erratum: c.erratum } : {}), ...(c.note !== undefined ? { note: c.note } : {}),
    })),
  };
}
