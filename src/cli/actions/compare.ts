import { compareColumns } from '../../core/analysis/compare.js';
import { evaluateModel, readOverrides, type Setting } from '../../core/scenario/run.js';
import { compareDocument, compareRows, type ColumnInfo } from '../../render/compare.js';
import { renderRows } from '../../render/rows.js';
import { CliError, type Io } from '../io.js';
import { cliLoader, stdinOnce, type Loader, type ScenarioRef } from '../load.js';
import type { SetFlags } from '../options.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import type { ColorFlags } from '../style.js';

export interface CompareFlags extends SetFlags, FormatFlags, ColorFlags {
  /** Each a column: the first scenario with these settings. */
  variant?: Setting[][];
}

/** What a comparison takes besides the scenarios: the command's flags, the library's options. */
export interface CompareOptions {
  /** Applied to every column, under each variant's own settings. */
  set?: readonly Setting[];
  variants?: ReadonlyArray<readonly Setting[]>;
}

/**
 * The columns of a comparison, evaluated and aligned: each scenario with
 * --set, then each variant (the first scenario with --set and its own
 * settings). `bote compare --json` prints compareDocument of it, and the
 * library's compare() returns the same.
 */
export function comparison(loader: Loader, refs: readonly ScenarioRef[], options: CompareOptions) {
  const variants = options.variants ?? [];
  if (!refs.length || refs.length + variants.length < 2)
    throw new CliError(
      'compare needs two scenarios, or one and a --variant',
      2,
      'e.g. bote compare twitter ./twitter-2x.yaml, or bote compare twitter --variant mau=600M',
    );
  const set = options.set ?? [];
  const models = refs.map((ref) => loader.model(ref));
  const wanted = [
    ...models.map((model) => ({ model, settings: set, label: model.name })),
    ...variants.map((settings) => ({
      model: models[0]!,
      settings: [...set, ...settings],
      label: settings.map((s) => `${s.name}=${s.text.trim()}`).join('; '),
    })),
  ];
  const columns: ColumnInfo[] = wanted.map((w, i) => ({ ...w, label: unique(w.label, wanted.slice(0, i)) }));
  const evaluated = columns.map(({ model, settings }) => {
    const overrides = loader.check(readOverrides(model, settings), model.sources);
    return { model, values: loader.check(evaluateModel(model, overrides), model.sources) };
  });
  return { columns, comparison: compareColumns(evaluated) };
}

/** A label seen before gets its place: `twitter (2)`. */
function unique(label: string, before: ReadonlyArray<{ label: string }>): string {
  const n = before.filter((b) => b.label === label).length;
  return n ? `${label} (${n + 1})` : label;
}

/** `bote compare <scenario...> [--variant settings...]`: the results side by side, each against the first. */
export async function compareCommand(io: Io, refs: string[], flags: CompareFlags): Promise<void> {
  stdinOnce(refs);
  const { columns, comparison: c } = comparison(cliLoader(io), refs, {
    ...(flags.set ? { set: flags.set } : {}),
    variants: flags.variant ?? [],
  });
  return emit(io, formatOf(flags), {
    json: () => compareDocument(c, columns),
    markdown: () => renderRows('markdown', compareRows(c, columns, 'displays')),
    rows: () => compareRows(c, columns, 'values'),
    table: async () => {
      const [{ renderCompareTable }, { styleFor }] = await Promise.all([
        import('../../render/compare-table.js'),
        import('../style.js'),
      ]);
      return renderCompareTable(c, columns, styleFor(io, flags));
    },
  });
}
