// Writes dist/builtins/NAME.json for every built-in scenario (run by `npm run
// build`): its text, parsed and checked, with where each part was written
// (core/scenario/precompiled.ts), so that `bote estimate twitter` loads
// neither the YAML parser nor the schema validator. A file that cannot be
// shipped so (it does not check, has aliases...) is left out and read in full.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { precompile } from '../src/core/scenario/source.js';

const scenarios = new URL('../scenarios/', import.meta.url);
const target = new URL('../dist/builtins/', import.meta.url);
mkdirSync(target, { recursive: true });
const left: string[] = [];
for (const name of readdirSync(scenarios).filter((f) => /\.ya?ml$/.test(f))) {
  // As cli/io.ts reads it: without a byte order mark.
  const text = readFileSync(new URL(name, scenarios), 'utf8').replace(/^\uFEFF/, '');
  const shipped = precompile(text);
  if (shipped) writeFileSync(new URL(`${name.replace(/\.ya?ml$/, '')}.json`, target), JSON.stringify(shipped));
  else left.push(name);
}
if (left.length) console.log(`build-builtins: read in full at run time: ${left.join(', ')}`);
