import type { Result } from '../diagnostic.js';
import { compileChain, type CompileOptions } from './compile.js';
import type { Model } from './model.js';
import { parseScenarioSource } from './source.js';

/**
 * One scenario's text to a checked model: YAML (source.ts), then
 * compileChain. Gathers every problem it can find rather than stopping at the
 * first; a figure whose inputs are broken is not checked again, so one mistake
 * gives one message, unless the broken input declares a `unit:`, which gives
 * it the dimension its dependents are checked with. A text that extends another is read with readChain
 * (extends.ts) and compiled with compileChain.
 */
export function compileScenario(text: string, options: CompileOptions = {}): Result<Model> {
  const parsed = parseScenarioSource(text, options.file);
  if (!parsed.ok) return parsed;
  return compileChain([parsed.value], options);
}
