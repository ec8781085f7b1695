import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCsv } from '../helpers/csv.js';
import { runInProcess } from '../helpers/in-process.js';

// `bote compare`, in process, in every format. Expected figures by hand:
// twitter's dau = 300M × 50% = 150M user, qps = 150M × 2 / 86,400 = 3,472.22 tweet/s,
// media_storage_per_day = 150M × 2 × 10% × 1 MB = 30 TB/day.
// The variant `bigger.yaml`: mau 600M (dau 300M, qps 6,944.44: +100%), qps
// declared in tweet/day (shown in the base's tweet/s), and a figure twitter
// lacks (`per_user`); `--variant media_share=20%` doubles media only.

const dir = mkdtempSync(join(tmpdir(), 'bote-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'bigger.yaml'),
  [
    'extends: twitter',
    'assumptions:',
    '  mau: 600 million user',
    'derived:',
    '  qps: { expr: dau * tweets_per_user, unit: tweet/day }',
    '  per_user: { expr: media_storage_per_day / dau, unit: MB/user/day }',
    '',
  ].join('\n'),
);

const ARGS = ['compare', 'twitter', './bigger.yaml', '--variant', 'media_share=20%'];
const run = (...args: string[]) => runInProcess([...ARGS, ...args], { cwd: dir });

interface Figure {
  section?: string;
  unit: string;
  values: Array<number | null>;
  changes: Array<number | null>;
  displays: Array<string | null>;
}

async function document() {
  const r = await run('--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    version: number;
    columns: Array<{ name: string; scenario: string; file: string | null; settings: Record<string, string> }>;
    results: Record<string, Figure>;
    assumptions: Record<string, Figure>;
  };
}

describe('bote compare --json', () => {
  it('lists the columns: the scenarios, then each variant of the first', async () => {
    const doc = await document();
    expect(doc.version).toBe(1);
    expect(doc.columns).toEqual([
      { name: 'twitter', scenario: 'twitter', file: 'scenarios/twitter.yaml', settings: {} },
      { name: 'bigger', scenario: 'bigger', file: './bigger.yaml', settings: {} },
      {
        name: 'media_share=20%',
        scenario: 'twitter',
        file: 'scenarios/twitter.yaml',
        settings: { media_share: '20%' },
      },
    ]);
  });

  it("gives each figure in the base's unit, with its change against the base", async () => {
    const { results } = await document();
    expect(results.dau).toMatchObject({ section: 'traffic', unit: 'user', values: [150e6, 300e6, 150e6] });
    expect(results.dau!.changes).toEqual([null, 1, 0]);
    // bigger declares qps in tweet/day; compared in twitter's tweet/s.
    expect(results.qps!.unit).toBe('tweet/s');
    expect(results.qps!.values[0]).toBeCloseTo(3472.222, 3);
    expect(results.qps!.values[1]).toBeCloseTo(6944.444, 3);
    expect(results.qps!.changes[1]).toBeCloseTo(1, 12);
    // media_share 10% → 20%: media per day 30 → 60 TB/day.
    expect(results.media_storage_per_day).toMatchObject({ unit: 'TB/day', values: [30, 60, 60] });
    expect(results.media_storage_per_day!.changes.map((c) => c && Number(c.toFixed(12)))).toEqual([null, 1, 1]);
  });

  it('shows a figure a column lacks as missing: null, never 0', async () => {
    const { results } = await document();
    // 60 TB/day / 300M user = 0.2 MB/user/day, in bigger only.
    expect(results.per_user).toEqual({
      section: 'other',
      unit: 'MB/user/day',
      values: [null, 0.2, null],
      changes: [null, null, null],
      displays: [null, '200 kB/user/day', null],
    });
  });

  it('keeps the sections in the order estimate shows them, and lists the assumptions that differ', async () => {
    const doc = await document();
    const order = ['traffic', 'storage', 'bandwidth', 'cache', 'servers', 'cost', 'other'];
    const sections = Object.values(doc.results).map((f) => order.indexOf(f.section!));
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
    expect(Object.keys(doc.assumptions)).toEqual(['mau', 'media_share']);
    expect(doc.assumptions.media_share).toMatchObject({ unit: '', values: [0.1, 0.1, 0.2], changes: [null, 0, 1] });
  });
});

describe('bote compare in the other formats', () => {
  it('table: the sections, each column with its change, missing where a column lacks a figure', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stdout).toMatch(/^3 columns, each against the first\n {2}twitter {10}scenarios\/twitter\.yaml\n/);
    expect(r.stdout).toMatch(/│ dau +│ +150 M user │ +300 M user │ +\+100% │ +150 M user │ +0% │/);
    expect(r.stdout).toMatch(/│ per_user +│ +missing │ +200 kB\/user\/day │ +│ +missing │ +│/);
    expect(r.stdout).toContain('Assumptions that differ');
    for (const s of ['traffic', 'storage', 'bandwidth', 'cache', 'servers', 'cost', 'other'])
      expect(r.stdout).toMatch(new RegExp(`│ ${s} +│`));
  });

  it('csv: numbers in the unit, changes as fractions, missing as a word', async () => {
    const rows = parseCsv((await run('--format', 'csv')).stdout);
    expect(rows[0]).toEqual([
      'kind',
      'section',
      'name',
      'unit',
      'twitter',
      'bigger',
      'bigger change',
      'media_share=20%',
      'media_share=20% change',
    ]);
    expect(rows.find((r) => r[2] === 'dau')).toEqual([
      'result',
      'traffic',
      'dau',
      'user',
      '150000000',
      '300000000',
      '1',
      '150000000',
      '0',
    ]);
    expect(rows.find((r) => r[2] === 'per_user')).toEqual([
      'result',
      'other',
      'per_user',
      'MB/user/day',
      'missing',
      '0.2',
      '',
      'missing',
      '',
    ]);
    expect(rows.find((r) => r[2] === 'mau')?.slice(0, 2)).toEqual(['assumption', '']);
  });

  it('markdown: friendly values and +100%', async () => {
    const md = (await run('--format', 'markdown')).stdout;
    expect(md).toContain('| result | traffic | dau | user | 150 M user | 300 M user | +100% | 150 M user | 0% |');
    expect(md).toContain('| result | other | per_user | MB/user/day | missing | 200 kB/user/day |  | missing |  |');
  });

  it('yaml: the JSON document', async () => {
    expect(parseYaml((await run('--format', 'yaml')).stdout)).toEqual(await document());
  });
});

describe('bote compare: usage', () => {
  it('needs two columns', async () => {
    const r = await runInProcess(['compare', 'twitter']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('compare needs two scenarios, or one and a --variant');
  });

  it('reads each --variant as --set reads it, and says which setting is wrong', async () => {
    expect((await runInProcess(['compare', 'twitter', '--variant', 'mau'])).code).toBe(2);
    const r = await runInProcess(['compare', 'twitter', '--variant', 'mau=600M;media_size=2 MBB/tweet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--set media_size=2 MBB/tweet: unknown unit `MBB`');
  });

  it('applies --set to every column', async () => {
    const r = await runInProcess(['compare', 'twitter', 'twitter', '--set', 'mau=600M', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.columns.map((c: { name: string }) => c.name)).toEqual(['twitter', 'twitter (2)']);
    expect(doc.results.dau.values).toEqual([300e6, 300e6]);
    expect(doc.assumptions).toEqual({});
  });
});
