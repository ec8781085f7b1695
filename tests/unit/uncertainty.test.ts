import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import type { Model } from '../../src/core/scenario/model.js';
import { readOverrides } from '../../src/core/scenario/run.js';
import { UnitRegistry } from '../../src/core/units/registry.js';
import { medianOf, parseInput } from '../../src/core/scenario/range.js';
import { percentiles, rangesOf, sampleModel } from '../../src/core/analysis/sample.js';

const registry = UnitRegistry.create({ nouns: ['tweet'] });

function model(text: string): Model {
  const r = compileScenario(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.value;
}

describe('parseInput: a quantity or a range', () => {
  it.each<[string, number, number, string]>([
    ['100M to 300M user', 100e6, 300e6, 'lognormal'],
    ['1 to 3 ms', 1e-3, 3e-3, 'lognormal'],
    ['1 MB to 2 MB', 1e6, 2e6, 'lognormal'],
    ['50% to 70%', 0.5, 0.7, 'lognormal'],
    ['-1 to 1', -1, 1, 'normal'],
    ['0 to 10 tweet', 0, 10, 'normal'],
    // A bare low end takes all that follows the high end's number: scale, percent and unit.
    ['100 to 300 million user', 100e6, 300e6, 'lognormal'],
    ['100 to 300M user', 100e6, 300e6, 'lognormal'],
    ['40 to 60%', 0.4, 0.6, 'lognormal'],
    ['1 to 3 K', 1e3, 3e3, 'lognormal'],
    ['1,000 to 3,000 user', 1e3, 3e3, 'lognormal'],
    ['1.5 to 2.5e3 user', 1.5, 2.5e3, 'lognormal'], // an exponent belongs to its number
  ])('%s', (text, low, high, dist) => {
    const { range } = parseInput(text, registry);
    expect(range!.low).toBeCloseTo(low, 12);
    expect(range!.high).toBeCloseTo(high, 12);
    expect(range!.dist).toBe(dist);
    expect(range!.fellBackToNormal).toBe(dist === 'normal');
  });

  it('the point value of a lognormal range is its median, the geometric mean', () => {
    const { quantity, range } = parseInput('100M to 400M user', registry);
    expect(quantity.value).toBeCloseTo(200e6, 3);
    expect(medianOf(range!)).toBeCloseTo(200e6, 3);
  });

  it('a plain quantity has no range', () => {
    expect(parseInput('300 million user', registry).range).toBeUndefined();
  });

  it.each(['300M to 100M user', '1 MB to 2 s', '1 to'])('refuses %s', (text) => {
    expect(() => parseInput(text, registry)).toThrow(DiagnosticError);
  });
});

const RANGED = `
nouns: [tweet]
assumptions:
  dau: 100M to 300M user
  rate: { low: 1 tweet/user/day, high: 3 tweet/user/day, dist: uniform }
  size: { value: 1 to 2 MB/tweet, dist: normal }
derived:
  qps: { expr: dau * rate, unit: tweet/s }
  bytes_per_day: { expr: qps * size, unit: TB/day }
`;

describe('sampleModel', () => {
  const m = model(RANGED);

  it('samples a scenario of ranges and no formula: nothing to compute, and no error', () => {
    const only = model('title: t\nassumptions:\n  a: 10 to 20\n');
    // By default the derived figures are asked for, and there are none: an empty program.
    const none = sampleModel(only, new Map(), { samples: 1000, seed: 1 });
    if (!none.ok) throw new Error(none.diagnostics.map((d) => d.message).join('; '));
    expect(none.value.samples).toBe(1000);
    const s = sampleModel(only, new Map(), { samples: 1000, seed: 1 }, ['a']);
    if (!s.ok) throw new Error(s.diagnostics.map((d) => d.message).join('; '));
    const [p5, p95] = percentiles(s.value.columns[0]!, [5, 95]);
    expect(p5! / 10).toBeCloseTo(1, 0);
    expect(p95! / 20).toBeCloseTo(1, 0);
  });

  it('reads each range as written: lognormal by default, uniform and normal on request', () => {
    const ranges = rangesOf(m);
    expect([...ranges.keys()]).toEqual(['dau', 'rate', 'size']);
    expect(ranges.get('rate')!.dist).toBe('uniform');
    expect(ranges.get('size')!.dist).toBe('normal');
  });

  it('draws each input so that its 5th and 95th percentiles are the ends of its 90% interval', () => {
    const s = sampleModel(m, new Map(), { samples: 200_000, seed: 1 });
    if (!s.ok) throw new Error('sampling failed');
    const col = (name: string) => s.value.columns[m.byName.get(name)!.index]!;
    const [p5, p50, p95] = percentiles(col('dau'), [5, 50, 95]);
    expect(p5! / 100e6).toBeCloseTo(1, 1);
    expect(p95! / 300e6).toBeCloseTo(1, 1);
    expect(p50! / Math.sqrt(100e6 * 300e6)).toBeCloseTo(1, 1);
    const rate = col('rate');
    const [min, max] = percentiles(rate, [0, 100]);
    expect(min).toBeGreaterThanOrEqual(1 / 86400);
    expect(max).toBeLessThanOrEqual(3 / 86400);
  });

  it('runs the formulas on every sample: qps = dau × rate, sample by sample', () => {
    const s = sampleModel(m, new Map(), { samples: 1000, seed: 9 });
    if (!s.ok) throw new Error('sampling failed');
    const [dau, rate, qps] = ['dau', 'rate', 'qps'].map((n) => s.value.columns[m.byName.get(n)!.index]!);
    for (let i = 0; i < 1000; i++) expect(qps![i]).toBeCloseTo(dau![i]! * rate![i]!, 6);
  });

  it('gives the same numbers for the same seed, and others for another', () => {
    const a = sampleModel(m, new Map(), { samples: 500, seed: 42 });
    const b = sampleModel(m, new Map(), { samples: 500, seed: 42 });
    const c = sampleModel(m, new Map(), { samples: 500, seed: 43 });
    if (!a.ok || !b.ok || !c.ok) throw new Error('sampling failed');
    const q = m.byName.get('qps')!.index;
    expect([...a.value.columns[q]!]).toEqual([...b.value.columns[q]!]);
    expect([...a.value.columns[q]!]).not.toEqual([...c.value.columns[q]!]);
  });

  it('takes ranges from --set, on a derived figure too', () => {
    const twitterish = model(
      'nouns: [tweet]\nassumptions:\n  mau: 300M user\n  share: 50%\n  rate: 2 tweet/user/day\nderived:\n  dau: mau * share\n  qps: { expr: dau * rate, unit: tweet/s }\n',
    );
    const o = readOverrides(twitterish, [{ name: 'dau', text: '100M to 300M' }]);
    if (!o.ok) throw new Error('overrides failed');
    expect(rangesOf(twitterish, o.value).get('dau')!.low).toBeCloseTo(100e6, 3);
    const s = sampleModel(twitterish, o.value, { samples: 20_000, seed: 3 });
    if (!s.ok) throw new Error('sampling failed');
    const [p5] = percentiles(s.value.columns[twitterish.byName.get('qps')!.index]!, [5]);
    expect(p5! / ((100e6 * 2) / 86400)).toBeCloseTo(1, 1);
  });

  it('names a figure that is not finite in some samples', () => {
    const bad = model('assumptions:\n  one: 1\n  spread: -1 to 1\nderived:\n  x: one / spread + sqrt(spread)\n');
    const s = sampleModel(bad, new Map(), { samples: 1000, seed: 1 });
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.diagnostics[0]!.message).toMatch(/`x` is not finite in \d+ of 1000 samples/);
  });

  it('blames a range whose draws overflow, not the formulas that use it', () => {
    const wide = model('assumptions:\n  n: 1 to 1e308\nderived:\n  twice: n * 2\n');
    const s = sampleModel(wide, new Map(), { samples: 1000, seed: 1 });
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.diagnostics[0]!.message).toBe('the range of `n` gives draws too large to hold');
  });
});

describe('percentiles', () => {
  it('agree with a full sort and linear interpolation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
        (xs, ps) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const expected = ps.map((p) => {
            const at = (p / 100) * (sorted.length - 1);
            const lo = Math.floor(at);
            const hi = Math.min(sorted.length - 1, lo + 1);
            return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
          });
          const got = percentiles(Float64Array.from(xs), ps);
          for (const [i, g] of got.entries()) expect(g).toBeCloseTo(expected[i]!, 6);
        },
      ),
    );
  });
});
