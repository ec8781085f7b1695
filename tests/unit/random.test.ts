import { describe, expect, it } from 'vitest';
import { fillStandardNormal, mulberry32, Z95 } from '../../src/core/analysis/random.js';
import { percentiles } from '../../src/core/analysis/sample.js';

describe('mulberry32', () => {
  it('repeats for a seed, and gives uniform numbers in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 100_000 }, () => a.uniform());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.uniform()));
    expect(Math.min(...xs.slice(0, 50_000))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs.slice(0, 50_000))).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 2);
  });
});

describe('fillStandardNormal (ziggurat)', () => {
  const n = 1_000_000;
  const z = new Float64Array(n);
  fillStandardNormal(z, mulberry32(2026));

  it('has mean 0 and standard deviation 1', () => {
    let sum = 0;
    let squares = 0;
    for (const x of z) {
      sum += x;
      squares += x * x;
    }
    expect(sum / n).toBeCloseTo(0, 2);
    expect(Math.sqrt(squares / n)).toBeCloseTo(1, 2);
  });

  it('puts 5% below -1.645 and 5% above 1.645, as a 90% interval needs', () => {
    const [p5, p50, p95] = percentiles(z, [5, 50, 95]);
    expect(p5).toBeCloseTo(-Z95, 1);
    expect(p50).toBeCloseTo(0, 2);
    expect(p95).toBeCloseTo(Z95, 1);
  });

  it('has normal tails: P(|z| > 3) = 0.27% and P(|z| > 3.5), beyond the base layer, 0.047%', () => {
    let over3 = 0;
    let over35 = 0;
    for (const x of z) {
      if (Math.abs(x) > 3) over3++;
      if (Math.abs(x) > 3.5) over35++;
    }
    expect(over3 / n).toBeGreaterThan(0.0024);
    expect(over3 / n).toBeLessThan(0.003);
    expect(over35 / n).toBeGreaterThan(0.00035);
    expect(over35 / n).toBeLessThan(0.0006);
  });
});
