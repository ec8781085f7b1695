import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBote } from '../helpers/run-bote.js';

// What the built binary loads to start (docs/performance.md): a built-in is
// read from the data the build shipped, so the YAML parser and the schema
// (dist/reader.js and what it imports) stay unloaded; a user's file loads
// them. Module files, not times: no test here asserts a time.

/** The module files of the bundle one run loads, as Node's ES module loader names them. */
function loaded(args: string[], cwd = ROOT): string[] {
  const r = runBote(args, { cwd, env: { NODE_DEBUG: 'esm' } });
  expect(r.code, r.stderr.slice(-500)).toBe(0);
  const files = [...r.stderr.matchAll(/Storing file:\/\/(\S+)/g)].map((m) => m[1]!);
  return [...new Set(files)].filter((f) => f.includes('/dist/'));
}

describe('start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bote-startup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('estimate of a built-in loads neither the YAML parser nor the schema, and few files', () => {
    const files = loaded(['estimate', 'twitter', '--json'], dir);
    expect(files.filter((f) => f.endsWith('/dist/reader.js'))).toEqual([]);
    // 36 before the bundle kept estimate's code in one chunk (tsup.config.ts).
    expect(files.length).toBeLessThan(15);
  });

  it("a user's file loads them", () => {
    copyFileSync(join(ROOT, 'scenarios', 'twitter.yaml'), join(dir, 'mine.yaml'));
    expect(loaded(['estimate', 'mine.yaml', '--json'], dir).filter((f) => f.endsWith('/dist/reader.js'))).toHaveLength(
      1,
    );
  });
});
