import type { Model } from './model.js';

export type CheckStatus = 'ok' | 'fail' | 'erratum';

/** A published figure set against the computed one, both in the published unit. */
export interface CheckResult {
  name: string;
  /** The published figure as written, e.g. "~3500 tweet/s". */
  published: string;
  expected: number;
  actual: number;
  unit: string;
  /** Allowed relative difference: 0.1 for "~", else 0.01. */
  tolerance: number;
  /** (actual - expected) / expected. */
  difference: number;
  /** `erratum`: the source is known to be wrong and the scenario says why. */
  status: CheckStatus;
  erratum?: string;
  /** The scenario's note on this published figure (where in the source, how it was rounded). */
  note?: string;
}

/**
 * Compares each expectation with its figure. A figure that disagrees with a
 * published value marked as an erratum is the expected outcome; one that
 * agrees with it means the scenario reproduces the mistake, which fails.
 */
export function compareExpectations(model: Model, values: Float64Array): CheckResult[] {
  return model.expectations.map((e) => {
    const figure = model.byName.get(e.name)!;
    const expected = e.value / e.unit.factor;
    const actual = values[figure.index]! / e.unit.factor;
    const difference = expected === 0 ? (actual === 0 ? 0 : Infinity) : (actual - expected) / Math.abs(expected);
    const agrees = Math.abs(difference) <= e.tolerance + 1e-12;
    const status: CheckStatus = e.erratum !== undefined ? (agrees ? 'fail' : 'erratum') : agrees ? 'ok' : 'fail';
    return {
      name: e.name,
      published: e.text,
      expected,
      actual,
      unit: e.unit.text,
      tolerance: e.tolerance,
      difference,
      status,
      ...(e.erratum !== undefined ? { erratum: e.erratum } : {}),
      ...(e.note !== undefined ? { note: e.note } : {}),
    };
  });
}
