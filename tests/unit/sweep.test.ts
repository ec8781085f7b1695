import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import type { Model } from '../../src/core/scenario/model.js';
import { readShow, readVary, sweepModel, sweepPoints } from '../../src/core/analysis/sweep.js';
import { renderLineChart } from '../../src/render/line-chart.js';
import { makeStyle } from '../../src/render/style.js';
import { ROOT } from '../helpers/run-bote.js';

function load(name: string): Model {
  const r = compileScenario(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8'), { name });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}
function value<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error('failed');
  return r.value;
}
function problem(r: { ok: true } | { ok: false; diagnostics: Array<{ message: string; hint?: string }> }): string {
  if (r.ok) throw new Error('expected a failure');
  return r.diagnostics.map((d) => `${d.message} | ${d.hint ?? ''}`).join('\n');
}

describe('sweepPoints', () => {
  it('spaces evenly, ends included', () => {
    expect(sweepPoints(0, 10, 5)).toEqual([0, 2.5, 5, 7.5, 10]);
  });
  it('spaces geometrically with log', () => {
    const p = sweepPoints(1e7, 1e9, 3, true);
    expect(p[0]).toBe(1e7);
    expect(p[1]! / 1e8).toBeCloseTo(1, 12);
    expect(p[2]).toBe(1e9);
  });
});

describe('sweep of twitter', () => {
  const model = load('twitter');

  it('dau 10M..1bn --log with 3 steps gives 10M, 100M, 1bn and qps in proportion', () => {
    const vary = value(readVary(model, 'dau', '10M..1bn', true));
    expect(vary).toEqual({ name: 'dau', from: 1e7, to: 1e9 });
    const r = value(sweepModel(model, new Map(), vary, sweepPoints(vary.from, vary.to, 3, true), ['qps', 'peak_qps']));
    expect(r.points[0]).toBe(1e7);
    expect(r.points[1]! / 1e8).toBeCloseTo(1, 12);
    expect(r.points[2]).toBe(1e9);
    // Independent arithmetic: 2 tweets per user per day, peak ×2.
    r.points.forEach((dau, i) => {
      expect(r.values[0]![i]! / ((dau * 2) / 86400)).toBeCloseTo(1, 12);
      expect(r.values[1]![i]! / ((dau * 4) / 86400)).toBeCloseTo(1, 12);
    });
  });

  it('reads a plain number in the figure unit and a quantity in its own', () => {
    expect(value(readVary(model, 'media_size', '1..3', false))).toEqual({ name: 'media_size', from: 1e6, to: 3e6 });
    expect(value(readVary(model, 'media_size', '1 kB/tweet..1 MB/tweet', false))).toEqual({
      name: 'media_size',
      from: 1e3,
      to: 1e6,
    });
  });

  it('refuses unknown names with a suggestion, the wrong dimension, FROM >= TO and --log from zero', () => {
    expect(problem(readVary(model, 'dua', '1..2', false))).toMatch(/did you mean `dau`/);
    expect(problem(readShow(model, ['qps', 'qsp']))).toMatch(/did you mean `qps`/);
    expect(problem(readVary(model, 'dau', '10 MB..1 GB', false))).toMatch(/`dau` is in user, not MB/);
    expect(problem(readVary(model, 'dau', '1bn..10M', false))).toMatch(/FROM must be below TO/);
    expect(problem(readVary(model, 'dau', '5..5', false))).toMatch(/FROM must be below TO/);
    expect(problem(readVary(model, 'dau', '0..10M', true))).toMatch(/--log needs FROM above zero/);
    // daily_active is written 50%: a plain 10 would be 1000%.
    expect(problem(readVary(model, 'daily_active', '10..90', false))).toMatch(/10 for a percentage: 10% or 1000%\?/);
    expect(value(readVary(model, 'daily_active', '10%..90%', false))).toEqual({
      name: 'daily_active',
      from: 0.1,
      to: 0.9,
    });
  });

  it('keeps --set values for everything else', () => {
    const vary = value(readVary(model, 'retention', '1..2', false));
    const r = value(
      sweepModel(model, new Map([['media_size', { value: 2e6 }]]), vary, [365 * 86400], ['media_storage_total']),
    );
    // 150 M users × 2 × 10% × 2 MB × 365 days.
    expect(r.values[0]![0]! / (150e6 * 2 * 0.1 * 2e6 * 365)).toBeCloseTo(1, 12);
  });
});

describe('line chart', () => {
  it('draws braille with markers, axis labels in friendly units and no colour codes when plain', () => {
    const lines = renderLineChart(
      {
        xs: [1e7, 1e8, 1e9],
        xName: 'dau',
        xUnit: 'user',
        yUnit: 'tweet/s',
        logX: true,
        series: [
          { name: 'qps', ys: [231, 2315, 23148] },
          { name: 'peak_qps', ys: [463, 4630, 46296] },
        ],
      },
      makeStyle(false),
    );
    const text = lines.join('\n');
    expect(text).toMatch(/[\u2801-\u28ff]/);
    expect(text).toContain('● qps');
    expect(text).toContain('○ peak_qps');
    expect(text).toContain('46.3 K tweet/s');
    expect(text).toContain('10 M user');
    expect(text).toContain('1 bn user');
    expect(text).toContain('dau (log scale)');
    expect(text).not.toContain('\u001b');
  });
});
