// bote as a library (docs/api.md): the same functions the commands run, with
// files read and nothing printed. `estimate` resolves to what
// `bote estimate --json` prints, `compare` and `explain` to their `--json`
// documents; bad input is thrown as a BoteError.
import { calcAnswer } from './cli/actions/calc.js';
import { comparison } from './cli/actions/compare.js';
import { estimateReport, withMentalMath } from './cli/actions/estimate.js';
import { explainDocument, explainSteps } from './cli/actions/explain.js';
import { useReader } from './cli/builtins.js';
import { CliError, processIo, type FileReader } from './cli/io.js';
import type { ScenarioRef } from './cli/load.js';
import { SAMPLES, SEED } from './cli/options.js';
import type { Setting } from './core/scenario/run.js';
import { compareDocument } from './render/compare.js';
import { reportDocument } from './render/json.js';
import { guarded, libraryLoader } from './api/error.js';
import * as reader from './cli/reader.js';

// The library loads the YAML parser with the rest: its start-up is its caller's.
useReader(reader);

export { BoteError, type BoteDiagnostic } from './api/error.js';

/** A built-in scenario's name, a path to a YAML file, or the text of one (`file` names it in messages, and relative `extends:` start beside it). */
export type Scenario = string | { yaml: string; file?: string };

/** Settings as `--set` takes them: `{ mau: '600M', media_size: '2 MB/tweet' }`; a plain number is in the figure's unit. */
export type Settings = Readonly<Record<string, string | number>>;

export interface Where {
  /** Where names and relative paths are looked up (./scenarios/ first, then BOTE_PATH, then the built-ins); the working folder by default. */
  cwd?: string;
}

export interface EstimateOptions extends Where {
  set?: Settings;
  /** Monte Carlo samples when an assumption is a range: 100 to 10,000,000; 10,000 by default. */
  samples?: number;
  /** The random seed, for the same percentiles twice: 0 to 2^32-1; a fresh one by default. */
  seed?: number;
  /** Add each result as mental math gives it (`mental: { value, unit, error }`), as `--mental` does. */
  mental?: boolean;
}

export interface CompareOptions extends Where {
  /** Applied to every column. */
  set?: Settings;
  /** Each a column after the scenarios: the first scenario with these settings. */
  variants?: readonly Settings[];
}

export interface ExplainOptions extends Where {
  set?: Settings;
}

export interface CalcOptions {
  /** Words to take as count nouns (`--noun`), e.g. ['tweet']. */
  nouns?: readonly string[];
}

/** What `bote estimate --json` prints (docs/json.md). */
export type EstimateDocument = ReturnType<typeof reportDocument>;
/** What `bote compare --json` prints (docs/json.md). */
export type CompareDocument = ReturnType<typeof compareDocument>;
/** What `bote explain --json` prints (docs/json.md). */
export type ExplainDocument = ReturnType<typeof explainDocument>;
/** What `bote calc --json` prints, without the `version`. */
export type CalcAnswer = ReturnType<typeof calcAnswer>;

/** One scenario's estimate: exactly the document `bote estimate --json` prints. */
export async function estimate(scenario: Scenario, options: EstimateOptions = {}): Promise<EstimateDocument> {
  const estimated = guarded(() => {
    const samples = whole('samples', options.samples, SAMPLES);
    const seed = whole('seed', options.seed, SEED);
    return estimateReport(loaderAt(options), refOf(scenario), {
      set: settingsOf(options.set),
      ...(samples !== undefined ? { samples } : {}),
      ...(seed !== undefined ? { seed } : {}),
    });
  });
  return reportDocument(options.mental ? await withMentalMath(estimated) : estimated.report);
}

/** Two or more scenarios (or one and its variants) side by side: the document `bote compare --json` prints. */
export async function compare(scenarios: readonly Scenario[], options: CompareOptions = {}): Promise<CompareDocument> {
  return guarded(() => {
    const { columns, comparison: c } = comparison(loaderAt(options), scenarios.map(refOf), {
      set: settingsOf(options.set),
      variants: (options.variants ?? []).map(settingsOf),
    });
    return compareDocument(c, columns);
  });
}

/** The steps from the assumptions to each named figure (all when none is named): the document `bote explain --json` prints. */
export async function explain(
  scenario: Scenario,
  names: readonly string[] = [],
  options: ExplainOptions = {},
): Promise<ExplainDocument> {
  return guarded(() =>
    explainDocument(explainSteps(loaderAt(options), refOf(scenario), names, settingsOf(options.set))),
  );
}

/** One expression, e.g. `calc('1 Gbps * 1 hour -> GiB')`: its value in `unit`, the friendly form, and notes. */
export function calc(expression: string, options: CalcOptions = {}): CalcAnswer {
  return guarded(() => calcAnswer(libraryLoader(filesAt(undefined)), expression, options.nouns ?? []));
}

function filesAt(cwd: string | undefined): FileReader {
  return processIo(cwd ?? process.cwd());
}

function loaderAt(options: Where) {
  return libraryLoader(filesAt(options.cwd));
}

function refOf(scenario: Scenario): ScenarioRef {
  if (typeof scenario === 'string') return scenario;
  if (scenario === null || typeof scenario !== 'object' || typeof scenario.yaml !== 'string')
    throw new CliError('a scenario is a name, a path, or { yaml: text, file? }', 2);
  return { text: scenario.yaml, ...(scenario.file !== undefined ? { file: scenario.file } : {}) };
}

function settingsOf(settings: Settings | undefined): Setting[] {
  return Object.entries(settings ?? {}).map(([name, value]) => ({ name, text: String(value) }));
}

/** A whole-number option within the command line's bounds. */
function whole(name: string, value: number | undefined, [low, high]: readonly [number, number]): number | undefined {
  if (value === undefined || (Number.isInteger(value) && value >= low && value <= high)) return value;
  throw new CliError(`${name} ${value}: expected a whole number from ${low} to ${high}`, 2);
}
