/**
 * A dimension is a product of base dimensions raised to integer powers, e.g.
 * B·s⁻¹ for a byte rate or tweet·user⁻¹·s⁻¹. Bases are named by their base
 * unit: `B` (information), `s` (time), `USD` (money), and one per count noun
 * (`user`, `request`, `tweet`...). Kept as a sorted list of pairs, so that two
 * equal dimensions have the same `key` and no user-chosen noun name ever
 * becomes an object property.
 */
/** No estimate needs a unit to a higher power; the bound keeps powers exact. */
const MAX_POWER = 64;

export class Dimension {
  static readonly none = new Dimension([]);

  /** Canonical text, equal for equal dimensions: "B s^-1". */
  readonly key: string;

  private constructor(readonly factors: ReadonlyArray<readonly [base: string, power: number]>) {
    this.key = factors.map(([b, p]) => (p === 1 ? b : `${b}^${p}`)).join(' ');
  }

  static base(name: string): Dimension {
    return new Dimension([[name, 1]]);
  }

  static of(pairs: Iterable<readonly [string, number]>): Dimension {
    const powers = new Map<string, number>();
    for (const [b, p] of pairs) powers.set(b, (powers.get(b) ?? 0) + p);
    const factors = [...powers].filter(([, p]) => p !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return factors.length === 0 ? Dimension.none : new Dimension(factors);
  }

  get isNone(): boolean {
    return this.factors.length === 0;
  }

  equals(other: Dimension): boolean {
    return this.key === other.key;
  }

  mul(other: Dimension): Dimension {
    return Dimension.of([...this.factors, ...other.factors]);
  }

  div(other: Dimension): Dimension {
    return Dimension.of([...this.factors, ...other.factors.map(([b, p]) => [b, -p] as const)]);
  }

  /**
   * Undefined when a power would not stay a small integer: sqrt of B, or
   * s^9007199254740992, where s * s^n / s^n would round back to no unit.
   */
  pow(exponent: number): Dimension | undefined {
    const out: Array<[string, number]> = [];
    for (const [b, p] of this.factors) {
      const q = p * exponent;
      if (!Number.isInteger(q) || Math.abs(q) > MAX_POWER) return undefined;
      out.push([b, q]);
    }
    return Dimension.of(out);
  }

  powerOf(base: string): number {
    return this.factors.find(([b]) => b === base)?.[1] ?? 0;
  }

  /** Readable form in base units: "B/s", "tweet/(user·s)", "1/s", "1". */
  toString(): string {
    if (this.isNone) return 'dimensionless';
    const part = (fs: Array<readonly [string, number]>) =>
      fs.map(([b, p]) => (Math.abs(p) === 1 ? b : `${b}^${Math.abs(p)}`)).join('·');
    const num = this.factors.filter(([, p]) => p > 0);
    const den = this.factors.filter(([, p]) => p < 0);
    const top = num.length ? part(num) : '1';
    if (!den.length) return top;
    return den.length === 1 ? `${top}/${part(den)}` : `${top}/(${part(den)})`;
  }
}
