// Every test file: the YAML parser given ahead of need, as src/index.ts does
// (the command line's require() of it, cli/builtins.ts, is resolved when the
// bundle is built, and cannot load the TypeScript sources the tests run). Imported before the tests, not here
// at the top: a test file's vi.mock of a module the parser uses (the unit
// table) must be in place first.
import { beforeAll } from 'vitest';
import { useReader } from '../src/cli/builtins.js';

beforeAll(async () => useReader(await import('../src/cli/reader.js')));
