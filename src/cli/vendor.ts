// The third-party parsers the command line needs for some inputs only: the
// YAML parser and zod. tsup.config.ts builds them into a script of their own,
// dist/vendor.cjs, which bin/load-bundle.js runs when dist/cli.cjs first
// requires one of them; the keys are the module names it asks for (VENDORED).
// What src imports of them is named in vendor/, so that the rest is left out
// (zod's locales alone are half its size); tests/unit/vendor.test.ts holds
// every import in src to those lists.
import * as yaml from './vendor/yaml.js';
import * as zodMini from './vendor/zod.js';

export const modules = { yaml, 'zod/mini': zodMini };
