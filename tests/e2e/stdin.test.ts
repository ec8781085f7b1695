import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT, runShell } from '../helpers/run-bote.js';

// A scenario on standard input: `bote estimate -`, `bote validate -`,
// `bote compare A -`. In process, stdin is text the test passes; one case
// pipes into the built binary (`npx tsup` first), where the process is the point.

const TWITTER = readFileSync(join(ROOT, 'scenarios', 'twitter.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'bote-stdin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bote estimate -', () => {
  it('estimates the scenario on stdin, the same as from its file', async () => {
    const piped = await runInProcess(['estimate', '-', '--json'], { stdin: TWITTER });
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
    const doc = JSON.parse(piped.stdout);
    expect(doc.scenario).toMatchObject({ name: 'twitter', file: '<stdin>' });
    const fromFile = JSON.parse((await runInProcess(['estimate', 'twitter', '--json'])).stdout);
    expect(doc.results).toEqual(fromFile.results);
  });

  it('names <stdin> with line and column in a syntax error', async () => {
    const text = ['title: broken', 'assumptions:', '  a: {', '  b: 2', '', ''].join('\n');
    const r = await runInProcess(['estimate', '-'], { stdin: text });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^<stdin>:\d+:\d+: error: /);
    const unit = await runInProcess(['estimate', '-'], { stdin: 'assumptions:\n  a: 1 user\n  b: 3 MBB\n' });
    expect(unit.stderr).toContain('<stdin>:3:8: error: unknown unit `MBB`');
  });

  it('pins <stdin>:LINE:COLUMN for a bad key and for a YAML syntax error', async () => {
    const r = await runInProcess(['validate', '-', '--json'], {
      stdin: 'assumptions:\n  a: 1 user\n  b: { valeu: 2 }\n',
    });
    expect(r.code).toBe(1);
    // `  b: { valeu: 2 }`: valeu starts at column 8; the mapping at column 6.
    expect(JSON.parse(r.stdout).diagnostics).toMatchObject([{ file: '<stdin>', line: 3, column: 8, code: 'schema' }]);
    // A YAML syntax error: `ab: c: 1` nests a mapping where a value goes; `c` is at column 5.
    const syntax = await runInProcess(['estimate', '-'], { stdin: 'title: broken\nassumptions:\nab: c: 1\n' });
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/^<stdin>:3:5: error: Nested mappings are not allowed in compact mappings\n/);
    expect(syntax.stderr).toContain('3 | ab: c: 1\n  |     ^');
  });

  it('reads extends: relative to the working folder', async () => {
    writeFileSync(
      join(dir, 'base.yaml'),
      'assumptions:\n  users: 10 user\nderived:\n  twice: { expr: users * 2, unit: user }\n',
    );
    const r = await runInProcess(['estimate', '-', '--json'], {
      cwd: dir,
      stdin: 'extends: ./base.yaml\nassumptions:\n  users: 30 user\n',
    });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).results.twice.value).toBe(60);
  });

  it('without a standard input, or read twice, is bad usage', async () => {
    expect((await runInProcess(['estimate', '-'])).code).toBe(2);
    const twice = await runInProcess(['compare', '-', '-'], { stdin: TWITTER });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('standard input (-) can be read once');
    expect((await runInProcess(['validate', '-', '-'], { stdin: TWITTER })).code).toBe(2);
    const watch = await runInProcess(['estimate', '-', '--watch'], { stdin: TWITTER });
    expect(watch.code).toBe(2);
    expect(watch.stderr).toContain('standard input cannot be watched');
  });
});

describe('bote validate - and bote compare A -', () => {
  it('validates stdin among files', async () => {
    const r = await runInProcess(['validate', 'scenarios/url-shortener.yaml', '-'], { stdin: TWITTER });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('scenarios/url-shortener.yaml: ok\n<stdin>: ok\n');
  });

  it('compares a built-in with a variant on stdin', async () => {
    const r = await runInProcess(['compare', 'twitter', '-', '--json'], {
      stdin: 'extends: twitter\nname: doubled\nassumptions:\n  mau: 600 million user\n',
    });
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.columns[1]).toEqual({ name: 'doubled', scenario: 'doubled', file: '<stdin>', settings: {} });
    // 150M → 300M user: +100%.
    expect(doc.results.dau).toMatchObject({ values: [150e6, 300e6], changes: [null, 1] });
  });
});

describe('a real pipe (the built binary)', () => {
  it('cat twitter.yaml | bote estimate - --json', () => {
    const r = runShell(`cat scenarios/twitter.yaml | node bin/bote.js estimate - --json`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results.dau.value).toBe(150e6);
    const bad = runShell(`printf 'assumptions:\\n  a: 1 user\\n  b: 3 MBB\\n' | node bin/bote.js estimate -`);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('<stdin>:3:8: error: unknown unit `MBB`');
  });
});
