import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT, stackTraceLines } from '../helpers/run-bote.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bote-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('bote init', () => {
  it('writes a commented starting point that estimates, with the schema line first', async () => {
    const r = await runInProcess(['init', 'my-service'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote my-service.yaml');
    const text = readFileSync(join(dir, 'my-service.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*scenario\.schema\.json$/);
    expect(text).toContain('name: my-service');
    expect(text).toMatch(/#/);
    const est = await runInProcess(['estimate', './my-service.yaml', '--json'], { cwd: dir });
    expect(est.code).toBe(0);
    const out = JSON.parse(est.stdout);
    // 10 M users × 5 items a day × 2 KB = 100 GB/day.
    expect(out.results.storage_per_day.value).toBeCloseTo(100, 9);
    expect(out.results.storage_per_day.unit).toBe('GB/day');
    // The template is the whole picture: its defaults cite their rows, and every section has a figure.
    expect(text).toContain('per_server: { value: 1000 request/s/server, origin: default, ref: T1 }');
    expect(out.assumptions.per_server).toMatchObject({ origin: 'default', ref: 'T1' });
    expect(out.assumptions.dau.origin).toBe('source');
    const sections = new Set(Object.values(out.results as Record<string, { section: string }>).map((x) => x.section));
    expect([...sections].sort()).toEqual(['bandwidth', 'cache', 'cost', 'servers', 'storage', 'traffic']);
  });

  it('points the schema line at the shipped schema by an absolute path, which holds when the file moves', async () => {
    await runInProcess(['init', 'svc'], { cwd: dir });
    const ref = readFileSync(join(dir, 'svc.yaml'), 'utf8')
      .split('\n')[0]!
      .replace(/^.*\$schema=/, '');
    expect(isAbsolute(ref), ref).toBe(true);
    expect(readFileSync(ref, 'utf8')).toBe(readFileSync(join(ROOT, 'schema', 'scenario.schema.json'), 'utf8'));
  });

  it('copies a built-in with --from, renamed, and gives its results', async () => {
    const r = await runInProcess(['init', 'short', '--from', 'url-shortener'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'short.yaml'), 'utf8');
    expect(text).toContain('name: short');
    expect(text).toContain('new_urls_per_day');
    const est = JSON.parse((await runInProcess(['estimate', './short.yaml', '--json'], { cwd: dir })).stdout);
    expect(est.results.storage_total.value).toBeCloseTo(36.5, 9);
  });

  it('never overwrites without --force, and says so', async () => {
    writeFileSync(join(dir, 'mine.yaml'), 'precious: true\n');
    const r = await runInProcess(['init', 'mine'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mine\.yaml exists; nothing was written/);
    expect(r.stderr).toMatch(/--force/);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe('precious: true\n');
    const forced = await runInProcess(['init', 'mine', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toContain('assumptions:');
  });

  it('makes a valid scenario name of any file name, and quotes the path it suggests', async () => {
    for (const [name, slug] of [
      ['_draft', 'draft'],
      ['My Service!', 'my-service'],
      ['Ünïcode', 'n-code'],
      ['___', 'my-scenario'],
    ] as const) {
      const r = await runInProcess(['init', name], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(dir, `${name}.yaml`), 'utf8')).toContain(`name: ${slug}\n`);
      expect((await runInProcess(['validate', `${name}.yaml`], { cwd: dir })).code).toBe(0);
    }
    expect((await runInProcess(['init', 'Two words'], { cwd: dir })).stdout).toContain(
      "next: bote estimate './Two words.yaml'",
    );
  });

  it('an empty name is bad usage, and writes nothing', async () => {
    const r = await runInProcess(['init', ''], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a name/);
    expect(existsSync(join(dir, '.yaml'))).toBe(false);
  });

  it('--force replaces the file whole, leaving no temporary file behind', async () => {
    writeFileSync(join(dir, 'whole.yaml'), 'precious: true\n');
    expect((await runInProcess(['init', 'whole', '--force', '--from', 'uber'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'whole.yaml'), 'utf8')).toContain('name: whole');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a folder that does not exist is bad input, in words', async () => {
    const r = await runInProcess(['init', 'no/such/folder/x'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*x\.yaml: no such file or folder/);
    expect(stackTraceLines(r.stderr)).toEqual([]);
  });

  it('an unknown --from is bad input with a did-you-mean', async () => {
    const r = await runInProcess(['init', 'x', '--from', 'twiter'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/did you mean `twitter`/);
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });
});

describe('bote validate', () => {
  const broken = [
    'assumptions:',
    '  dau: 100M user',
    '  size: 3 MBB',
    'derived:',
    '  total: dau + 1 MB',
    '  doubled: { expr: dau * 2, unit: GB }',
    '',
  ].join('\n');

  it('reports every problem of every file, with file:line:col, and prints no results', async () => {
    writeFileSync(join(dir, 'broken.yaml'), broken);
    const r = await runInProcess(['validate', './broken.yaml', join(ROOT, 'scenarios', 'twitter.yaml')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('./broken.yaml:3:11: error: unknown unit `MBB`');
    expect(r.stderr).toContain('./broken.yaml:5:10: error: cannot add user and MB');
    expect(r.stderr).toContain('./broken.yaml:6:35: error: `unit: GB` does not fit');
    expect(r.stdout).toMatch(/twitter\.yaml: ok/);
    expect(r.stdout).not.toMatch(/tweet\/s/);
  });

  it('--json gives the diagnostics as data', async () => {
    writeFileSync(join(dir, 'broken.yaml'), broken);
    const r = await runInProcess(['validate', './broken.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(
      doc.diagnostics.map((d: { line: number; column: number; code: string }) => [d.line, d.column, d.code]),
    ).toEqual([
      [3, 11, 'unknown-unit'],
      [5, 10, 'unit-mismatch'],
      [6, 35, 'declared-unit'],
    ]);
  });

  it('passes every built-in scenario', async () => {
    const r = await runInProcess(['validate', 'twitter', 'url-shortener', 'uber', 'youtube']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
  });
});

describe('bote schema', () => {
  it('prints the shipped JSON Schema', async () => {
    const r = await runInProcess(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(
      JSON.parse(readFileSync(join(ROOT, 'schema', 'scenario.schema.json'), 'utf8')),
    );
  });
});
