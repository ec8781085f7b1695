import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_EXTENDS_DEPTH } from '../../src/core/scenario/extends.js';
import { runInProcess } from '../helpers/in-process.js';

// `extends:` end to end, in process: variants of the built-in twitter and of
// files of their own, their errors in the child and in the parent, cycles,
// depth, and the published figures a variant sets aside.
//
// twitter, by hand: dau = 300M user × 50% = 150M user; qps = 150M × 2
// tweet/user/day / 86,400 s = 3,472.22 tweet/s; media per day = 150M × 2 ×
// 10% × 1 MB = 30 TB/day; media total = 30 TB/day × 5 × 365 day = 54.75 PB.

const dir = mkdtempSync(join(tmpdir(), 'bote-extends-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, ...lines: string[]): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const run = (...args: string[]) => runInProcess(args, { cwd: dir });

async function json(...args: string[]) {
  const r = await run(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    scenario: { name: string; title: string; file: string };
    assumptions: Record<string, { value: number; text: string }>;
    results: Record<string, { value: number; unit: string }>;
    checks: Array<{ name: string; status: string }>;
    checksSetAside?: string[];
  };
}

describe('a variant of a built-in', () => {
  write(
    'twice.yaml',
    'extends: twitter',
    'title: Twitter at twice the size',
    'assumptions:',
    '  mau: { value: 600 million user, note: twice the users }',
    'derived:',
    '  media_per_dau: { expr: media_storage_per_day / dau, unit: MB/user/day }',
  );

  it('inherits every figure, overrides one, adds one', async () => {
    const doc = await json('estimate', './twice.yaml');
    expect(doc.scenario).toMatchObject({ name: 'twice', title: 'Twitter at twice the size', file: './twice.yaml' });
    // 600M × 50% = 300M user; qps 300M × 2 / 86,400 = 6,944.44 tweet/s (twice twitter's).
    expect(doc.results.dau!.value).toBe(300e6);
    expect(doc.results.qps!.value).toBeCloseTo(6944.444, 3);
    // Inherited as written: media_size, retention.
    expect(doc.assumptions.media_size!.text).toBe('1 MB/tweet');
    expect(Object.keys(doc.assumptions)).toContain('instance_price');
    // 60 TB/day / 300M user = 0.2 MB/user/day.
    expect(doc.results.media_per_dau).toMatchObject({ value: 0.2, unit: 'MB/user/day' });
  });

  it('sets aside the published figures that depend on what it changes, and says how many', async () => {
    const doc = await json('estimate', './twice.yaml');
    // Every one of twitter's five published figures depends on mau.
    expect(doc.checks).toEqual([]);
    expect(doc.checksSetAside).toEqual(['dau', 'qps', 'peak_qps', 'media_storage_per_day', 'media_storage_total']);
    const table = await run('estimate', './twice.yaml');
    expect(table.stdout).toContain(
      '5 inherited published figures set aside (dau, qps, peak_qps, media_storage_per_day...): this variant changes what they depend on',
    );
    const markdown = await run('estimate', './twice.yaml', '--format', 'markdown');
    expect(markdown.stdout).toContain('5 inherited published figures set aside');
  });

  it('checks the inherited published figures whose inputs it leaves alone', async () => {
    write('longer.yaml', 'extends: twitter', 'assumptions:', '  retention: 10 year');
    const doc = await json('estimate', './longer.yaml');
    // Only media_storage_total uses retention: 30 TB/day × 3,650 day = 109.5 PB.
    expect(doc.results.media_storage_total!.value).toBeCloseTo(109.5, 6);
    expect(doc.checksSetAside).toEqual(['media_storage_total']);
    expect(doc.checks.map((c) => [c.name, c.status])).toEqual([
      ['dau', 'ok'],
      ['qps', 'ok'],
      ['peak_qps', 'ok'],
      ['media_storage_per_day', 'ok'],
    ]);
  });

  it('does not count a restated value (a new note) as a change', async () => {
    write(
      'noted.yaml',
      'extends: twitter',
      'assumptions:',
      '  mau: { value: 300 million user, note: as the book says }',
    );
    const doc = await json('estimate', './noted.yaml');
    expect(doc.checks).toHaveLength(5);
    expect(doc.checksSetAside).toBeUndefined();
  });

  it('takes --set on top', async () => {
    const doc = await json('estimate', './twice.yaml', '--set', 'daily_active=25%');
    // 600M × 25% = 150M: back to twitter's dau.
    expect(doc.results.dau!.value).toBe(150e6);
  });

  it('may turn an assumption of the parent into a derived figure', async () => {
    write('derived-mau.yaml', 'extends: twitter', 'derived:', '  mau: { expr: 2 * 300 million user, unit: user }');
    const doc = await json('estimate', './derived-mau.yaml');
    expect(doc.assumptions.mau).toBeUndefined();
    expect(doc.results.mau!.value).toBe(600e6);
    expect(doc.results.dau!.value).toBe(300e6);
  });

  it('is what bote validate and the completion helper read', async () => {
    const ok = await run('validate', './twice.yaml');
    expect(ok.stdout).toBe('./twice.yaml: ok\n');
    expect(ok.code).toBe(0);
    const names = (await run('__complete', 'assumptions', './twice.yaml')).stdout.split('\n');
    // Inherited assumptions first, then the variant's own derived figure among twitter's.
    expect(names.slice(0, 2)).toEqual(['mau', 'daily_active']);
    expect(names).toContain('instance_price');
    expect(names).toContain('media_per_dau');
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('errors, each in the file that holds the offending text', () => {
  it('in the child: its own file, line and column', async () => {
    write('child-error.yaml', 'extends: twitter', 'assumptions:', '  mau: 600 million usr');
    const r = await run('estimate', './child-error.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('./child-error.yaml:3:20: error: unknown unit `usr`');
    expect(r.stderr).toContain('3 |   mau: 600 million usr');
  });

  it("in the parent: the parent's file and line, with the parent's text", async () => {
    write('parents/base.yaml', 'title: Base', 'assumptions:', '  users: 10 million user', '  size: 2 KBB');
    write('parents/kid.yaml', 'extends: ./base.yaml', 'assumptions:', '  users: 20 million user');
    const r = await run('estimate', './parents/kid.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('parents/base.yaml:4:11: error: unknown unit `KBB`');
    expect(r.stderr).toContain('4 |   size: 2 KBB');
    const v = await run('validate', './parents/kid.yaml', '--json');
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).diagnostics).toMatchObject([
      { file: 'parents/base.yaml', line: 4, column: 11, code: 'unknown-unit' },
    ]);
  });

  it('a formula of the child that uses a figure the parent lacks: in the child', async () => {
    write('unknown.yaml', 'extends: twitter', 'derived:', '  per_user: qps / daus');
    const r = await run('estimate', './unknown.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('./unknown.yaml:3:19: error: unknown name `daus`');
    expect(r.stderr).toContain('did you mean `dau`?');
  });

  it('a parent that is not there: at the extends line, with a did-you-mean', async () => {
    write('typo.yaml', 'extends: twiter', 'assumptions:', '  mau: 1 user');
    const r = await run('estimate', './typo.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('./typo.yaml:1:10: error: extends: no scenario named `twiter`');
    expect(r.stderr).toContain('hint: did you mean `twitter`?');
    write('missing-path.yaml', 'extends: ./nowhere.yaml');
    const p = await run('estimate', './missing-path.yaml');
    expect(p.stderr).toContain('./missing-path.yaml:1:10: error: extends: no scenario file at ./nowhere.yaml');
  });

  it('a cycle: named, at the extends line that closes it', async () => {
    write('cycle/a.yaml', 'extends: ./b.yaml', 'assumptions:', '  x: 1');
    write('cycle/b.yaml', 'extends: ./a.yaml');
    const r = await run('estimate', './cycle/a.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'cycle/b.yaml:1:10: error: these scenarios extend each other in a circle: ./cycle/a.yaml → cycle/b.yaml → ./cycle/a.yaml',
    );
    write('cycle/self.yaml', 'extends: ./self.yaml');
    const self = await run('validate', './cycle/self.yaml');
    expect(self.stderr).toContain('in a circle: ./cycle/self.yaml → ./cycle/self.yaml');
  });

  it('a cycle by name: a scenario that extends itself, or two that extend each other, named as a cycle', async () => {
    const cwd = join(dir, 'named-cycle');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'self.yaml'), 'name: self\nextends: self\nassumptions:\n  a: 1\n');
    writeFileSync(join(cwd, 'a.yaml'), 'extends: b\nassumptions:\n  a: 1\n');
    writeFileSync(join(cwd, 'b.yaml'), 'extends: a\nassumptions:\n  b: 1\n');
    const self = await runInProcess(['estimate', 'self'], { cwd });
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('self.yaml:2:10: error: these scenarios extend each other in a circle');
    const pair = await runInProcess(['estimate', 'a'], { cwd });
    expect(pair.code).toBe(1);
    expect(pair.stderr).toContain('in a circle: a.yaml → b.yaml → a.yaml');
  });

  it(`a chain deeper than ${MAX_EXTENDS_DEPTH} levels: named, with the limit`, async () => {
    // level0 extends twitter; level N extends level N-1: level 8 is 9 steps from twitter.
    write('deep/level0.yaml', 'extends: twitter');
    for (let n = 1; n <= MAX_EXTENDS_DEPTH; n++) write(`deep/level${n}.yaml`, `extends: ./level${n - 1}.yaml`);
    const ok = await run('estimate', `./deep/level${MAX_EXTENDS_DEPTH - 1}.yaml`, '--json');
    expect(ok.code).toBe(0);
    const r = await run('estimate', `./deep/level${MAX_EXTENDS_DEPTH}.yaml`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `deep/level0.yaml:1:10: error: \`extends:\` goes more than ${MAX_EXTENDS_DEPTH} levels deep: ./deep/level8.yaml → deep/level7.yaml`,
    );
    expect(r.stderr).toContain('deep/level0.yaml → scenarios/twitter.yaml');
  });

  it('extends that is not a name: a schema error at its place', async () => {
    write('list.yaml', 'extends: [twitter]');
    const r = await run('estimate', './list.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('./list.yaml:1:10: error: extends: expected a scenario name or a path');
  });
});

describe('bote init NAME --extends', () => {
  it('writes a short variant whose commented examples compile once uncommented', async () => {
    const r = await run('init', 'bigger', '--extends', 'twitter');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('wrote bigger.yaml (extends twitter)\nnext: bote estimate ./bigger.yaml\n');
    const text = readFileSync(join(dir, 'bigger.yaml'), 'utf8');
    expect(text).toContain('\nextends: twitter\nname: bigger\n');
    expect(text).toContain('#   mau: { value: 300 million user, note: what changes and why }');
    expect(text).toContain('#   dau_with_headroom: { expr: dau * 1.5, unit: user, note: 50% headroom }');
    // As written: twitter's figures, all five published ones checked.
    expect((await json('estimate', './bigger.yaml')).checks).toHaveLength(5);
    writeFileSync(
      join(dir, 'bigger.yaml'),
      text.replace(/^# (assumptions:|derived:)$/gm, '$1').replace(/^# {3}/gm, '  '),
    );
    const doc = await json('estimate', './bigger.yaml');
    // 150M user × 1.5 = 225M user.
    expect(doc.results.dau_with_headroom!.value).toBe(225e6);
  });

  it('names a parent path from the new file, and refuses --from with it', async () => {
    write(
      'family/base.yaml',
      'assumptions:',
      '  users: 10 user',
      'derived:',
      '  twice: { expr: users * 2, unit: user }',
    );
    mkdirSync(join(dir, 'family/kids'));
    const r = await run('init', 'family/kids/one', '--extends', './family/base.yaml');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'family/kids/one.yaml'), 'utf8')).toContain('extends: ../base.yaml\n');
    expect((await json('estimate', './family/kids/one.yaml')).results.twice!.value).toBe(20);
    const both = await run('init', 'x', '--extends', 'twitter', '--from', 'twitter');
    expect(both.code).toBe(2);
  });

  it('--from a variant elsewhere points its extends: path from the copy', async () => {
    const r = await run('init', 'copy', '--from', './family/kids/one.yaml');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'copy.yaml'), 'utf8')).toContain('extends: ./family/base.yaml\n');
    expect((await json('estimate', './copy.yaml')).results.twice!.value).toBe(20);
  });

  it('bote list names what a variant without a title extends', async () => {
    write('scenarios/kid.yaml', 'extends: twitter');
    const r = await run('list');
    expect(r.stdout).toMatch(/^ {2}kid +\(extends twitter\)$/m);
  });
});
