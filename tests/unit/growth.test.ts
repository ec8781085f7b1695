import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { growthSeries } from '../../src/core/analysis/growth.js';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import type { Model } from '../../src/core/scenario/model.js';
import { evaluateModel } from '../../src/core/scenario/run.js';
import { renderGrowthCharts } from '../../src/render/charts.js';
import { makeStyle } from '../../src/render/style.js';
import { ROOT } from '../helpers/run-bote.js';

function load(name: string): Model {
  const r = compileScenario(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8'), { name });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}
function grow(model: Model, overrides = new Map<string, { value: number }>()) {
  const values = evaluateModel(model, overrides);
  if (!values.ok) throw new Error('evaluation failed');
  return growthSeries(model, values.value, overrides);
}
const YEAR = 365 * 86400;

describe('growthSeries', () => {
  it('finds media_storage_total = per day × retention and gives 5 cumulative years', () => {
    const [g, tweets, ...rest] = grow(load('twitter'));
    expect(rest).toEqual([]);
    // The tweets database grows too: 300 M tweets a day × (64 + 140) B × 3 copies, 365 days a year.
    expect(tweets!.name).toBe('text_storage_replicated');
    for (const p of tweets!.points) expect(p.value / (300e6 * 204 * 3 * 365 * p.year)).toBeCloseTo(1, 12);
    expect(g!.name).toBe('media_storage_total');
    expect(g!.horizon).toBe('retention');
    expect(g!.years).toBe(5);
    // Independent arithmetic: 30 TB a day, 365 days a year.
    const perYear = 150e6 * 2 * 0.1 * 1e6 * 365;
    expect(g!.points.map((p) => p.year)).toEqual([1, 2, 3, 4, 5]);
    for (const p of g!.points) expect(p.value / (perYear * p.year)).toBeCloseTo(1, 12);
  });

  it('follows a product through a figure (storage = records × size) but not through ceil(log(...))', () => {
    const names = grow(load('url-shortener')).map((g) => g.name);
    expect(names).toEqual(['records_total', 'storage_total', 'storage_replicated']);
  });

  it('leaves out a cost per month, though it grows with what is stored', () => {
    const model = load('url-shortener');
    expect(model.byName.get('storage_cost')!.uses).toContain('storage_total');
    expect(grow(model).map((g) => g.name)).not.toContain('storage_cost');
  });

  it('ends on a horizon that is not a whole number of years, and honours --set', () => {
    const [g] = grow(load('twitter'), new Map([['retention', { value: 2.5 * YEAR }]]));
    expect(g!.points.map((p) => p.year)).toEqual([1, 2, 2.5]);
  });

  it('drops only a figure that is not finite in some year, not the others', () => {
    // after_first divides by (retention - 1 year): infinite at year 1.
    const r = compileScenario(
      'assumptions:\n  per_day: 1 TB/day\n  retention: 3 year\nderived:\n  total: { expr: per_day * retention, unit: TB }\n  after_first: { expr: per_day * retention / (retention - 1 year), unit: TB/day }\n',
    );
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    const series = grow(r.value);
    expect(series.map((g) => g.name)).toEqual(['total']);
    expect(series[0]!.points.map((p) => p.value / 1e12)).toEqual([365, 730, 1095]);
  });

  it('finds nothing when no result accumulates', () => {
    expect(
      grow(
        load('twitter'),
        new Map([
          ['media_storage_total', { value: 1 }],
          ['text_storage_replicated', { value: 1 }],
        ]),
      ),
    ).toEqual([]);
    expect(renderGrowthCharts(load('twitter'), [], makeStyle(false))).toContain('no result accumulates over a horizon');
  });

  it('draws a bar per year, the value in the result unit at its end', () => {
    const model = load('twitter');
    const text = renderGrowthCharts(model, grow(model), makeStyle(false));
    expect(text).toContain('year 1');
    expect(text).toMatch(/year 5\s+█{40}\s+54\.8 PB/);
    expect(text).toContain('10.9 PB');
  });
});
