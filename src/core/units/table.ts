// Every unit bote knows, as data: one entry a unit (UNITS below). The
// registry (lookup with prefixes, spellings and plurals), conversion, the
// display ladders, explain's calendar lines, the tokenizer's number suffixes
// and docs/units.md's list are derived from it (docs/units.md, "Where units
// and functions live"). A unit defined in others is one line:
//
//   { name: 'fortnight', spellings: ['fortnights'], is: '14 day' },

/** One unit of the table. */
export interface UnitEntry {
  /** How the unit is written back: `B`, `hour`, `request/s`. Looked up too, when it is a word. */
  name: string;
  /** Other names it is looked up by: symbols, words, plurals. */
  spellings?: readonly string[];
  /** A base unit: it names a dimension of its own (`unit`: B, s, USD, m), or counts something (`noun`: user). */
  base?: 'unit' | 'noun';
  /** Its size in other units, read left to right: `60 s`, `1/8 B`, `bit/s`, `year/12`, `0.01`. */
  is?: string;
  /** A scenario's `conventions:` may restate it; `is` is its length otherwise. */
  calendar?: true;
  /** The prefixes its symbols and words take: `MB`, `Gbit`, `Mb`, `Gbps`, `megabyte`. */
  prefixes?: { family: PrefixFamily; symbols: readonly string[]; words?: readonly string[] };
  /**
   * A plain number in disguise (`%`, `3x`, `million`): shown as a number, and
   * no unit of a result. `suffix`: its spellings attach to a number as well (300k, 2bn).
   */
  number?: 'word' | 'suffix';
  /** Values in this unit are shown on this ladder, in the largest step they reach (90 s is 1.5 min). */
  ladder?: Ladder;
}

export type PrefixFamily = 'SI' | 'SI and IEC';
export type Ladder = 'duration' | 'length';

/**
 * The ladders values are shown on. `bare`: a value no unit was written for
 * (calc's answer where the units written cancel out, ref's downtimes) is shown
 * on it too, starting from its base unit; lengths stay in metres there.
 */
export const LADDERS: Readonly<Record<Ladder, { bare: boolean }>> = {
  duration: { bare: true },
  length: { bare: false },
};

export interface Prefix {
  symbol: string;
  factor: number;
  /** The prefix of spelled-out units: kilobyte, mebibit. */
  word?: string;
  /** `K` is read (KB) but a value is never shown in it: `k` is. */
  shown?: false;
}

export const SI_PREFIXES: readonly Prefix[] = [
  { symbol: 'k', factor: 1e3, word: 'kilo' },
  { symbol: 'K', factor: 1e3, shown: false },
  { symbol: 'M', factor: 1e6, word: 'mega' },
  { symbol: 'G', factor: 1e9, word: 'giga' },
  { symbol: 'T', factor: 1e12, word: 'tera' },
  { symbol: 'P', factor: 1e15, word: 'peta' },
  { symbol: 'E', factor: 1e18, word: 'exa' },
  { symbol: 'Z', factor: 1e21, word: 'zetta' },
  { symbol: 'Y', factor: 1e24, word: 'yotta' },
];

export const IEC_PREFIXES: readonly Prefix[] = [
  { symbol: 'Ki', factor: 2 ** 10, word: 'kibi' },
  { symbol: 'Mi', factor: 2 ** 20, word: 'mebi' },
  { symbol: 'Gi', factor: 2 ** 30, word: 'gibi' },
  { symbol: 'Ti', factor: 2 ** 40, word: 'tebi' },
  { symbol: 'Pi', factor: 2 ** 50, word: 'pebi' },
  { symbol: 'Ei', factor: 2 ** 60, word: 'exbi' },
  { symbol: 'Zi', factor: 2 ** 70, word: 'zebi' },
  { symbol: 'Yi', factor: 2 ** 80, word: 'yobi' },
];

export const PREFIX_FAMILIES: Readonly<Record<PrefixFamily, readonly Prefix[]>> = {
  SI: SI_PREFIXES,
  'SI and IEC': [...SI_PREFIXES, ...IEC_PREFIXES],
};

/**
 * The order matters where two names are equally near a typo: "did you mean"
 * offers the earlier. Calendar units come after the scale words for that
 * reason, and count nouns (with a scenario's own) before the rates of them.
 */
