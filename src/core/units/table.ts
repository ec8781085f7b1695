import { Dimension } from './dimension.js';

/**
 * The built-in units, as data. `factor` is the size of one unit in base units:
 * bytes (B), seconds (s), US dollars (USD), metres (m) or one of a count noun.
 * Calendar units (day, week, month, year) are not here: a scenario may restate
 * them (`conventions:`), so the registry builds them.
 */
export interface UnitDef {
  symbol: string;
  aliases?: readonly string[];
  factor: number;
  dim: Dimension;
  /** Which prefixes the symbol takes: `MB`, `MiB`, `Gbit`, `Gbps`. */
  prefixes?: 'bytes' | 'si';
  /** A scale word or `%`: a plain number in disguise, shown as a number. */
  scale?: boolean;
}

const B = Dimension.base('B');
const S = Dimension.base('s');
const USD = Dimension.base('USD');
const M = Dimension.base('m');
const none = Dimension.none;

export const SI_PREFIXES: ReadonlyArray<readonly [string, number, string]> = [
  ['k', 1e3, 'kilo'], ['K', 1e3, ''], ['M', 1e6, 'mega'], ['G', 1e9, 'giga'], ['T', 1e12, 'tera'],
  ['P', 1e15, 'peta'], ['E', 1e18, 'exa'], ['Z', 1e21, 'zetta'], ['Y', 1e24, 'yotta'],
];

export const IEC_PREFIXES: ReadonlyArray<readonly [string, number, string]> = [
  ['Ki', 2 ** 10, 'kibi'], ['Mi', 2 ** 20, 'mebi'], ['Gi', 2 ** 30, 'gibi'], ['Ti', 2 ** 40, 'tebi'],
  ['Pi', 2 ** 50, 'pebi'], ['Ei', 2 ** 60, 'exbi'], ['Zi', 2 ** 70, 'zebi'], ['Yi', 2 ** 80, 'yobi'],
];

export const BUILTIN_UNITS: readonly UnitDef[] = [
  { symbol: 'B', aliases: ['byte', 'bytes'], factor: 1, dim: B, prefixes: 'bytes' },
  { symbol: 'bit', aliases: ['b', 'bits'], factor: 1 / 8, dim: B, prefixes: 'bytes' },
  { symbol: 'bps', factor: 1 / 8, dim: B.div(S), prefixes: 'si' },

  { symbol: 'ns', aliases: ['nanosecond', 'nanoseconds'], factor: 1e-9, dim: S },
  { symbol: 'us', aliases: ['µs', 'μs', 'microsecond', 'microseconds'], factor: 1e-6, dim: S },
  { symbol: 'ms', aliases: ['millisecond', 'milliseconds'], factor: 1e-3, dim: S },
  { symbol: 's', aliases: ['sec', 'secs', 'second', 'seconds'], factor: 1, dim: S },
  { symbol: 'min', aliases: ['mins', 'minute', 'minutes'], factor: 60, dim: S },
  { symbol: 'hour', aliases: ['h', 'hr', 'hrs', 'hours'], factor: 3600, dim: S },

  { symbol: 'USD', aliases: ['$', 'dollar', 'dollars', 'usd'], factor: 1, dim: USD },

  { symbol: 'm', aliases: ['meter', 'meters', 'metre', 'metres'], factor: 1, dim: M },
  { symbol: 'km', aliases: ['kilometer', 'kilometers', 'kilometre', 'kilometres'], factor: 1e3, dim: M },
  { symbol: 'cm', factor: 1e-2, dim: M },
  { symbol: 'mm', factor: 1e-3, dim: M },

  { symbol: '%', aliases: ['percent'], factor: 0.01, dim: none, scale: true },
  // A multiplier as estimates write it: replication 3x, peak 5x.
  { symbol: 'x', factor: 1, dim: none, scale: true },
  { symbol: 'thousand', aliases: ['K', 'k'], factor: 1e3, dim: none, scale: true },
  { symbol: 'million', aliases: ['M'], factor: 1e6, dim: none, scale: true },
  { symbol: 'billion', aliases: ['bn'], factor: 1e9, dim: none, scale: true },
  { symbol: 'trillion', aliases: ['T'], factor: 1e12, dim: none, scale: true },
];

/** Count nouns every scenario has; `qps` and `rps` are request/s. `server` and `shard` count capacity (servers(), shards()). */
export const BUILTIN_NOUNS: ReadonlyArray<{ noun: string; aliases: readonly string[] }> = [
  { noun: 'user', aliases: ['users'] },
  { noun: 'request', aliases: ['requests', 'req', 'reqs', 'query', 'queries'] },
  { noun: 'server', aliases: ['servers'] },
  { noun: 'shard', aliases: ['shards'] },
];

export const RATE_ALIASES: ReadonlyArray<readonly [alias: string, noun: string]> = [
  ['qps', 'request'], ['QPS', 'request'], ['rps', 'request'], ['RPS', 'request'],
];

/** Default calendar: a day of 86,400 s, year = 365 day, month = year/12. */
export const DEFAULT_CONVENTIONS = { day: 86400, year: 365 * 86400, month: (365 * 86400) / 12 } as const;

/** Lengths of the calendar units in seconds: the defaults, or a scenario's `conventions:`. */
export interface Conventions {
  day: number;
  month: number;
  year: number;
}

/**
 * The durations a value is shown in, ascending, in seconds. Day and year
 * follow the scenario's conventions, so that a duration shown as days reads
 * back as the same number of seconds. (No week or month: 3 weeks reads better
 * as 21 days.)
 */
export function durationUnits(c: Conventions = DEFAULT_CONVENTIONS): ReadonlyArray<readonly [string, number]> {
  return [['ns', 1e-9], ['us', 1e-6], ['ms', 1e-3], ['s', 1], ['min', 60], ['hour', 3600], ['day', c.day], ['year', c.year]];
}

/** Number suffixes attached to a literal: `300k`, `300M`, `2bn`, `3T`. */
export const NUMBER_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['K', 1e3], ['M', 1e6], ['bn', 1e9], ['T', 1e12],
]);
