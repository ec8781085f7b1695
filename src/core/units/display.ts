import type { Dimension } from './dimension.js';
import { UnitRegistry } from './registry.js';
import { IEC_PREFIXES, LADDERS, SI_PREFIXES, type Ladder } from './table.js';

/**
 * `x` to `digits` significant digits, for display; never past the largest
 * number: 1.7976931348623157e308 to three digits is 1.80e308, which is
 * Infinity, so such a value stays as it is.
 */
export function toDigits(x: number, digits: number): number {
  const r = Number(x.toPrecision(digits));
  return Number.isFinite(r) || !Number.isFinite(x) ? r : x;
}

/**
 * Which unit a value reads best in, by the table's display preferences
 * (table.ts): durations and lengths on their ladders, bytes and bits in the
 * prefixes of their own family. One rule for all of them: the largest step
 * that the value, shown to three digits, reaches 1 in. Rendering the number
 * is render/number.ts's affair.
 */

interface Step {
  unit: string;
  size: number;
}

interface Shelves {
  ladders: Map<Ladder, Step[]>;
  /** `MB/day`, `Kibit`, `GB-month`: a prefix of the table's, then a unit that takes one. */
  prefixed: RegExp;
}

const shelves = new WeakMap<UnitRegistry, Shelves>();

function shelvesOf(registry: UnitRegistry): Shelves {
  const known = shelves.get(registry);
  if (known) return known;
  const ladders = new Map<Ladder, Step[]>();
  for (const e of registry.entries) {
    if (!e.ladder) continue;
    ladders.set(e.ladder, [...(ladders.get(e.ladder) ?? []), { unit: e.name, size: registry.unit(e.name)!.factor }]);
  }
  for (const steps of ladders.values()) steps.sort((a, b) => a.size - b.size);
  const names = registry.entries.filter((e) => e.prefixes).map((e) => escapeRegExp(e.name));
  const prefixes = [...IEC_PREFIXES, ...SI_PREFIXES].map((p) => escapeRegExp(p.symbol));
  const prefixed = new RegExp(`^(${prefixes.join('|')})?(${names.join('|')})(?=$|[/·-])`);
  const made = { ladders, prefixed };
  shelves.set(registry, made);
  return made;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a value in base units, shown in a unit of this size to three digits, reads at least 1. */
function reaches(base: number, size: number): boolean {
  return Math.abs(toDigits(base / size, 3)) >= 1;
}

/** The largest step a value in base units reaches; `below` where it reaches none. */
function largestReached(base: number, steps: readonly Step[], below: Step): Step {
  let best = below;
  for (const s of steps) if (reaches(base, s.size)) best = s;
  return best;
}

/**
 * A value in a unit of bytes or bits, in the prefix of the unit's own family
 * (SI stays SI, IEC stays IEC) that it reaches: 1e-10 TB is 100 B, 2500 KiB
 * is 2.44 MiB, 10 Gbit/s stays. Other units as they are.
 */
export function rePrefixed(
  value: number,
  unit: string,
  registry = UnitRegistry.create(),
): { value: number; unit: string } {
  const m = shelvesOf(registry).prefixed.exec(unit);
  if (!m) return { value, unit };
  const [written, prefix = '', name] = m as unknown as [string, string | undefined, string];
  const iec = IEC_PREFIXES.some((p) => p.symbol === prefix);
  const family = (iec ? IEC_PREFIXES : SI_PREFIXES).filter((p) => p.shown !== false);
  const factor = [...IEC_PREFIXES, ...SI_PREFIXES].find((p) => p.symbol === prefix)?.factor ?? 1;
  // 1e301 GB has no finite number of bytes: it stays as written.
  if (!Number.isFinite(value * factor)) return { value, unit };
  const plain = { unit: '', size: 1 };
  const best = largestReached(
    value * factor,
    family.map((p) => ({ unit: p.symbol, size: p.factor })),
    plain,
  );
  return { value: (value * factor) / best.size, unit: `${best.unit}${name}${unit.slice(written.length)}` };
}

/**
 * How a value in `unit` is shown: re-prefixed in its family, or on its ladder
 * (`onLadder`: three digits then); any other unit stays, and its value takes
 * a scale word (3.47 K tweet/s). A ladder unit is matched by the name it is
 * written back as: `hours` as written stays hours.
 */
export function displayUnit(
  value: number,
  unit: string,
  registry = UnitRegistry.create(),
): { value: number; unit: string; onLadder: boolean } {
  const { ladders, prefixed } = shelvesOf(registry);
  if (prefixed.test(unit)) return { ...rePrefixed(value, unit, registry), onLadder: true };
  const ladder = registry.entries.find((e) => e.name === unit)?.ladder;
  if (!ladder) return { value, unit, onLadder: false };
  const steps = ladders.get(ladder)!;
  const base = value * registry.unit(unit)!.factor;
  if (!Number.isFinite(base)) return { value, unit, onLadder: false };
  // Zero reaches no step: it reads as 0 s (0 m), not 0 ns.
  const below = base === 0 ? (steps.find((s) => s.size === 1) ?? steps[0]!) : steps[0]!;
  const best = largestReached(base, steps, below);
  return { value: base / best.size, unit: best.unit, onLadder: true };
}

/**
 * The unit a value in base units reads best in, when none was written:
 * durations on their ladder (from seconds), bytes and byte rates in SI
 * prefixes, anything else in base units (tweet/s; USD/day is shown as USD/s:
 * ask with `->` for another).
 */
export function bestUnit(
  value: number,
  dim: Dimension,
  registry = UnitRegistry.create(),
): { value: number; unit: string } {
  if (dim.isNone) return { value, unit: '' };
  for (const [ladder, steps] of shelvesOf(registry).ladders) {
    const base = steps.find((s) => s.size === 1);
    if (!LADDERS[ladder].bare || !base || !registry.unit(base.unit)!.dim.equals(dim)) continue;
    const best = largestReached(value, steps, base);
    return { value: value / best.size, unit: best.unit };
  }
  return rePrefixed(value, String(dim), registry);
}

/**
 * For explain's "(1 day = 86,400 s)": the units of time of a second or more
 * named in `texts` (units and literals of one step, a plural `days` too),
 * each but the smallest in the smallest, largest first. Fewer than two: none.
 */
export function timeConversions(
  texts: readonly string[],
  registry: UnitRegistry,
): Array<{ unit: string; value: number; in: string }> {
  const time = registry.unit('s');
  if (!time) return [];
  const units = registry.entries
    .map((e) => registry.unit(e.name)!)
    .filter((u) => u.dim.equals(time.dim) && u.factor >= 1)
    .sort((a, b) => b.factor - a.factor);
  const named = units.filter((u) => {
    const word = new RegExp(`(^|[/ ·(])${escapeRegExp(u.symbol)}(s)?($|[/ ·^)])`);
    return texts.some((t) => word.test(t));
  });
  if (named.length < 2) return [];
  const smallest = named.at(-1)!;
  return named.slice(0, -1).map((u) => ({ unit: u.symbol, value: u.factor / smallest.factor, in: smallest.symbol }));
}
