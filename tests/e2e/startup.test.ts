import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-bote.js';

// How the built command line starts (docs/performance.md): its scripts run
// with the code caches the build made (bin/load-bundle.js), and a built-in's
// estimate leaves the YAML parser and zod (dist/vendor.cjs) unloaded. What
// loads and which caches are taken, not times: no test here asserts a time.
// Each check runs in a plain `node`, as bin/bote.js does: V8 takes a cache
// only under the flags it was made with.

const LOADER = join(ROOT, 'bin', 'load-bundle.js');

/** The scripts one command loads in a fresh node, and what became of each one's cache, by file name. */
function loadedBy(argv: string[], cwd: string): Record<string, string> {
  const program = `
    const m = await import(${JSON.stringify(LOADER)});
    const cli = m.loadCli();
    const code = await cli.run(${JSON.stringify(argv)}, { ...cli.processIo(), stdout() {} });
    if (code !== 0) process.exit(code);
    console.log(JSON.stringify(m.loadedScripts()));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', program], { cwd, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const scripts = JSON.parse(r.stdout) as Array<{ path: string; cache: string }>;
  return Object.fromEntries(scripts.map((s) => [s.path.slice(s.path.lastIndexOf('/') + 1), s.cache]));
}

/** What became of the cache of `script` (a copy in a temp folder, with `cache` as its cache file). */
function cacheOfCopy(dir: string, script: Buffer, cache: Buffer): string {
  const path = join(dir, 'copy.cjs');
  writeFileSync(path, script);
  writeFileSync(`${path}.cache`, cache);
  const program = `
    const m = await import(${JSON.stringify(LOADER)});
    const { createRequire } = await import('node:module');
    console.log(m.loadScript(${JSON.stringify(path)}, createRequire(${JSON.stringify(path)})).cache);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

describe('start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bote-startup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a built-in's estimate runs dist/cli.cjs from its code cache, and loads neither the YAML parser nor zod", () => {
    expect(loadedBy(['estimate', 'twitter', '--json'], dir)).toEqual({ 'cli.cjs': 'accepted' });
  });

  it("a user's file loads them, from their own code cache", () => {
    copyFileSync(join(ROOT, 'scenarios', 'twitter.yaml'), join(dir, 'mine.yaml'));
    expect(loadedBy(['estimate', 'mine.yaml', '--json'], dir)).toEqual({
      'cli.cjs': 'accepted',
      'vendor.cjs': 'accepted',
    });
  });

  describe('a code cache is taken only for the script it was made from', () => {
    const script = readFileSync(join(ROOT, 'dist', 'cli.cjs'));
    const cache = readFileSync(join(ROOT, 'dist', 'cli.cjs.cache'));
    const end = cache.indexOf(10);
    const header = JSON.parse(cache.subarray(0, end).toString()) as { sha1: string; size: number; mtimeMs: number };
    const withHeader = (h: object, data = cache.subarray(end + 1)) =>
      Buffer.concat([Buffer.from(`${JSON.stringify(h)}\n`), data]);

    it('a copy (another time, the same bytes) is checked by its content, and taken', () => {
      expect(cacheOfCopy(dir, script, cache)).toBe('accepted');
    });

    it('a script of the same length that is not the same bytes is not run from it', () => {
      // V8 would take it: it checks the length alone.
      expect(cacheOfCopy(dir, script, withHeader({ ...header, sha1: '0'.repeat(40), mtimeMs: 0 }))).toBe('stale');
    });

    it('a cache V8 cannot use is refused by V8, and the script compiles as usual', () => {
      const data = Buffer.from(cache.subarray(end + 1));
      data.fill(0x55, 16, 64);
      expect(cacheOfCopy(dir, script, withHeader(header, data))).toBe('rejected');
    });

    it('a file that is no cache is left unused, and the script compiles as usual', () => {
      expect(cacheOfCopy(dir, script, Buffer.from('not a cache'))).toBe('stale');
      // A header that parses, but as no header: still only unused, never a crash.
      expect(cacheOfCopy(dir, script, Buffer.from('null\n'))).toBe('stale');
    });
  });

  it('a script is read as UTF-8: characters outside ASCII in its regular expressions stay themselves', () => {
    // esbuild escapes them in strings, not in regular expressions (render/wrap.ts's ✓ ✗ •, units' µ).
    const path = join(dir, 'marks.cjs');
    writeFileSync(path, 'module.exports = [/^[✓•µ]+$/.test("✓•µ"), "✓".length];\n');
    const program = `
      const m = await import(${JSON.stringify(LOADER)});
      const { createRequire } = await import('node:module');
      console.log(JSON.stringify(m.loadScript(${JSON.stringify(path)}, createRequire(${JSON.stringify(path)})).exports));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([true, 1]);
  });

  it('the built scripts are ASCII, their other characters escaped, so that V8 holds them one byte a character', () => {
    for (const name of ['cli.cjs', 'vendor.cjs']) {
      const text = readFileSync(join(ROOT, 'dist', name), 'utf8');
      expect(text.match(/[\u0080-\uffff]/)?.[0], name).toBeUndefined();
    }
    // The marks the table measures by length are still there, escaped.
    expect(readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8')).toContain('\\u2713');
  });
});
