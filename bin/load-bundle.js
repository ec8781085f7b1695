// Runs the command line's scripts with V8's code cache beside each: the
// functions a command runs come compiled, where otherwise every start parses
// and compiles them again (Node 20 has no compile cache of its own; compiling
// was the largest share of start-up). dist/cli.cjs is the command line;
// dist/vendor.cjs the YAML parser and zod, loaded when cli.cjs first requires
// one of them (a scenario file that is not a built-in shipped parsed), so
// that the other commands neither read nor deserialise them.
// scripts/build-code-cache.mjs makes the caches at build time by running
// commands. V8 refuses a cache made by another Node or with other flags, and
// the script then compiles as usual; a cache is also left unused unless it
// was made from this very script (V8 itself checks only the length).
// docs/performance.md says what this saves.
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');

/** The modules dist/vendor.cjs holds (src/cli/vendor.ts), which tsup leaves out of dist/cli.cjs. */
const VENDORED = ['yaml', 'zod/mini'];

/** Every script loaded by this process, by path: what makeCodeCaches writes. */
const loaded = new Map();

/** The command line's exports (src/cli/main.ts); `cache: false` compiles from source, as the cache's build must. */
function loadCli({ cache = true } = {}) {
  const nodeRequire = createRequire(join(DIST, 'cli.cjs'));
  const cliRequire = (id) =>
    VENDORED.includes(id)
      ? loadScript(join(DIST, 'vendor.cjs'), nodeRequire, { cache }).exports.modules[id]
      : nodeRequire(id);
  return loadScript(join(DIST, 'cli.cjs'), cliRequire, { cache }).exports;
}

/**
 * Runs a CommonJS script once, with its code cache when it has a good one.
 * `cache` says what became of that: `accepted`, `rejected` (by V8), `stale`
 * (made from other code) or `none`.
 */
function loadScript(path, require, { cache: wanted = true } = {}) {
  const known = loaded.get(path);
  if (known) return known;
  const bytes = readFileSync(path);
  const cached = wanted ? cacheFor(path, bytes) : 'none';
  // UTF-8: esbuild escapes other characters in strings, not in regular expressions (✓ µ ·).
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`, {
    filename: path,
    ...(typeof cached === 'object' ? { cachedData: cached } : {}),
  });
  const its = { exports: {} };
  const cache = typeof cached === 'object' ? (script.cachedDataRejected ? 'rejected' : 'accepted') : cached;
  const entry = { exports: its.exports, script, cache };
  loaded.set(path, entry);
  script.runInThisContext()(its.exports, require, its, path, dirname(path));
  entry.exports = its.exports;
  return entry;
}

/** The scripts this process has loaded, and what became of each one's cache (for the tests). */
function loadedScripts() {
  return [...loaded].map(([path, { cache }]) => ({ path, cache }));
}

/** Writes each loaded script's cache of what it has compiled so far. */
function makeCodeCaches() {
  for (const [path, { script }] of loaded) {
    const bytes = readFileSync(path);
    const { size, mtimeMs } = statSync(path);
    const header = JSON.stringify({ sha1: sha1(bytes), size, mtimeMs });
    const temp = `${path}.cache.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([Buffer.from(`${header}\n`), script.createCachedData()]));
    renameSync(temp, `${path}.cache`);
  }
}

/**
 * The cache's data if it was made from these bytes: the file as the build left
 * it (same size and time) or, copied or unpacked since, the same content.
 */
function cacheFor(path, bytes) {
  let file;
  try {
    file = readFileSync(`${path}.cache`);
  } catch {
    return 'none';
  }
  // Only a speed-up: a header that does not read as one leaves the cache unused, never stops a command.
  try {
    const end = file.indexOf(10);
    const made = JSON.parse(file.latin1Slice(0, end));
    const { size, mtimeMs } = statSync(path);
    const same = made.size === size && (made.mtimeMs === mtimeMs || made.sha1 === sha1(bytes));
    return same ? file.subarray(end + 1) : 'stale';
  } catch {
    return 'stale';
  }
}

/** node:crypto is loaded only here: it costs more to load than the check it serves where the file's time tells. */
function sha1(bytes) {
  return require('node:crypto').createHash('sha1').update(bytes).digest('hex');
}

module.exports = { VENDORED, loadCli, loadScript, loadedScripts, makeCodeCaches };
