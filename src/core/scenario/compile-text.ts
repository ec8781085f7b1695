import type { Result } from '../diagnostic.js';
import { compileChain, type CompileOptions } from './compile.js';
import type { Model } from './model.js';
import { parseScenarioSource } from './source.js';

/**
 * One scenario's text to a checked model: YAML (source.ts), then
 * compileChain. A text that extends another is read with readChain
 * (extends.ts) and compiled with compileChain.
 */
export function compileScenario(text: string, options: CompileOptions = {}): Result<Model> {
  const parsed = parseScenarioSource(text, options.file);
  if (!parsed.ok) return parsed;
  return compileChain([parsed.value], options);
}
