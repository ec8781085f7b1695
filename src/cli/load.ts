import type { Diagnostic, Result } from '../core/diagnostic.js';
import type { Figure, Model } from '../core/scenario/model.js';
import { compileScenario } from '../core/scenario/compile.js';
import { didYouMean } from '../core/suggest.js';
import { renderDiagnostics } from '../render/diagnostic.js';
import { CliError, type Io } from './io.js';
import { findScenario, type ScenarioFile } from './scenario-files.js';

/** Problems printed before `… and N more`: `bote validate` prints every one. */
const SHOWN_PROBLEMS = 100;

// What every command that works on one scenario does first: find it, read it,
// compile it, and stop with the diagnostics when it is wrong.

export function loadModel(io: Io, ref: string): Model {
  return loadScenario(io, ref).model;
}

/** The model and the file it came from (interactive mode saves beside it). */
export function loadScenario(io: Io, ref: string): { file: ScenarioFile; model: Model } {
  const file = findScenario(io, ref);
  const text = io.readFile(file.path);
  return { file, model: orFail(io, compileScenario(text, { file: file.display, name: file.name }), text) };
}

/** Prints a failed step's diagnostics and stops with exit code 1. */
export function orFail<T>(io: Io, result: Result<T>, text: string): T {
  if (result.ok) return result.value;
  printDiagnostics(io, result.diagnostics, text);
  throw new CliError(
    `${result.diagnostics.length} problem${result.diagnostics.length > 1 ? 's' : ''}`,
    1,
    undefined,
    true,
  );
}

function printDiagnostics(io: Io, diagnostics: Diagnostic[], text: string): void {
  io.stderr(renderDiagnostics(diagnostics, text, { limit: SHOWN_PROBLEMS }));
}

/** A figure named on the command line, or bad input with a did-you-mean. */
export function figureNamed(model: Model, name: string): Figure {
  const figure = model.byName.get(name);
  if (figure) return figure;
  const guess = didYouMean(name, model.byName.keys());
  throw new CliError(
    `\`${name}\` is not a figure of ${model.name}`,
    1,
    guess ? `did you mean \`${guess}\`?` : `the figures are ${[...model.byName.keys()].join(', ')}`,
  );
}

/** The Monte Carlo seed: the user's, or a fresh one. Chosen here, at the edge, so that the core stays deterministic. */
export function seedOf(flags: { seed?: number }): number {
  return flags.seed ?? Math.floor(Math.random() * 2 ** 32);
}
