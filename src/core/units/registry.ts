import { sizesOf } from './definition.js';
import { Dimension } from './dimension.js';
import {
  AMBIGUOUS_UNITS,
  IEC_PREFIXES,
  PREFIX_FAMILIES,
  SI_PREFIXES,
  type Conventions,
  type UnitEntry,
  UNITS,
} from './table.js';

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

/** A spelling that takes a prefix, and the entry it spells. */
type Prefixable = Map<string, UnitEntry>;

/**
 * Looks units up by name, with prefixes (`MB`, `KiB`, `Gbps`), spellings and
 * plurals: all of it read off the table (table.ts). One registry per
 * scenario: it adds the scenario's count nouns and calendar conventions.
 */
export class UnitRegistry {
  private readonly byName = new Map<string, Unit>();
  private readonly bySymbol = new Map<string, Unit>();
  private readonly prefixedSymbols: Prefixable = new Map();
  private readonly prefixedWords: Prefixable = new Map();
  readonly conventions: Conventions;
  readonly nouns: readonly string[];

  private constructor(
    readonly entries: readonly UnitEntry[],
    options: RegistryOptions,
  ) {
    const sizes = sizesOf(entries, options.conventions);
    const lastNoun = entries.map((e) => e.base).lastIndexOf('noun');
    const scenarioNouns = options.nouns ?? [];
    entries.forEach((e, i) => {
      const { factor, dim } = sizes.get(e.name)!;
      // A compound name (`request/s`) is how its spellings are written back: no word to look up.
      const names = [...(e.name.includes('/') ? [] : [e.name]), ...(e.spellings ?? [])];
      const countable =
        e.base === 'noun' || dim.factors.some(([b]) => entries.some((n) => n.base === 'noun' && n.name === b));
      this.add(names, { symbol: e.name, factor, dim, scale: e.number !== undefined, countable });
      for (const s of e.prefixes?.symbols ?? []) this.prefixedSymbols.set(s, e);
      for (const w of e.prefixes?.words ?? []) this.prefixedWords.set(w, e);
      // A scenario's nouns join the built-in ones, before the rates of them.
      if (i === lastNoun)
        for (const noun of scenarioNouns)
          this.add([noun, pluralOf(noun)], {
            symbol: noun,
            factor: 1,
            dim: Dimension.base(noun),
            scale: false,
            countable: true,
          });
    });
    this.nouns = [...entries.filter((e) => e.base === 'noun').map((e) => e.name), ...scenarioNouns];
    const calendar = (name: keyof Conventions) => sizes.get(name)?.factor ?? NaN;
    this.conventions = { day: calendar('day'), month: calendar('month'), year: calendar('year') };
  }

  private static readonly made = new Map<string, UnitRegistry>();

  /** The registry of the built-in table; the same one for the same calendar when no nouns are added. */
  static create(options: RegistryOptions = {}): UnitRegistry {
    if (options.nouns?.length) return new UnitRegistry(UNITS, options);
    const c = options.conventions ?? {};
    const key = `${c.day},${c.month},${c.year}`;
    let registry = UnitRegistry.made.get(key);
    if (!registry) {
      registry = new UnitRegistry(UNITS, options);
      UnitRegistry.made.set(key, registry);
    }
    return registry;
  }

  /** A registry of another table: for tests that add a unit to a copy of it. */
  static fromTable(entries: readonly UnitEntry[], options: RegistryOptions = {}): UnitRegistry {
    return new UnitRegistry(entries, options);
  }

  lookup(name: string): Unit | undefined {
    return this.byName.get(name) ?? this.lookupPrefixed(name);
  }

  /** A unit by the name it is written back as (`day`, `B`): for ladders and conversions. */
  unit(symbol: string): Unit | undefined {
    return this.bySymbol.get(symbol);
  }

  /** Every plain name, for "did you mean" (each prefix with the name of each unit that takes it). */
  names(): string[] {
    const out = [...this.byName.keys()];
    const families = [...new Set(this.entries.flatMap((e) => (e.prefixes ? [e.prefixes.family] : [])))];
    for (const family of families) {
      const named = this.entries.filter((e) => e.prefixes?.family === family);
      for (const p of PREFIX_FAMILIES[family]) for (const e of named) out.push(`${p.symbol}${e.name}`);
    }
    return out;
  }

  private lookupPrefixed(name: string): Unit | undefined {
    // `kb`: kilobyte or kilobit? Refused, with the question as its hint (AMBIGUOUS_UNITS).
    if (Object.hasOwn(AMBIGUOUS_UNITS, name)) return undefined;
    for (const prefix of LOOKUP_ORDER) {
      const symbolic = name.startsWith(prefix.symbol)
        ? this.prefixedSymbols.get(name.slice(prefix.symbol.length))
        : undefined;
      const spelled =
        prefix.word && name.startsWith(prefix.word)
          ? this.prefixedWords.get(name.slice(prefix.word.length))
          : undefined;
      const entry = symbolic ?? spelled;
      // Bit rates take SI prefixes only: there is no `Mibps`.
      if (!entry || !PREFIX_FAMILIES[entry.prefixes!.family].includes(prefix)) continue;
      const base = this.bySymbol.get(entry.name)!;
      // Written back with its own symbol: `Gb` is shown as Gbit, never to be read as GB.
      return {
        symbol: `${prefix.symbol}${entry.name}`,
        factor: prefix.factor * base.factor,
        dim: base.dim,
        scale: false,
      };
    }
    return undefined;
  }

  private add(names: readonly string[], unit: Unit): void {
    for (const n of names) if (!this.byName.has(n)) this.byName.set(n, unit);
    if (!this.bySymbol.has(unit.symbol)) this.bySymbol.set(unit.symbol, unit);
  }
}

/** IEC prefixes are tried first: `Kibit` is Ki + bit, not K + ibit. */
const LOOKUP_ORDER = [...IEC_PREFIXES, ...SI_PREFIXES];

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
