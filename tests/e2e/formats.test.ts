import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runInProcess, type InProcessResult } from '../helpers/in-process.js';
import { parseCsv } from '../helpers/csv.js';

// Every command that prints results takes `-f, --format table|json|markdown|csv|yaml`,
// with `--json` as an alias of `--format json`. Runs the CLI in process.

// `header`: the CSV header, and the Markdown one too unless the command has a Markdown form of its own (estimate).
const COMMANDS: Array<{ name: string; args: string[]; header?: string[]; ownMarkdown?: boolean }> = [
  {
    name: 'estimate',
    args: ['estimate', 'twitter'],
    header: ['kind', 'name', 'value', 'unit', 'display', 'text', 'section', 'origin', 'ref'],
    ownMarkdown: true,
  },
  {
    name: 'compare',
    args: ['compare', 'twitter', '--variant', 'mau=600M'],
    header: ['kind', 'section', 'name', 'unit', 'twitter', 'mau=600M', 'mau=600M change'],
  },
  {
    name: 'explain',
    args: ['explain', 'twitter', 'peak_qps'],
    header: ['name', 'formula', 'substituted', 'value', 'unit'],
  },
  {
    name: 'check',
    args: ['check', 'url-shortener'],
    header: ['scenario', 'name', 'published', 'computed', 'unit', 'difference', 'status', 'erratum'],
  },
  { name: 'calc', args: ['calc', '1 Gbps * 1 hour -> GiB'], header: ['value', 'unit', 'display'] },
  { name: 'ref latency', args: ['ref', 'latency'], header: ['name', 'seconds', 'source'] },
  { name: 'ref availability', args: ['ref', 'availability', '99.95%'] },
  { name: 'ref powers', args: ['ref', 'powers'] },
  {
    name: 'ref capacity',
    args: ['ref', 'capacity'],
    header: ['id', 'name', 'value', 'low', 'high', 'range_note', 'note', 'provider', 'region', 'source', 'date'],
  },
  { name: 'sensitivity, every headline figure', args: ['sensitivity', 'url-shortener', '--samples', '200'] },
  {
    name: 'sensitivity',
    args: ['sensitivity', 'twitter', 'peak_qps', '--set', 'dau=100M to 300M', '--seed', '1', '--samples', '2000'],
  },
  {
    name: 'sweep',
    args: ['sweep', 'twitter', '--vary', 'dau=10M..1bn', '--steps', '3', '--log', '--show', 'qps'],
    header: ['dau (user)', 'qps (tweet/s)'],
  },
  { name: 'list', args: ['list'], header: ['name', 'title', 'source', 'file', 'origin'] },
  {
    name: 'validate',
    args: ['validate', 'scenarios/twitter.yaml'],
    header: ['file', 'line', 'column', 'code', 'message', 'hint', 'severity'],
  },
];

