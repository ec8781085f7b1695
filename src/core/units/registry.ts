import { Dimension } from './dimension.js';
import {
  BUILTIN_NOUNS, BUILTIN_UNITS, DEFAULT_CONVENTIONS, type Conventions, IEC_PREFIXES, RATE_ALIASES, SI_PREFIXES, type UnitDef,
} from './table.js';

/** Names that take a prefix symbol (`MB`, `Gbit`, `Mb`, `Gbps`) or a prefix word (`megabyte`). */
const PREFIXABLE_SYMBOLS = new Set(['B', 'bit', 'b', 'bps']);
const PREFIXABLE_WORDS = new Set(['byte', 'bytes', 'bit', 'bits']);

export interface Unit {
  /** How the unit is written back: `MB`, `tweet`, `day`. */
  readonly symbol: string;
  /** Size in base units (B, s, USD, one noun). */
  readonly factor: number;
  readonly dim: Dimension;
  /** Scale words and `%` are numbers, not units, when values are shown. */
  readonly scale: boolean;
  /**
   * Count nouns and their rates (`users`, `qps`) may be used as figure names,
   * which then take precedence in formulas; bytes, time and money may not.
   */
  readonly countable?: boolean;
}

export type { Conventions } from './table.js';

export interface RegistryOptions {
  nouns?: readonly string[];
  conventions?: Partial<Conventions>;
}

/**
 * Looks units up by name, with prefixes (`MB`, `KiB`, `Gbps`), aliases and
 * plurals. One registry per scenario: it adds the scenario's count nouns and
 * calendar conventions to the built-in table.
 */
export class UnitRegistry {
  private readonly byName = new Map<string, Unit>();
  readonly conventions: Conventions;
  readonly nouns: readonly string[];

  private constructor(options: RegistryOptions) {
    for (const def of BUILTIN_UNITS) this.addDef(def);
    const day = options.conventions?.day ?? DEFAULT_CONVENTIONS.day;
    const year = options.conventions?.year ?? 365 * day;
    const month = options.conventions?.month ?? year / 12;
    this.conventions = { day, month, year };
    const time = Dimension.base('s');
    this.add(['day', 'days'], 'day', day, time);
    this.add(['week', 'weeks', 'wk'], 'week', 7 * day, time);
    this.add(['month', 'months'], 'month', month, time);
    this.add(['year', 'years', 'yr', 'yrs'], 'year', year, time);

    const nouns = [...BUILTIN_NOUNS.map((n) => n.noun), ...(options.nouns ?? [])];
    this.nouns = nouns;
    for (const { noun, aliases } of BUILTIN_NOUNS) this.add([noun, ...aliases], noun, 1, Dimension.base(noun), false, true);
    for (const noun of options.nouns ?? []) {
      this.add([noun, pluralOf(noun)], noun, 1, Dimension.base(noun), false, true);
    }
    for (const [alias, noun] of RATE_ALIASES) {
      this.add([alias], `${noun}/s`, 1, Dimension.base(noun).div(time), false, true);
    }
  }

  private static standard: UnitRegistry | undefined;

  static create(options: RegistryOptions = {}): UnitRegistry {
    if (!options.nouns?.length && !options.conventions) {
      UnitRegistry.standard ??= new UnitRegistry({});
      return UnitRegistry.standard;
    }
    return new UnitRegistry(options);
  }

  lookup(name: string): Unit | undefined {
    return this.byName.get(name) ?? this.lookupPrefixed(name);
  }

  /** Every plain name, for "did you mean" (prefixed forms of B, bit and bps included). */
  names(): string[] {
    const out = [...this.byName.keys()];
    for (const [p] of [...SI_PREFIXES, ...IEC_PREFIXES]) out.push(`${p}B`, `${p}bit`);
    for (const [p] of SI_PREFIXES) out.push(`${p}bps`);
    return out;
  }

  private lookupPrefixed(name: string): Unit | undefined {
    for (const [prefix, factor, long] of [...IEC_PREFIXES, ...SI_PREFIXES]) {
      const symbolic = name.startsWith(prefix) && PREFIXABLE_SYMBOLS.has(name.slice(prefix.length));
      const spelled = long !== '' && name.startsWith(long) && PREFIXABLE_WORDS.has(name.slice(long.length));
      if (!symbolic && !spelled) continue;
      const base = this.byName.get(name.slice(symbolic ? prefix.length : long.length))!;
      const def = BUILTIN_UNITS.find((d) => d.symbol === base.symbol)!;
      // bit rates take SI prefixes only: there is no `Mibps`.
      if (def.prefixes === 'si' && IEC_PREFIXES.some(([p]) => p === prefix)) continue;
      // Written back with its base's own symbol: `Gb` is shown as Gbit, never to be read as GB.
      const symbol = `${prefix}${base.symbol}`;
      return { symbol, factor: factor * base.factor, dim: base.dim, scale: false };
    }
    return undefined;
  }

  private addDef(def: UnitDef): void {
    this.add([def.symbol, ...(def.aliases ?? [])], def.symbol, def.factor, def.dim, def.scale);
  }

  private add(names: readonly string[], symbol: string, factor: number, dim: Dimension, scale = false, countable = false): void {
    const unit: Unit = { symbol, factor, dim, scale, countable };
    for (const n of names) if (!this.byName.has(n)) this.byName.set(n, unit);
  }
}

/**
 * Whether a word may be declared a count noun: `clash` is the unit it would
 * shadow (`MB`, `days`); `again` a built-in noun declared again (`user`),
 * which is harmless.
 */
export function newNoun(noun: string): 'ok' | 'again' | { clash: Unit } {
  const standard = UnitRegistry.create();
  const clash = standard.lookup(noun) ?? standard.lookup(pluralOf(noun));
  if (!clash) return 'ok';
  return clash.countable && clash.symbol === noun ? 'again' : { clash };
}

/** The count noun a plural names, by the rules of pluralOf: tweets → tweet, queries → query, boxes → box; status stays. */
export function singularOf(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** English plural of a count noun: tweet → tweets, query → queries, match → matches. */
export function pluralOf(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
