import type { Result, Span } from '../diagnostic.js';
import type { ScenarioData } from './schema.js';

// What a parsed scenario file is, apart from the parser (source.ts) that makes
// one: a built-in shipped parsed (precompiled.ts) is one too, and compiling
// (compile.ts) needs neither.

export type PathKey = string | number;

/** A parsed scenario file: the plain data, and where each part of it was written. */
export interface ScenarioSource {
  file?: string;
  text: string;
  data: unknown;
  /** Where the value (or the key) at `path` was written; the nearest parent if absent. */
  locate(path: readonly PathKey[], part?: 'key' | 'value'): Span;
  /** Maps an offset inside the string at `path` to an offset in the file. */
  offsetIn(path: readonly PathKey[]): (offset: number) => number;
  /** The data checked against the schema (schema.ts), or the messages placed in this file. */
  checked(): Result<ScenarioData>;
}