function ok(r: InProcessResult): string {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe.each(COMMANDS)('bote $name', ({ args, header, ownMarkdown }) => {
  const out = async (...more: string[]) => ok(await runInProcess([...args, ...more]));

  it('--format json is a JSON document, the same as --json', async () => {
    const json = await out('--format', 'json');
    expect(() => JSON.parse(json)).not.toThrow();
    expect(await out('--json')).toBe(json);
    expect(await out('-f', 'json')).toBe(json);
  });

  it('--format yaml is the JSON document as YAML', async () => {
    expect(parseYaml(await out('--format', 'yaml'))).toEqual(JSON.parse(await out('--json')));
  });

  it('--format csv is a header and rows of the same width', async () => {
    const rows = parseCsv(await out('--format', 'csv'));
    if (header) expect(rows[0]).toEqual(header);
    expect(rows[0]!.length).toBeGreaterThan(0);
    // validate of a clean file has no problems, hence no rows (see below for one that has).
    if (args[0] !== 'validate') expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
  });

  it('--format markdown is a pipe table', async () => {
    const lines = (await out('--format', 'markdown')).split('\n');
    const rule = lines.findIndex((l) => /^\|( --- \|)+$/.test(l));
    expect(rule).toBeGreaterThan(0);
    expect(lines[rule - 1]).toMatch(/^\| .* \|$/);
    if (header && !ownMarkdown) expect(lines[rule - 1]).toBe(`| ${header.join(' | ')} |`);
    if (args[0] !== 'validate') expect(lines[rule + 1]).toMatch(/^\| .* \|$/);
  });

  it('--format table is the default, without colour when not on a terminal', async () => {
    const table = await out('--format', 'table');
    expect(table).toBe(await out());
    expect(table).not.toContain('\x1b[');
  });

  it('an unknown format is a usage error', async () => {
    const r = await runInProcess([...args, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/xml/);
    expect(r.stderr).toMatch(/table, json, markdown, csv, yaml/);
  });
});

describe('formats with problems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bote-formats-'));
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'title: Bad\nassumptions:\n  dau: 100 user\nresults:\n  qps: dau * nope\n');

  it('validate --format csv: one row per problem, exit 1', async () => {
    const r = await runInProcess(['validate', bad, '--format', 'csv']);
    expect(r.code).toBe(1);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['file', 'line', 'column', 'code', 'message', 'hint', 'severity']);
    expect(rows.length).toBeGreaterThan(1);
    const json = JSON.parse((await runInProcess(['validate', bad, '--json'])).stdout);
    expect(rows.slice(1).map((row) => row[3])).toEqual(json.diagnostics.map((d: { code: string }) => d.code));
  });

  it('validate --format yaml: the JSON document, exit 1', async () => {
    const r = await runInProcess(['validate', bad, '--format', 'yaml']);
    expect(r.code).toBe(1);
    expect(parseYaml(r.stdout)).toEqual(JSON.parse((await runInProcess(['validate', bad, '--json'])).stdout));
  });

  it('check --format csv: errata are rows with their reason', async () => {
    const rows = parseCsv(ok(await runInProcess(['check', 'url-shortener', '--format', 'csv'])));
    const erratum = rows.find((r) => r[6] === 'erratum');
    expect(erratum?.[7]).toMatch(/\w/);
  });
});

describe('estimate with a range, in every format', () => {
  const args = ['estimate', 'twitter', '--set', 'dau=100M to 300M', '--seed', '5', '--samples', '2000'];
  let doc: {
    results: Record<
      string,
      {
        value: number;
        range?: { low: number; high: number; dist: string };
        percentiles: { p5: number; p50: number; p95: number };
      }
    >;
  };
  beforeAll(async () => {
    doc = JSON.parse(ok(await runInProcess([...args, '--json'])));
  });

  it('JSON gives a result pinned to a range its range', async () => {
    expect(doc.results.dau!.range).toEqual({ low: 100e6, high: 300e6, dist: 'lognormal', fellBackToNormal: false });
  });

  it('CSV adds p5, p50 and p95 of each result, the same numbers as JSON', async () => {
    const rows = parseCsv(ok(await runInProcess([...args, '--format', 'csv'])));
    expect(rows[0]).toEqual([
      'kind',
      'name',
      'value',
      'unit',
      'display',
      'text',
      'p5',
      'p50',
      'p95',
      'section',
      'origin',
      'ref',
      'original',
      'change',
    ]);
    const qps = rows.find((r) => r[1] === 'qps')!;
    expect(qps.slice(6, 9).map(Number)).toEqual([
      doc.results.qps!.percentiles.p5,
      doc.results.qps!.percentiles.p50,
      doc.results.qps!.percentiles.p95,
    ]);
    // An assumption has no percentiles; a percentage shows as one.
    expect(rows.find((r) => r[1] === 'daily_active')!.slice(4)).toEqual([
      '50%',
      '50%',
      '',
      '',
      '',
      '',
      'source',
      '',
      '',
      '',
    ]);
  });

  it('Markdown adds p5, p50 and p95 columns and says how they were sampled', async () => {
    const text = ok(await runInProcess([...args, '--format', 'markdown']));
    expect(text).toContain('| Result | Value | Unit | Display | Formula | Original | Change | p5 | p50 | p95 |');
    expect(text).toContain('2,000 samples, seed 5');
  });
});
