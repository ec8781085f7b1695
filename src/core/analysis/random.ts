/** A source of random numbers: `next` gives 32 random bits as a signed integer, `uniform` a number in [0, 1). */
export interface Random {
  next: () => number;
  uniform: () => number;
}

const GOLDEN = 0x6d2b79f5;

/** mulberry32's output for one state: the fills below step a local copy of the state through it. */
function bitsOf(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) | 0;
}

/**
 * mulberry32: a small, fast, seedable generator; the same seed gives the
 * same samples on every machine. Not for cryptography. A class with its
 * state in sight, so that fillStandardNormal can keep the state in a local.
 */
export class Mulberry32 implements Random {
  state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + GOLDEN) >>> 0;
    return bitsOf(this.state);
  }
  uniform(): number {
    return (this.next() >>> 0) / 4294967296;
  }
}

export function mulberry32(seed: number): Mulberry32 {
  return new Mulberry32(seed);
}

// Marsaglia and Tsang's ziggurat (2000), 128 layers: 99% of draws cost one
// random integer, a table look-up and a multiplication, several times faster
// than Box-Muller or the polar method, and exact.
const LAYERS = 128;
const R = 3.442619855899;
const K = new Float64Array(LAYERS);
const W = new Float64Array(LAYERS);
const F = new Float64Array(LAYERS);
{
  const m = 2 ** 31;
  const v = 9.91256303526217e-3;
  let d = R;
  let t = d;
  const q = v / Math.exp(-0.5 * d * d);
  K[0] = (d / q) * m;
  K[1] = 0;
  W[0] = q / m;
  W[LAYERS - 1] = d / m;
  F[0] = 1;
  F[LAYERS - 1] = Math.exp(-0.5 * d * d);
  for (let i = LAYERS - 2; i >= 1; i--) {
    d = Math.sqrt(-2 * Math.log(v / d + Math.exp(-0.5 * d * d)));
    K[i + 1] = (d / t) * m;
    t = d;
    F[i] = Math.exp(-0.5 * d * d);
    W[i] = d / m;
  }
}

/** K rounded up: for an integer |h|, |h| < K[layer] is |h| < ceil(K[layer]), a comparison of unsigned integers. */
const K_CEIL = Uint32Array.from(K, (k) => Math.ceil(k));

/**
 * Fills `out` with standard normal draws: the same draws, in the same order,
 * as taking `random.next()` for each. The state is kept in a local as a signed
 * integer (the same 32 bits, which V8 keeps in a register), and the test of
 * the layer's rectangle is on integers: a quarter faster than the unsigned
 * state and Math.abs against K.
 */
export function fillStandardNormal(out: Float64Array, random: Mulberry32): void {
  let state = random.state | 0;
  for (let i = 0; i < out.length; i++) {
    state = (state + GOLDEN) | 0;
    const h = bitsOf(state);
    const layer = h & (LAYERS - 1);
    const sign = h >> 31;
    // |h| as an unsigned integer: 2^31 for -2^31, which no rectangle holds.
    if (((h ^ sign) - sign) >>> 0 < K_CEIL[layer]!) {
      out[i] = h * W[layer]!;
      continue;
    }
    random.state = state >>> 0;
    out[i] = slowNormal(h, layer, random);
    state = random.state | 0;
  }
  random.state = state >>> 0;
}

/** Fills `out` with mean + sd × z for standard normal draws z, or with e to that power (a lognormal range). */
export function fillNormal(out: Float64Array, random: Mulberry32, mean: number, sd: number, log: boolean): void {
  fillStandardNormal(out, random);
  // A pass of its own: quicker here than scaling inside the draw loop.
  if (log) for (let i = 0; i < out.length; i++) out[i] = Math.exp(mean + sd * out[i]!);
  else for (let i = 0; i < out.length; i++) out[i] = mean + sd * out[i]!;
}

/** A block of draws thrown away by the skips below: small enough to stay in cache, reused. */
const SCRATCH = new Float64Array(4096);

/**
 * Moves `random` past `count` draws of `dist` without keeping them: where the
 * next column's draws begin, so that columns can be drawn a block at a time.
 * A uniform draw takes one step of the counter; a normal one, one step except
 * the ziggurat's rare retries, so those are drawn to be counted.
 */
export function skipDraws(random: Mulberry32, dist: 'uniform' | 'normal', count: number): void {
  if (dist === 'uniform') {
    random.state = (random.state + Math.imul(count, GOLDEN)) >>> 0;
    return;
  }
  for (let left = count; left > 0; left -= SCRATCH.length)
    fillStandardNormal(left < SCRATCH.length ? SCRATCH.subarray(0, left) : SCRATCH, random);
}

/** The rare draws outside a layer's rectangle: the tail, or the wedge between layers. */
function slowNormal(first: number, firstLayer: number, random: Random): number {
  let h = first;
  let layer = firstLayer;
  for (;;) {
    const x = h * W[layer]!;
    if (layer === 0) {
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(1 - random.uniform()) / R;
        y = -Math.log(1 - random.uniform());
      } while (y + y < tail * tail);
      return h > 0 ? R + tail : -R - tail;
    }
    if (F[layer]! + random.uniform() * (F[layer - 1]! - F[layer]!) < Math.exp(-0.5 * x * x)) return x;
    h = random.next();
    layer = h & (LAYERS - 1);
    if (Math.abs(h) < K[layer]!) return h * W[layer]!;
  }
}

/** z of the 95th percentile: a 90% interval spans ±1.6449 standard deviations. */
export const Z95 = 1.6448536269514722;
