import { describe, expect, it } from 'vitest';
import { compareExpectations } from '../../src/core/scenario/checks.js';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import { evaluateModel } from '../../src/core/scenario/run.js';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

/** A scenario whose figure `storage` is exactly 36.5 TB (100 GB/day for 365 days), expecting `published`. */
function check(published: string) {
  const text = lines(
    'assumptions:',
    '  per_day: 100 GB/day',
    '  retention: 1 year',
    'derived:',
    '  storage: { expr: per_day * retention, unit: TB }',
    'expect:',
    `  storage: ${published}`,
  );
  const compiled = compileScenario(text);
  if (!compiled.ok) throw new Error(compiled.diagnostics[0]!.message);
  const values = evaluateModel(compiled.value);
  if (!values.ok) throw new Error(values.diagnostics[0]!.message);
  const [result] = compareExpectations(compiled.value, values.value);
  return result!;
}

describe('compareExpectations', () => {
  it.each<[string, 'ok' | 'fail' | 'erratum', number, number, number]>([
    // [published, status, expected in the published unit, tolerance, difference]
    ['36.5 TB', 'ok', 36.5, 0.01, 0],
    ['36.5 TB/day * 1 day', 'ok', 36.5, 0.01, 0],
    ['36.6 TB', 'ok', 36.6, 0.01, 36.5 / 36.6 - 1],
    ['37 TB', 'fail', 37, 0.01, 36.5 / 37 - 1],
    ['~37 TB', 'ok', 37, 0.1, 36.5 / 37 - 1],
    ['~40 TB', 'ok', 40, 0.1, 36.5 / 40 - 1],
    ['~41 TB', 'fail', 41, 0.1, 36.5 / 41 - 1],
    ['36500 GB', 'ok', 36500, 0.01, 0],
    ['33.2 TiB', 'ok', 33.2, 0.01, 36.5e12 / 2 ** 40 / 33.2 - 1],
    ['"  ~ 36 TB"', 'ok', 36, 0.1, 36.5 / 36 - 1],
    ['{ value: 365 TB, erratum: a factor of ten }', 'erratum', 365, 0.01, 36.5 / 365 - 1],
    // An erratum that the scenario reproduces is a failure: the mistake is copied.
    ['{ value: 36.5 TB, erratum: a factor of ten }', 'fail', 36.5, 0.01, 0],
    ['{ value: ~37 TB, erratum: wrong }', 'fail', 37, 0.1, 36.5 / 37 - 1],
  ])('%s', (published, status, expected, tolerance, difference) => {
    const r = check(published);
    expect(r.status).toBe(status);
    expect(r.expected).toBeCloseTo(expected, 9);
    expect(r.tolerance).toBe(tolerance);
    expect(r.difference).toBeCloseTo(difference, 9);
    expect(r.name).toBe('storage');
  });

  it('reports the actual value in the published unit', () => {
    expect(check('36500 GB').actual).toBeCloseTo(36500, 6);
    expect(check('36.5 TB').unit).toBe('TB');
    expect(check('~37 TB').published).toBe('~37 TB');
  });

  it('keeps the erratum text', () => {
    const r = check('{ value: 365 TB, erratum: a factor of ten }');
    expect(r.erratum).toBe('a factor of ten');
    expect('erratum' in check('36.5 TB')).toBe(false);
  });

  it('keeps the note on a published figure', () => {
    expect(check('{ value: 36.5 TB, note: table 2 of the source }').note).toBe('table 2 of the source');
    expect('note' in check('36.5 TB')).toBe(false);
  });

  it('a figure of 0 agrees only with 0', () => {
    const text = lines('assumptions:', '  x1: 0 GB', '  x2: 1 GB', 'expect:', '  x1: 0 GB', '  x2: 0 GB');
    const compiled = compileScenario(text);
    if (!compiled.ok) throw new Error(compiled.diagnostics[0]!.message);
    const values = evaluateModel(compiled.value);
    if (!values.ok) throw new Error('eval');
    const [zero, one] = compareExpectations(compiled.value, values.value);
    expect(zero!.status).toBe('ok');
    expect(one!.status).toBe('fail');
    expect(one!.difference).toBe(Infinity);
  });

  it('the tolerance edge: exactly 1% off agrees', () => {
    // 36.5 / (36.5 / 1.01) - 1 is 1% up to float noise, forgiven by 1e-12.
    const edge = (36.5 / 1.01).toPrecision(17);
    expect(check(`${edge} TB`).status).toBe('ok');
    expect(check(`${(36.5 / 1.0101).toPrecision(17)} TB`).status).toBe('fail');
  });
});
