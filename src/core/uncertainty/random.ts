/**
 * A small, fast, seedable generator (mulberry32): the same seed gives the
 * same samples on every machine. Not for cryptography.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fills `out` with standard normal draws by Marsaglia's polar method: no
 * trigonometry, both values of each accepted pair used.
 */
export function fillStandardNormal(out: Float64Array, random: () => number): void {
  for (let i = 0; i < out.length; i += 2) {
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * random() - 1;
      v = 2 * random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    out[i] = u * f;
    if (i + 1 < out.length) out[i + 1] = v * f;
  }
}

/** z of the 95th percentile: a 90% interval spans ±1.6449 standard deviations. */
export const Z95 = 1.6448536269514722;