export const UNITS: readonly UnitEntry[] = [
  {
    name: 'B',
    spellings: ['byte', 'bytes'],
    base: 'unit',
    prefixes: { family: 'SI and IEC', symbols: ['B'], words: ['byte', 'bytes'] },
  },
  // Written back as Mbit, never Mb: `Mb` read as MB would be off by 8.
  {
    name: 'bit',
    spellings: ['b', 'bits'],
    is: '1/8 B',
    prefixes: { family: 'SI and IEC', symbols: ['bit', 'b'], words: ['bit', 'bits'] },
  },
  { name: 'bps', is: 'bit/s', prefixes: { family: 'SI', symbols: ['bps'] } },

  { name: 'ns', spellings: ['nanosecond', 'nanoseconds'], is: '1e-9 s', ladder: 'duration' },
  { name: 'us', spellings: ['µs', 'μs', 'microsecond', 'microseconds'], is: '1e-6 s', ladder: 'duration' },
  { name: 'ms', spellings: ['millisecond', 'milliseconds'], is: '1e-3 s', ladder: 'duration' },
  { name: 's', spellings: ['sec', 'secs', 'second', 'seconds'], base: 'unit', ladder: 'duration' },
  { name: 'min', spellings: ['mins', 'minute', 'minutes'], is: '60 s', ladder: 'duration' },
  { name: 'hour', spellings: ['h', 'hr', 'hrs', 'hours'], is: '3600 s', ladder: 'duration' },

  { name: 'USD', spellings: ['$', 'dollar', 'dollars', 'usd'], base: 'unit' },

  { name: 'm', spellings: ['meter', 'meters', 'metre', 'metres'], base: 'unit', ladder: 'length' },
  { name: 'km', spellings: ['kilometer', 'kilometers', 'kilometre', 'kilometres'], is: '1000 m', ladder: 'length' },
  { name: 'cm', is: '0.01 m', ladder: 'length' },
  { name: 'mm', is: '0.001 m', ladder: 'length' },

  { name: '%', spellings: ['percent'], is: '0.01', number: 'word' },
  // A multiplier as estimates write it: replication 3x, peak 5x.
  { name: 'x', is: '1', number: 'word' },
  { name: 'thousand', spellings: ['K', 'k'], is: '1000', number: 'suffix' },
  { name: 'million', spellings: ['M'], is: '1e6', number: 'suffix' },
  { name: 'billion', spellings: ['bn'], is: '1e9', number: 'suffix' },
  { name: 'trillion', spellings: ['T'], is: '1e12', number: 'suffix' },

  { name: 'day', spellings: ['days'], is: '86400 s', calendar: true, ladder: 'duration' },
  // No ladder: 3 weeks reads better as 21 days.
  { name: 'week', spellings: ['weeks', 'wk'], is: '7 day' },
  { name: 'month', spellings: ['months'], is: 'year/12', calendar: true },
  { name: 'year', spellings: ['years', 'yr', 'yrs'], is: '365 day', calendar: true, ladder: 'duration' },

  // Count nouns every scenario has; `server` and `shard` count capacity (servers(), shards()).
  { name: 'user', spellings: ['users'], base: 'noun' },
  { name: 'request', spellings: ['requests', 'req', 'reqs', 'query', 'queries'], base: 'noun' },
  { name: 'server', spellings: ['servers'], base: 'noun' },
  { name: 'shard', spellings: ['shards'], base: 'noun' },
  { name: 'request/s', spellings: ['qps', 'QPS', 'rps', 'RPS'], is: 'request/s' },
];

/**
 * Spellings bote refuses, each with its question: `kb` would read as kilobits
 * (k + b) when most who write it mean kilobytes, an 8x slip; `mb`, `gb`... are
 * no unit at all. Upper-case `Kb`, `Mb`, `Gb` stay bits, as network rates write them.
 */
export const AMBIGUOUS_UNITS: Readonly<Record<string, string>> = Object.fromEntries(
  SI_PREFIXES.filter((p) => p.word !== undefined).map((p) => [
    `${p.symbol.toLowerCase()}b`,
    `\`${p.symbol}B\` (${p.word}byte) or \`${p.symbol}bit\`?`,
  ]),
);

/** The units an unknown-unit hint names, as examples of what there is. */
export const NAMED_IN_HINTS: readonly string[] = [
  'B',
  'kB',
  'MB',
  'GiB',
  'bit',
  'Gbps',
  's',
  'ms',
  'hour',
  'day',
  'month',
  'year',
  'USD',
];

/** Lengths of the calendar units in seconds: the defaults, or a scenario's `conventions:`. */
export interface Conventions {
  day: number;
  month: number;
  year: number;
}
