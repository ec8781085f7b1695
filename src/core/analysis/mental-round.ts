// The rounding rule of mental math, in one place (docs/mental-math.md):
// a number is rounded to one significant digit, two when its leading digit is
// 1 (150 M → 1.5 × 10^8, 140 → 1.4 × 10^2, 64 → 6 × 10^1), which keeps
// every rounding within about 20% (2.5 → 3 is the worst, +20%).

/** A number as mantissa × 10^exponent, the mantissa in [1, 10); 0 is 0 × 10^0. */
export interface Tens {
  mantissa: number;
  exponent: number;
}

export function tensOf(x: number): Tens {
  if (x === 0 || !Number.isFinite(x)) return { mantissa: x, exponent: 0 };
  // toExponential's digits, not log10, which errs at exact powers (log10(1e-3) < -3 is possible).
  const [m, e] = x.toExponential(14).split('e') as [string, string];
  return { mantissa: Number(m), exponent: Number(e) };
}

/** Mantissa × 10^exponent, without the noise of multiplying by a power of ten (3 × 10^-1 is 0.3, not 0.30000000000000004). */
function fromTens(mantissa: number, exponent: number): number {
  return Number(`${mantissa}e${exponent}`);
}

/** The whiteboard figure of a number: one significant digit, two when the first is 1. */
export function roundMental(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const { mantissa, exponent } = tensOf(Math.abs(x));
  const twoDigits = Math.round(mantissa * 10) / 10 < 2;
  const m = twoDigits ? Math.round(mantissa * 10) / 10 : Math.round(mantissa);
  const rounded = Math.sign(x) * fromTens(m, exponent);
  // 1.8e308 would round to 2e308, past the largest number: the whiteboard keeps it as it is.
  return Number.isFinite(rounded) ? rounded : x;
}

/** Whether the rule leaves a number as it is: 3, 1.5 × 10^8, 10^5, 0.125 is not (1.3 × 10^-1). */
export function isRound(x: number): boolean {
  return Math.abs(roundMental(x) - x) <= 1e-12 * Math.abs(x);
}

/** (mental − exact) / exact; 0 where both are 0. */
export function relativeError(mental: number, exact: number): number {
  if (exact === 0) return mental === 0 ? 0 : Number.POSITIVE_INFINITY;
  return mental / exact - 1;
}

/** The rule in one line, for the head of `explain --mental` and the drill. */
export const MENTAL_RULE =
  'mental math: each input to one significant digit (two when it starts with 1), each step rounded again, units by named shortcuts (docs/mental-math.md)';
