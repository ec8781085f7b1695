import type { Diagnostic, Span } from '../diagnostic.js';
import type { Expr } from '../expr/ast.js';
import { countsWhole } from '../expr/functions.js';
import type { Dimension } from '../units/dimension.js';
import type { UnitRegistry } from '../units/registry.js';
import type { WrittenUnit } from '../units/written.js';
import type { Range } from './range.js';
import type { Section } from './sections.js';

/** Who states an assumption: the scenario's source (or the user), or bote, by a default. */
export type Origin = 'source' | 'default';

/** One named quantity of a scenario: an assumption (input) or a derived figure. */
export interface Figure {
  name: string;
  kind: 'assumption' | 'derived';
  /** Its slot in the values array; assumptions first, then derived in dependency order. */
  index: number;
  dim: Dimension;
  /** The quantity or formula as written. */
  text: string;
  /**
   * Its tree. A formula checked as parsed has it parsed again when first read,
   * by a getter of its class (lazy-figure.ts), as `code`: not an own property,
   * so a spread copy of such a figure has neither.
   */
  expr: Expr;
  /** The declared unit (derived), the written unit (assumption), or undefined: base units. */
  unit: WrittenUnit | undefined;
  note?: string;
  /** Where the value was written: the span, in `file` (a scenario that extends another holds figures of several files). */
  span: Span;
  file?: string;
  /** Names of the figures its formula uses (derived only). */
  uses: string[];
  /** Assumptions: the value in base units (a range's median). */
  value?: number;
  /** Assumptions written as a guess: `100M to 300M user`. */
  range?: Range;
  /**
   * Derived: its formula is a building block that buys whole things
   * (`servers()`, `shards()`: countsWhole), so its value is shown whole.
   * Read off the tree when checked, so that showing a figure need not parse it.
   */
  whole?: boolean;
  /** Derived: the checked formula as code (see compileProgram). */
  code?: string;
  /**
   * Derived: its value with every assumption as written, computed when it
   * was checked, by the operations of `code`: evaluateModel without --set
   * reads it rather than compile a program to run once.
   */
  evaluated?: number;
  /** Derived: where the result is shown, as written or inferred (see inferSection). */
  section?: Section;
  /** Derived: studied by `bote sensitivity NAME` when no result is named. */
  headline?: boolean;
  /** Assumptions: `source` unless the file marks it a default. */
  origin?: Origin;
  /** Assumptions: the `bote ref capacity` row it comes from, e.g. T1. */
  ref?: string;
}

/**
 * Whether a figure's value is a count servers() or shards() bought, shown
 * whole: read when the figure was checked, so that its formula is not parsed again.
 */
export function isWholeCount(f: Figure): boolean {
  return f.whole ?? countsWhole(f.expr);
}

/** The unit a figure is shown in: declared, written, or its base units. */
export function unitOf(f: Figure): { text: string; factor: number } {
  return f.unit ? { text: f.unit.text, factor: f.unit.factor } : { text: f.dim.isNone ? '' : String(f.dim), factor: 1 };
}

/**
 * Whether a value in base units can be shown in the figure's unit: 1e308 B
 * is finite, but not in bit; -5e307 is, but not as a percentage (×100).
 */
export function showable(f: Figure, base: number): boolean {
  return showableIn(f)(base);
}

/** `showable` for one figure, its unit looked up once: for a column of samples or a sweep's points. */
export function showableIn(f: Figure): (base: number) => boolean {
  const percent = f.kind === 'assumption' && f.text.trim().endsWith('%');
  const factor = unitOf(f).factor;
  return (base) => Number.isFinite(base / factor) && (!percent || Number.isFinite(base * 100));
}

/** Where a figure was written, for a message about it: its span, in its own file. */
export function placeOf(model: Pick<Model, 'file'>, f: Figure): { span: Span; file?: string } {
  const file = f.file ?? model.file;
  return { span: f.span, ...(file !== undefined ? { file } : {}) };
}

/** A published figure to compare with, from `expect:`. */
export interface Expectation {
  name: string;
  text: string;
  /** `~`: within 10%; otherwise within 1%. */
  tolerance: number;
  /** In base units. */
  value: number;
  unit: WrittenUnit;
  erratum?: string;
  note?: string;
  span: Span;
  /** The file the published figure is written in (a parent's, when inherited). */
  file?: string;
}

/** A scenario that has passed every check: evaluating it is plain arithmetic. */
export interface Model {
  name: string;
  title: string;
  source?: string;
  description?: string;
  /** The scenario's own file and text; `sources` holds them and those of the files it extends. */
  file?: string;
  text: string;
  /** Every file of the scenario, itself first, then each file it extends: messages quote their lines. */
  sources: ReadonlyArray<{ file?: string; text: string }>;
  registry: UnitRegistry;
  /** Calendar conventions that differ from the defaults, as written. */
  conventions: Array<{ unit: 'day' | 'month' | 'year'; text: string }>;
  figures: Figure[];
  byName: ReadonlyMap<string, Figure>;
  expectations: Expectation[];
  /**
   * Published figures inherited from a scenario this one extends, left out of
   * the checks because this variant changes what they depend on (names).
   */
  setAside: string[];
  /** What `validate` mentions without failing: figures named like a unit. */
  notes: Diagnostic[];
  /** Why the scenario has no figure in a section, as written under `omitted:`. */
  omitted: ReadonlyMap<Section, string>;
}
