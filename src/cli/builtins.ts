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
 * The YAML parser and the schema, initialised on first need. They are part of
 * the command line's one script (tsup.config.ts), where this require() is
 * resolved at build time: it runs their modules' code only now, synchronously,
 * as reading a file is.
 */
function fullReader(): Reader {
  reader ??= require('./reader.js') as Reader;
  return reader;
}
