// The Monte Carlo building blocks that are fast rather than plain: percentiles
// by selection must give what a full sort gives, on columns long enough for
// Floyd-Rivest's sampled window (over 600 values) and full of ties; the normal
// fill keeps the generator's state in a local, so filling in pieces must draw
// what one fill draws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillStandardNormal, mulberry32 } from '../../src/core/analysis/random.js';
import { percentiles } from '../../src/core/analysis/sample.js';

/** The plain way: sort a copy, interpolate between neighbours. */
function sortedPercentiles(xs: Float64Array, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(xs).sort();
  const last = sorted.length - 1;
  return ps.map((p) => {
    const at = (p / 100) * last;
    const lo = Math.floor(at);
    return lo === last || at === lo ? sorted[lo]! : sorted[lo]! + (sorted[lo + 1]! - sorted[lo]!) * (at - lo);
  });
}

const column = fc.oneof(
  fc.float64Array({ noNaN: true, noDefaultInfinity: true, minLength: 1, maxLength: 5000 }),
  // Few distinct values: long runs of ties around every rank.
  fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 5000 }).map((xs) => Float64Array.from(xs)),
  // Sorted and reversed runs: the worst case of a naive pivot.
  fc
    .array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 601, maxLength: 3000 })
    .chain((xs) => fc.constantFrom(Float64Array.from(xs).sort(), Float64Array.from(xs).sort().reverse())),
);
const percents = fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })), {
  minLength: 1,
  maxLength: 6,
});

describe('percentiles by selection', () => {
  it('equal those of a full sort, exactly, and leave the column as it was', () => {
    fc.assert(
      fc.property(column, percents, (xs, ps) => {
        const before = Float64Array.from(xs);
        const got = percentiles(xs, ps);
        const want = sortedPercentiles(xs, ps);
        // === rather than Object.is: among equal values, 0 and -0 may change places.
        for (const [i, g] of got.entries()) expect(g === want[i]!, `p${ps[i]}: ${g} vs ${want[i]}`).toBe(true);
        expect(xs).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('selected in the column itself (estimate does, the samples read no more): the same answers, the same values reordered', () => {
    fc.assert(
      fc.property(column, percents, (xs, ps) => {
        const want = percentiles(xs, ps);
        const values = Float64Array.from(xs).sort();
        const got = percentiles(xs, ps, xs);
        for (const [i, g] of got.entries()) expect(g === want[i]!, `p${ps[i]}: ${g} vs ${want[i]}`).toBe(true);
        expect(Float64Array.from(xs).sort()).toEqual(values);
      }),
      { numRuns: 200 },
    );
  });
});

/** Long columns, made from a seed: Floyd-Rivest narrows to a sampled window many times over. */
const longColumn = fc
  .record({
    seed: fc.integer(),
    length: fc.integer({ min: 2000, max: 60_000 }),
    kind: fc.constantFrom('normal', 'lognormal', 'ties', 'sorted', 'reversed', 'constant', 'outliers', 'periodic'),
  })
  .map(({ seed, length, kind }) => {
    const xs = new Float64Array(length);
    fillStandardNormal(xs, mulberry32(seed));
    const random = mulberry32(seed ^ 0x5bd1e995);
    for (let i = 0; i < length; i++) {
      const z = xs[i]!;
      if (kind === 'lognormal') xs[i] = Math.exp(3 * z);
      // Few distinct values, so that a rank's neighbours tie and the bounds hold too many.
      else if (kind === 'ties') xs[i] = Math.round(z * 2);
      else if (kind === 'constant') xs[i] = 7;
      // Now and then a huge value, far beyond the rest.
      else if (kind === 'outliers' && random.uniform() < 0.01) xs[i] = z > 0 ? 1e300 : -1e300;
      // Every p-th value far above the rest: a sample taken at a stride can see too many or none.
      else if (kind === 'periodic' && i % (2 + (seed & 31)) === 0) xs[i] = 1000 + z;
    }
    if (kind === 'sorted') xs.sort();
    if (kind === 'reversed') xs.sort().reverse();
    return xs;
  });

describe('percentiles of long columns', () => {
  it('equal those of a full sort, exactly, in the column itself or not, on ties, order and outliers', () => {
    fc.assert(
      fc.property(longColumn, percents, (xs, ps) => {
        const want = sortedPercentiles(xs, ps);
        for (const got of [percentiles(xs, ps), percentiles(xs, ps, xs)])
          for (const [i, g] of got.entries()) expect(g === want[i]!, `p${ps[i]}: ${g} vs ${want[i]}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('fillStandardNormal', () => {
  it('draws the same numbers filled in pieces as in one fill, and leaves the generator where next() would', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 5 }),
        (seed, pieces) => {
          const total = pieces.reduce((a, b) => a + b, 0);
          const whole = new Float64Array(total);
          const one = mulberry32(seed);
          fillStandardNormal(whole, one);
          const parts = mulberry32(seed);
          let at = 0;
          for (const length of pieces) {
            const piece = new Float64Array(length);
            fillStandardNormal(piece, parts);
            expect(piece).toEqual(whole.subarray(at, at + length));
            at += length;
          }
          expect(parts.next()).toBe(one.next());
        },
      ),
      { numRuns: 100 },
    );
  });
});
