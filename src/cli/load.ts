import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Result } from '../core/diagnostic.js';
import type { Figure, Model } from '../core/scenario/model.js';
import { compileChain } from '../core/scenario/compile.js';
import { readChain, type ReadParent, type ScenarioText } from '../core/scenario/extends.js';
import { didYouMean } from '../core/suggest.js';
import type { Texts } from '../render/diagnostic.js';
import { parserFor } from './builtins.js';
import { CliError, type FileReader, type Io } from './io.js';
import { orFail } from './fail.js';
import { findScenario, isPathRef, type ScenarioFile } from './scenario-files.js';

/** Standard input, as a scenario argument: `bote estimate -`. */
export const STDIN = '-';

/**
 * A scenario as a command or the library is given it: a name, a path, `-`
 * (standard input), or text given whole (the library's `{ yaml, file }`,
 * where `file` names it in messages and relative `extends:` paths start
 * beside it).
 */
export type ScenarioRef = string | { text: string; file?: string };

/** A scenario read with every file it extends, compiled or not. */
export interface Loaded {
  /** The scenario's own file. */
  file: ScenarioFile;
  /** Every file read, the scenario first: messages quote their lines; --watch watches the real ones. */
  texts: ScenarioText[];
  model: Result<Model>;
}

// What every command that works on one scenario does first: find it, read it
// and the files it extends, compile them, and stop with the diagnostics when
// they are wrong.

/**
 * Finds and reads a scenario and the chain of files it extends
 * (core/scenario/extends.ts follows it), and compiles them. A scenario that
 * cannot be found is a CliError; everything after that, a diagnostic.
 */
export function readScenario(io: FileReader & Pick<Io, 'readStdin'>, ref: ScenarioRef): Loaded {
  const { file, text } = openScenario(io, ref);
  return readFrom(io, file, text);
}

/**
 * The files a scenario is made of, itself first, as far as they can be read
 * now (a broken parent still counts): what --watch watches. Only real files,
 * not standard input.
 */
export function chainFiles(io: FileReader, ref: string): Array<{ file: string; path: string }> {
  const { file, text } = openScenario(io, ref);
  return chainFrom(io, file, text)
    .texts.filter((t) => isAbsolute(t.id))
    .map((t) => ({ file: t.file, path: t.id }));
}

/** The chain from a scenario already found and read (`bote check` lists them first), compiled. */
export function readFrom(io: FileReader, file: ScenarioFile, text: string): Loaded {
  const chain = chainFrom(io, file, text);
  const model = chain.sources.ok ? compileChain(chain.sources.value, { name: file.name }) : chain.sources;
  return { file, texts: chain.texts, model };
}

function chainFrom(io: FileReader, file: ScenarioFile, text: string) {
  // Text given whole is known by its name; its relative `extends:` start beside that name, or here.
  const id = file.origin === 'text' ? file.display : file.path;
  const given = file.origin === 'text' ? file.path && resolve(io.cwd, file.path) : file.path;
  const dirs = new Map([[id, given ? dirname(given) : io.cwd]]);
  return readChain({ file: file.display, text, id }, parentReader(io, dirs), parserFor(io));
}

function openScenario(io: FileReader & Pick<Io, 'readStdin'>, ref: ScenarioRef): { file: ScenarioFile; text: string } {
  if (typeof ref === 'object') {
    const display = ref.file ?? '<yaml>';
    return {
      file: { display, path: ref.file ?? '', name: nameOf(ref.file, 'scenario'), origin: 'text' },
      text: ref.text,
    };
  }
  if (ref === STDIN) {
    if (!io.readStdin) throw new CliError('there is no standard input to read a scenario from', 2);
    return { file: { display: '<stdin>', path: '', name: 'stdin', origin: 'text' }, text: io.readStdin() };
  }
  const file = findScenario(io, ref);
  return { file, text: io.readFile(file.path) };
}

function nameOf(file: string | undefined, fallback: string): string {
  const base = file
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/\.ya?ml$/, '');
  return base || fallback;
}

/** How `extends:` is resolved: a path from the folder of the file that says it, a name as any scenario name. */
function parentReader(io: FileReader, dirs: Map<string, string>): ReadParent {
  return (ref, from) => {
    let file: ScenarioFile;
    if (isPathRef(ref)) {
      const path = resolve(dirs.get(from.id) ?? io.cwd, ref);
      if (!io.isFile(path))
        return {
          ok: false,
          message: `no scenario file at ${ref}`,
          hint: `a path in extends: starts in the folder of ${from.file}`,
        };
      const shown = relative(io.cwd, path);
      file = {
        display: shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path,
        path,
        name: '',
        origin: 'path',
      };
    } else {
      try {
        file = findPast(io, ref, (path) => dirs.has(path));
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        return { ok: false, message: e.message, ...(e.hint ? { hint: e.hint } : {}) };
      }
    }
    let text: string;
    try {
      text = io.readFile(file.path);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      return { ok: false, message: e.message };
    }
    dirs.set(file.path, dirname(file.path));
    return { ok: true, value: { file: file.display, text, id: file.path } };
  };
}

/**
 * The scenario a name in `extends:` means: the first found past the files of
 * the chain (./twitter.yaml may extend the built-in twitter); when there is
 * none, the chain's own file, so that readChain names the cycle as one.
 */
function findPast(io: FileReader, ref: string, inChain: (path: string) => boolean) {
  try {
    return findScenario(io, ref, inChain);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    try {
      return findScenario(io, ref);
    } catch {
      throw e;
    }
  }
}

/** `target` as a file in `folder` writes it: relative, with `/`, starting with `.` (`./base.yaml`, `../base.yaml`). */
export function writtenPath(folder: string, target: string): string {
  const rel = relative(folder, target).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** A relative path in `extends:` starts beside the file: point it from the new place (a name stays a name). */
export function moveExtendsRef(text: string, from: string, to: string): string {
  return text.replace(
    /^(extends:[ \t]*)(['"]?)([^'"#\n]*?)\2([ \t]*(?:#.*)?)$/m,
    (whole, head: string, quote: string, ref: string, tail: string) => {
      if (!isPathRef(ref) || isAbsolute(ref)) return whole;
      return `${head}${quote}${writtenPath(dirname(to), resolve(dirname(from), ref))}${quote}${tail}`;
    },
  );
}

/**
 * Standard input can be read once: a command given `-` twice (`bote compare
 * - -`) is bad usage, said before anything is read.
 */
export function stdinOnce(refs: readonly string[]): void {
  if (refs.filter((r) => r === STDIN).length > 1)
    throw new CliError('standard input (-) can be read once: give it as one scenario only', 2);
}

/**
 * How a command goes from a scenario to its results and stops on bad input:
 * the command line prints the diagnostics and exits 1 (cliLoader), the
 * library throws them (src/api/error.ts). Both run the same steps with it.
 */
export interface Loader {
  /** The scenario, compiled. */
  model(ref: ScenarioRef): Model;
  /** A step's value; its diagnostics point into `texts` (Model.sources). */
  check<T>(result: Result<T>, texts: Texts): T;
}

export function cliLoader(io: Io): Loader {
  return { model: (ref) => loadModel(io, ref), check: (result, texts) => orFail(io, result, texts) };
}

export function loadModel(io: Io, ref: ScenarioRef): Model {
  return loadScenario(io, ref).model;
}

/** The model and the file it came from (interactive mode saves beside it). */
export function loadScenario(io: Io, ref: ScenarioRef): { file: ScenarioFile; model: Model } {
  const loaded = readScenario(io, ref);
  return { file: loaded.file, model: orFail(io, loaded.model, loaded.texts) };
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
