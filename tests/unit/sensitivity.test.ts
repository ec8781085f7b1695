import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import type { Model } from '../../src/core/scenario/model.js';
import { readOverrides } from '../../src/core/scenario/run.js';
import {
  headlineResults,
  sensitivity,
  swingEnds,
  swings,
  varianceShares,
} from '../../src/core/analysis/sensitivity.js';
import { ROOT } from '../helpers/run-bote.js';

function load(name: string): Model {
  const r = compileScenario(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8'), { name });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}
function set(model: Model, settings: Record<string, string>) {
  const r = readOverrides(
    model,
    Object.entries(settings).map(([name, text]) => ({ name, text })),
  );
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}
function value<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error('failed');
  return r.value;
}

// Independent arithmetic: 300 M users × 50% × 2 tweets × 10% × 1 MB × 5 × 365 days = 54.75 PB.
const TOTAL = 300e6 * 0.5 * 2 * 0.1 * 1e6 * 5 * 365;

describe('one-at-a-time swings', () => {
  const model = load('twitter');
  const s = value(swings(model, new Map(), 'media_storage_total'));

  it('swings media_storage_total exactly ±50% with media_size ±50%', () => {
    expect(s.baseline).toBeCloseTo(TOTAL, 0);
    const m = s.swings.find((w) => w.name === 'media_size')!;
    expect(m.basis).toBe('half');
    expect(m.low).toBeCloseTo(0.5e6, 6);
    expect(m.high).toBeCloseTo(1.5e6, 6);
    expect(m.resultLow / TOTAL).toBeCloseTo(0.5, 12);
    expect(m.resultHigh / TOTAL).toBeCloseTo(1.5, 12);
    expect(m.swing / TOTAL).toBeCloseTo(1, 12);
  });

  it('lists only the inputs the result depends on: peak_factor does not move storage', () => {
    expect(s.swings.map((w) => w.name).sort()).toEqual([
      'daily_active',
      'mau',
      'media_share',
      'media_size',
      'retention',
      'tweets_per_user',
    ]);
  });

  it('uses a range p5..p95 and sorts by swing; a --set derived figure becomes an input', () => {
    const overrides = set(model, { dau: '100M to 300M', tweets_per_user: '1 to 9 tweet/user/day' });
    const r = value(swings(model, overrides, 'qps'));
    expect(r.swings.map((w) => w.name)).toEqual(['tweets_per_user', 'dau']);
    const [t, d] = r.swings as [(typeof r.swings)[0], (typeof r.swings)[0]];
    // Medians: dau √(100M·300M), tweets √(1·9) = 3 per day.
    const dau = Math.sqrt(100e6 * 300e6);
    expect(r.baseline).toBeCloseTo((dau * 3) / 86400, 6);
    expect(t.resultLow).toBeCloseTo((dau * 1) / 86400, 6);
    expect(t.resultHigh).toBeCloseTo((dau * 9) / 86400, 6);
    expect(d.basis).toBe('range');
    expect(d.resultLow).toBeCloseTo((100e6 * 3) / 86400, 6);
    expect(d.resultHigh).toBeCloseTo((300e6 * 3) / 86400, 6);
  });

  it('puts the result low on the right when it falls as the input grows', () => {
    const m = load('url-shortener');
    const r = value(swings(m, set(m, { url_size: '50 to 200 B/url' }), 'storage_total'));
    expect(r.swings[0]!.name).toBe('url_size');
    expect(r.swings.every((w) => w.resultLow <= w.resultHigh)).toBe(true);
  });

  it('measures a result that does not move one way by all it reached, not by its two ends alone', () => {
    const r = compileScenario('name: v\nassumptions:\n  x: 2\n  y: 3\nderived:\n  v: abs(x - 1) + y * 0\n');
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    // x from -1 to 3 around its median 1: v is 2 at both ends and 0 between them.
    const {
      baseline,
      swings: [x, y],
    } = value(swings(r.value, set(r.value, { x: '-1 to 3' }), 'v'));
    expect(baseline).toBe(0);
    expect(x).toMatchObject({ name: 'x', resultLow: 2, resultHigh: 2, swing: 2 });
    expect(y).toMatchObject({ name: 'y', swing: 0 });
  });

  it("takes a uniform range's p5 and p95, 5% inside its bounds", () => {
    expect(swingEnds(2, { low: 0, high: 100, dist: 'uniform', fellBackToNormal: false })).toEqual({
      low: 5,
      high: 95,
      basis: 'range',
    });
    expect(swingEnds(10, undefined)).toEqual({ low: 5, high: 15, basis: 'half' });
  });

  it('swings a utilization passed to servers() up to 100%, any other percentage by half', () => {
    const twitter = load('twitter');
    const utilization = value(swings(twitter, new Map(), 'app_servers')).swings.find(
      (s) => s.name === 'target_utilization',
    )!;
    expect(utilization.low).toBeCloseTo(0.35, 12);
    expect(utilization.high).toBe(1);
    const growth = compileScenario(
      'name: g\nassumptions:\n  base: 10000 user\n  growth: 80 percent\nderived:\n  g: base * (1 + growth)\n',
    );
    const g = value(swings(value(growth), new Map(), 'g')).swings.find((s) => s.name === 'growth')!;
    expect(g.low).toBeCloseTo(0.4, 12);
    expect(g.high).toBeCloseTo(1.2, 12);
  });
});

describe('shares of variance', () => {
  const model = load('twitter');

  it('gives nothing without ranges', () => {
    expect(value(varianceShares(model, new Map(), 'qps', { samples: 1000, seed: 1 }))).toBeUndefined();
  });

  it('gives one range all of the variance', () => {
    const v = value(
      varianceShares(model, set(model, { dau: '100M to 300M' }), 'peak_qps', { samples: 2000, seed: 7 }),
    )!;
    expect(v.shares).toEqual([{ name: 'dau', share: 1 }]);
  });

  it('gives a result pinned to a range all of its own variance', () => {
    const v = value(varianceShares(model, set(model, { dau: '100M to 300M' }), 'dau', { samples: 2000, seed: 7 }))!;
    expect(v.shares).toEqual([{ name: 'dau', share: 1 }]);
  });

  it('splits a sum by the variances of its terms, and repeats with the same seed', () => {
    // A sum of two independent normals: shares are σ²/(σ²small + σ²large) = 1/10 and 9/10.
    const text = `name: sum\nassumptions:\n  small: { low: 0, high: 10, dist: normal }\n  large: { low: 0, high: 30, dist: normal }\nderived:\n  total: { expr: small + large }\n`;
    const r = compileScenario(text);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    const once = value(sensitivity(r.value, new Map(), 'total', { samples: 20000, seed: 3 }));
    const twice = value(sensitivity(r.value, new Map(), 'total', { samples: 20000, seed: 3 }));
    expect(twice).toEqual(once);
    const share = Object.fromEntries(once.variance!.shares.map((x) => [x.name, x.share]));
    expect(share.large).toBeCloseTo(0.9, 1);
    expect(share.small).toBeCloseTo(0.1, 1);
    expect(once.variance!.shares[0]!.name).toBe('large');
  });
});

describe('headlineResults: what sensitivity studies with no result named', () => {
  const compiled = (text: string) => {
    const r = compileScenario(text);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    return r.value;
  };
  const base = 'assumptions:\n  a: 2\nderived:\n  x: a * 2\n  y: { expr: x * 3, headline: true }\n  z: a + 1\n';

  it('the results marked headline: true, in order', () => {
    expect(headlineResults(compiled(base))).toEqual(['y']);
    expect(headlineResults(load('twitter'))).toEqual([
      'qps',
      'peak_qps',
      'media_storage_total',
      'egress',
      'cache_memory',
      'app_servers',
      'cost_per_month',
    ]);
  });

  it('else those with a published figure, else every result', () => {
    const unmarked = base.replace(', headline: true', '');
    expect(headlineResults(compiled(`${unmarked}expect:\n  z: 3\n  x: 4\n`))).toEqual(['x', 'z']);
    expect(headlineResults(compiled(unmarked))).toEqual(['x', 'y', 'z']);
    expect(headlineResults(compiled('assumptions:\n  a: 1\n'))).toEqual([]);
  });
});
