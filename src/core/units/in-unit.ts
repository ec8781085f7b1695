/**
 * A base-unit value in a unit, unrounded: base / factor, the double as it
 * is. Only where arithmetic leaves noise of a bit around a short decimal is
 * the short decimal given: 1 million order/day goes through order/s and back
 * as 999999.9999999999, 70% of 1 as 0.7000000000000001, and 1000000 and 0.7
 * are the values meant, within the double's own precision (one part in
 * 2^52). 3472.222222222222 stays as it is: no decimal of 12 digits is that
 * close to it.
 */
export function inUnit(base: number, factor: number): number {
  const x = base / factor;
  if (x === 0 || !Number.isFinite(x)) return x;
  const short = Number(x.toPrecision(12));
  return Math.abs(short - x) <= Number.EPSILON * Math.abs(x) ? short : x;
}
