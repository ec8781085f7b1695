import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { ok } from '../core/diagnostic.js';
import type { ParseText, ScenarioText } from '../core/scenario/extends.js';
import { precompiledSource, type Precompiled } from '../core/scenario/precompiled.js';
import type { FileReader } from './io.js';
import { builtinDir } from './scenario-files.js';

// Reading a scenario, fast where it can be: a built-in file whose text is the
// one the build parsed and checked (scripts/build-builtins.ts writes
// dist/builtins/NAME.json) is read from that data; anything else (a user's
// file, a local ./scenarios/NAME.yaml, a built-in edited since the build)
// goes through the YAML parser and the schema, loaded then.

type Reader = typeof import('./reader.js');
let reader: Reader | undefined;

/** Gives the full reader ahead of need: the library and the tests, which load it with the rest. */
export function useReader(loaded: Reader): void {
  reader = loaded;
}

/** How the files of a chain are parsed (core/scenario/extends.ts readChain). */
export function parserFor(io: FileReader): ParseText {
  let builtins: string | undefined;
  return (t) => {
    builtins ??= builtinDir(io);
    const shipped = dirname(t.id) === builtins ? precompiledFor(io, builtins, t) : undefined;
    return shipped ? ok(precompiledSource(shipped, t.file)) : fullReader().parseScenarioSource(t.text, t.file);
  };
}

/**
 * The built-in as the build shipped it (dist/builtins/ beside scenarios/ in the
 * package, and in a checkout, where the tests read it too), if that was made
 * from this very text.
 */
function precompiledFor(io: FileReader, builtins: string, t: ScenarioText): Precompiled | undefined {
  const path = join(builtins, '..', 'dist', 'builtins', `${basename(t.id).replace(/\.ya?ml$/, '')}.json`);
  try {
    if (!io.isFile(path)) return undefined;
    const shipped = JSON.parse(io.readFile(path)) as Precompiled;
    return shipped.text === t.text ? shipped : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The YAML parser and the schema, loaded on first need. A function that reads
 * a file is synchronous, so the module is loaded with require(), which loads
 * an ES module synchronously from Node 20.19 and 22.12 (main.ts loads it
 * before the command on a Node without). Node 22.12 calls that experimental
 * in a warning that is not the user's business.
 */
function fullReader(): Reader {
  if (reader) return reader;
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type !== 'ExperimentalWarning') emit.call(process, warning as string, ...(rest as []));
  }) as typeof process.emitWarning;
  try {
    reader = createRequire(import.meta.url)('./reader.js') as Reader;
  } finally {
    process.emitWarning = emit;
  }
  return reader;
}
