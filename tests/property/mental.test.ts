import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRound, roundMental } from '../../src/core/analysis/mental-round.js';

// The rounding rule of mental math over any finite number: within 20%, with
// the sign kept, and a second rounding changes nothing.
describe('roundMental', () => {
  // Short of the double's ends, where rounding 1.75e308 up would overflow: no estimate comes near.
  const numbers = fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .filter((x) => Math.abs(x) > 1e-300 && Math.abs(x) < 1e300);

  it('lands within 20% and keeps the sign', () => {
    fc.assert(
      fc.property(numbers, (x) => {
        const r = roundMental(x);
        expect(Math.sign(r)).toBe(Math.sign(x));
        expect(Math.abs(r / x - 1)).toBeLessThanOrEqual(0.2 + 1e-12);
      }),
    );
  });

  it('is round after one rounding, and rounds no further', () => {
    fc.assert(
      fc.property(numbers, (x) => {
        const r = roundMental(x);
        expect(isRound(r)).toBe(true);
        expect(roundMental(r)).toBe(r);
      }),
    );
  });
});
