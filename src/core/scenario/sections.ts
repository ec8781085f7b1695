import { Dimension } from '../units/dimension.js';
import type { WrittenUnit } from '../units/written.js';
import type { UnitRegistry } from '../units/registry.js';

/**
 * The parts of a capacity estimate, in the order a review reads them; `other`
 * holds whatever is none of these (a key length, a ratio, a count of users).
 */
export const SECTIONS = ['traffic', 'storage', 'bandwidth', 'cache', 'servers', 'cost', 'other'] as const;
export type Section = (typeof SECTIONS)[number];

/** The six sections of the whole picture: every one but `other`. */
export const CAPACITY_SECTIONS = SECTIONS.filter((s): s is Exclude<Section, 'other'> => s !== 'other');

const TIME = Dimension.base('s');
/** Counted in `server` or `shard`: the output of servers() and shards(). */
const CAPACITY_NOUNS = new Set(['server', 'shard']);

/**
 * The section of a result whose file names none, from its dimension and
 * declared unit (docs/scenarios.md states the same rule):
 * - a count per time (`tweet/s`, `video/day`) is traffic;
 * - bytes per second, per minute or per hour, and bits per second, are bandwidth;
 * - bytes, and bytes per day, week, month or year, are storage;
 * - a count of `server` or `shard` is servers;
 * - USD, or USD per time, is cost;
 * - anything else is other. Cache is never inferred: its figures are bytes,
 *   like storage, so only `section: cache` puts a figure there.
 */
export function inferSection(dim: Dimension, unit: WrittenUnit | undefined, registry: UnitRegistry): Section {
  const time = dim.powerOf('s');
  if (time !== 0 && time !== -1) return 'other';
  const perTime = time === -1;
  const [only, ...more] = (perTime ? dim.mul(TIME) : dim).factors;
  if (!only || more.length || only[1] !== 1) return 'other';
  const base = only[0];
  if (base === 'USD') return 'cost';
  if (base === 'B') return perTime && !perDayOrLonger(unit, registry) ? 'bandwidth' : 'storage';
  if (!registry.nouns.includes(base)) return 'other';
  if (CAPACITY_NOUNS.has(base)) return perTime ? 'other' : 'servers';
  return perTime ? 'traffic' : 'other';
}

/**
 * Whether a byte rate is written per day or longer (`TB/day`, `PB/year`):
 * a volume that accumulates, not a flow. The time word of the declared unit
 * decides; `Gbps`, `MB/s` and base units (B/s) have none longer than a day.
 */
function perDayOrLonger(unit: WrittenUnit | undefined, registry: UnitRegistry): boolean {
  if (!unit) return false;
  const words = unit.text.split(/[^A-Za-z$µμ%]+/).filter(Boolean);
  return words.some((w) => {
    const u = registry.lookup(w);
    return u?.dim.equals(TIME) && u.factor >= registry.conventions.day;
  });
}
