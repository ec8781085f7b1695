import type { Figure, Model } from '../scenario/model.js';
import { SECTIONS, type Section } from '../scenario/sections.js';
import { delta } from './whatif.js';

// `bote compare`: the figures of several evaluated scenarios (or variants of
// one) aligned by name, each with its change against the first column.

/** One column: a scenario, evaluated (with its settings applied). */
export interface CompareColumn {
  model: Model;
  /** By figure index, in base units. */
  values: Float64Array;
}

/** A figure of one column. */
export interface ComparedCell {
  figure: Figure;
  /** In base units. */
  value: number;
  /** False when the figure has another dimension than the reference: no value in its unit, no change. */
  comparable: boolean;
}

/** One figure across the columns. */
export interface ComparedFigure {
  name: string;
  kind: Figure['kind'];
  /** Results: the reference's section. */
  section?: Section;
  /** The figure every column is shown in the unit of: the base column's, else the first column's that has it. */
  reference: Figure;
  /** Per column; undefined where the column has no figure of that name (missing, never 0). */
  cells: Array<ComparedCell | undefined>;
  /**
   * Per column, (value - base) / |base|: null for the base column itself, where
   * either side is missing or not comparable, and where the base is 0 and the value is not.
   */
  changes: Array<number | null>;
}

export interface Comparison {
  /** Every result, by section (traffic, storage, ... other), then in the base column's order. */
  results: ComparedFigure[];
  /** The assumptions that differ between the columns (or that a column lacks), in the base's order. */
  assumptions: ComparedFigure[];
}

/**
 * Aligns the figures of `columns` by name: results grouped by section, in the
 * order of the first column that has them; assumptions only where they differ.
 */
export function compareColumns(columns: readonly CompareColumn[]): Comparison {
  const all = (kind: Figure['kind']) => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (const { model } of columns)
      for (const f of model.figures)
        if (f.kind === kind && !seen.has(f.name)) {
          seen.add(f.name);
          names.push(f.name);
        }
    return names.map((name) => figureAcross(columns, name));
  };
  const results = all('derived');
  const order = (f: ComparedFigure) => SECTIONS.indexOf(f.section ?? 'other');
  // A stable sort: within a section, the order of first appearance stays.
  results.sort((a, b) => order(a) - order(b));
  const assumptions = all('assumption').filter((f) =>
    f.cells.some((c, i) => i > 0 && (c === undefined || !c.comparable || f.changes[i] !== 0)),
  );
  return { results, assumptions };
}

function figureAcross(columns: readonly CompareColumn[], name: string): ComparedFigure {
  const found = columns.map(({ model, values }) => {
    const figure = model.byName.get(name);
    return figure && { figure, value: values[figure.index]! };
  });
  const reference = found.find((c) => c !== undefined)!.figure;
  const cells = found.map((c) => c && { ...c, comparable: c.figure.dim.equals(reference.dim) });
  const base = cells[0];
  const changes = cells.map((c, i) =>
    i === 0 || !base?.comparable || !c?.comparable ? null : delta(base.value, c.value),
  );
  return {
    name,
    kind: reference.kind,
    ...(reference.kind === 'derived' ? { section: reference.section ?? 'other' } : {}),
    reference,
    cells,
    changes,
  };
}
