import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run-bote.js';

// The everyday loop of a new user, from the README alone: install, edit,
// validate, tweak, explain. One describe per step that once surprised.

const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'bote-everyday-'));
  tmp.push(d);
  return d;
}

describe('a `bote` command, installed as the README says', () => {
  it('npm install -g . puts bote on the PATH of a prefix, and the examples run as written', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm install -g .');
    expect(readme).toContain('npm link');
    const prefix = tempDir();
    // The README's line, into a prefix of its own. The clone is linked, not
    // copied: no network. --ignore-scripts keeps `prepare` from rebuilding
    // dist/ under the other tests (npm test has just built it).
    const npm = spawnSync(
      'npm',
      ['install', '-g', '.', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, npm_config_loglevel: 'error' } },
    );
    expect(npm.status, npm.stderr).toBe(0);
    const bote = join(prefix, 'bin', 'bote');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const version = spawnSync(bote, ['--version'], { encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    // From another folder, as a user would: the built-ins are found, and completion prints its script.
    const cwd = tempDir();
    const estimate = spawnSync(bote, ['estimate', 'twitter', '--json'], { cwd, encoding: 'utf8' });
    expect(estimate.status, estimate.stderr).toBe(0);
    expect((JSON.parse(estimate.stdout) as { scenario: { name: string } }).scenario.name).toBe('twitter');
    const completion = spawnSync(bote, ['completion', 'bash'], { cwd, encoding: 'utf8' });
    expect(completion.status).toBe(0);
    expect(completion.stdout).toContain('complete -F');
  });
});

describe('lower-case kb is refused like mb and gb', () => {
  it('asks kB (kilobyte) or kbit?, in calc and in a scenario', async () => {
    for (const [text, question] of [
      ['2 kb', '`kB` (kilobyte) or `kbit`?'],
      ['1 mb', '`MB` (megabyte) or `Mbit`?'],
      ['3 gb/s', '`GB` (gigabyte) or `Gbit`?'],
    ] as const) {
      const r = await runInProcess(['calc', text]);
      expect(r.code, text).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`hint: ${question}`);
    }
    const dir = tempDir();
    const file = join(dir, 'sizes.yaml');
    writeFileSync(file, 'name: sizes\nassumptions:\n  page: 2 kb\n');
    const v = await runInProcess(['validate', file]);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('sizes.yaml:3:11: error: unknown unit `kb`');
    expect(v.stderr).toContain('(kilobyte) or `kbit`?');
    // The unambiguous spellings still read as they did.
    expect((await runInProcess(['calc', '2 kB -> B'])).stdout).toContain('2,000 B');
    expect((await runInProcess(['calc', '2 Kb -> bit'])).stdout).toContain('2,000 bit');
    expect((await runInProcess(['calc', '2 kbit -> bit'])).stdout).toContain('2,000 bit');
  });
});

describe('a bare name finds ./NAME.yaml, and the schema line survives a move', () => {
  it('bote init my-service, then bote estimate my-service, from the folder and after moving the file', async () => {
    const dir = tempDir();
    expect((await runInProcess(['init', 'my-service'], { cwd: dir })).code).toBe(0);
    const r = await runInProcess(['estimate', 'my-service', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { scenario: { name: string; file: string } };
    expect(doc.scenario).toMatchObject({ name: 'my-service', file: 'my-service.yaml' });
    // The schema line names a file that is still there once the scenario moved elsewhere.
    const moved = join(tempDir(), 'deep', 'er');
    mkdirSync(moved, { recursive: true });
    renameSync(join(dir, 'my-service.yaml'), join(moved, 'my-service.yaml'));
    const schema = readFileSync(join(moved, 'my-service.yaml'), 'utf8')
      .split('\n')[0]!
      .replace(/^.*\$schema=/, '');
    expect(isAbsolute(schema)).toBe(true);
    expect(existsSync(schema)).toBe(true);
    expect((await runInProcess(['validate', 'my-service'], { cwd: moved })).code).toBe(0);
  });

  it('./NAME.yaml comes before ./scenarios/ and the built-ins, and may extend the scenario of its own name', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'scenarios'));
    writeFileSync(join(dir, 'twitter.yaml'), 'extends: twitter\nassumptions:\n  mau: 600 million user\n');
    writeFileSync(join(dir, 'scenarios', 'twitter.yaml'), 'extends: twitter\nassumptions:\n  mau: 400 million user\n');
    const json = async () => {
      const r = await runInProcess(['estimate', 'twitter', '--json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { scenario: { file: string }; assumptions: { mau: { value: number } } };
    };
    // ./twitter.yaml extends ./scenarios/twitter.yaml, which extends the built-in.
    expect(await json()).toMatchObject({ scenario: { file: 'twitter.yaml' }, assumptions: { mau: { value: 600e6 } } });
    rmSync(join(dir, 'twitter.yaml'));
    expect(await json()).toMatchObject({
      scenario: { file: join('scenarios', 'twitter.yaml') },
      assumptions: { mau: { value: 400e6 } },
    });
    const help = await runInProcess(['--help']);
    expect(help.stdout).toContain('A scenario NAME is ./NAME.yaml if there is one');
    const estimateHelp = await runInProcess(['estimate', '--help']);
    expect(estimateHelp.stdout.replace(/\s+/g, ' ')).toContain(
      'a scenario name (./NAME.yaml, else ./scenarios/, BOTE_PATH',
    );
  });

  it('a name not found says where it was looked for', async () => {
    const r = await runInProcess(['estimate', 'nothing-here'], { cwd: tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('./NAME.yaml, ./scenarios/, BOTE_PATH, built-in');
  });
});

interface EstimateJson {
  assumptions: Record<string, { value: number; unit: string; text: string; original?: number; change?: number | null }>;
  results: Record<
    string,
    { value: number; unit: string; expr: string; set?: string; original?: number; change?: number | null }
  >;
}

async function estimateJson(...args: string[]): Promise<EstimateJson> {
  const r = await runInProcess(['estimate', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as EstimateJson;
}

describe('--set shows the original and the change', () => {
  it('the assumption with its unit and what it was; each result with its original and change, in every format', async () => {
    const base = await estimateJson('twitter');
    const doc = await estimateJson('twitter', '--set', 'mau=500M');
    expect(doc.assumptions.mau).toMatchObject({ value: 500e6, unit: 'user', text: '500M user', original: 300e6 });
    expect(doc.assumptions.mau!.change).toBeCloseTo(2 / 3, 12);
    // An assumption not set has neither: it is what it was.
    expect(doc.assumptions.daily_active).not.toHaveProperty('original');
    for (const [name, r] of Object.entries(doc.results)) {
      expect(r.original, name).toBe(base.results[name]!.value);
      if (r.original === 0) continue;
      expect(r.change, name).toBeCloseTo((r.value - r.original!) / Math.abs(r.original!), 12);
    }
    // A figure the change does not reach is 0, exactly; without --set there is neither key.
    const other = await estimateJson('twitter', '--set', 'storage_price=0.05 USD/GB/month');
    expect(other.results.qps).toMatchObject({ change: 0 });
    expect(base.results.qps).not.toHaveProperty('original');
    expect(base.results.qps).not.toHaveProperty('change');

    const table = await runInProcess(['estimate', 'twitter', '--set', 'mau=500M', '--no-color']);
    expect(table.stdout).toMatch(/│ mau\s+│ 500M user \(set\) was 300 million user\s+│ set /);
    expect(table.stdout).toMatch(/│ name\s+│\s+value │ unit\s+│\s+display │\s+original │ change │/);
    expect(table.stdout).toMatch(
      /│ qps\s+│\s+5,787.04 │ tweet\/s\s+│\s+5.79 K tweet\/s │\s+3.47 K tweet\/s │\s+\+67% │/,
    );
    const md = await runInProcess(['estimate', 'twitter', '--set', 'mau=500M', '--format', 'markdown']);
    expect(md.stdout).toContain('| mau | 500M user (set; was 300 million user) | set |');
    expect(md.stdout).toContain(
      '| traffic | qps | 5,787.04 | tweet/s | 5.79 K tweet/s | `dau * tweets_per_user` | 3.47 K tweet/s | +67% |',
    );
  });
});

describe('--json values are unrounded', () => {
  it('qps is 3472.222222222222 in estimate, explain, sweep and calc alike, as docs/json.md shows it', async () => {
    const exact = (150e6 * 2) / 86_400;
    expect(exact).toBe(3472.222222222222);
    const docs = readFileSync(join(ROOT, 'docs', 'json.md'), 'utf8');
    expect(docs).toContain('"value": 3472.222222222222');
    expect(docs).not.toMatch(/"\w+": 3472\.22222222222[,\s}]/);
    expect((await estimateJson('twitter')).results.qps!.value).toBe(exact);
    const calc = JSON.parse((await runInProcess(['calc', '150M user * 2 tweet/user/day -> tweet/s', '--json'])).stdout);
    expect(calc.value).toBe(exact);
    const explain = JSON.parse((await runInProcess(['explain', 'twitter', 'qps', '--json'])).stdout) as {
      steps: Array<{ name: string; value: number }>;
    };
    expect(explain.steps.find((s) => s.name === 'qps')!.value).toBe(exact);
    const sweep = JSON.parse(
      (await runInProcess(['sweep', 'twitter', '--vary', 'dau=10M..1bn', '--steps', '3', '--show', 'qps', '--json']))
        .stdout,
    ) as { points: Array<{ qps: number }> };
    const q = sweep.points[0]!.qps;
    expect(Math.abs(q - (10e6 * 2) / 86_400)).toBeLessThan(1e-12);
    expect(String(q).replace(/\D/g, '').length, String(q)).toBeGreaterThan(15);
    // Noise of a bit around a short decimal is the decimal: 1 million order/day, in order/day.
    const dir = tempDir();
    writeFileSync(
      join(dir, 'orders.yaml'),
      'name: orders\nnouns: [order]\nassumptions:\n  orders: 1 million order/day\n  share: 70%\nderived:\n  kept: { expr: orders * share, unit: order/day }\n',
    );
    const orders = await estimateJson(join(dir, 'orders.yaml'));
    expect(orders.assumptions.orders!.value).toBe(1e6);
    expect(orders.results.kept!.value).toBe(700_000);
  });
});

describe('a pinned range keeps expr for the formula', () => {
  it('results.dau.expr is the formula; what was typed is under set', async () => {
    const doc = await estimateJson('twitter', '--set', 'dau=100M to 300M', '--seed', '3', '--samples', '500');
    expect(doc.results.dau).toMatchObject({ expr: 'mau * daily_active', set: '100M to 300M', overridden: true });
    const docs = readFileSync(join(ROOT, 'docs', 'json.md'), 'utf8');
    expect(docs).toContain('"set": "100M to\n  300M"');
  });
});

/** A file with several mistakes, some behind others: what the chat service of the README's user looked like. */
const CHAT = `name: chat
nouns: [message]
assumptions:
  users: 10 million user
  msgs: 40 message/user/day
  size: 1 kB/message
derived:
  msg_rate: { expr: users * msgs + size, unit: message/s }
  storage_day: { expr: msg_rate * size, unit: GB/day }
  storage_year: { expr: storage_day * 365 day, unit: TB/day }
  servers_needed: { expr: msg_rate / app_rps, unit: server }
  ingress: { expr: storage_day * 2, unit: Gbps }
`;

describe('validate shows every problem in one run, dependents of a broken figure included', () => {
  it('goes on checking the figures that use a broken one, with the dimension its unit: declares', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'chat.yaml'), CHAT);
    const r = await runInProcess(['validate', 'chat.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { diagnostics: Array<{ line: number; code: string; severity: string }> };
    const errors = doc.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.code]);
    // msg_rate adds bytes to a rate; storage_day (msg_rate × size) is then checked as message/s × kB/message:
    // it fits GB/day. storage_year's unit does not fit; servers_needed names nothing known; ingress, from
    // storage_day, fits. Three problems, where one was reported before.
    expect(errors).toEqual([
      [8, 'unit-mismatch'],
      [10, 'declared-unit'],
      [11, 'unknown-name'],
    ]);
    // The text form says the same, once each.
    const text = await runInProcess(['validate', 'chat.yaml'], { cwd: dir });
    expect(text.stderr.match(/: error: /g)).toHaveLength(3);
  });
});

describe('validate of several files gives each its result', () => {
  it('a missing file is one diagnostic among the others, and --json is always one document', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(join(ROOT, 'scenarios', 'twitter.yaml'), 'utf8'));
    writeFileSync(join(dir, 'b.yaml'), CHAT);
    const r = await runInProcess(['validate', 'a.yaml', 'missing.yaml', 'b.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      ok: boolean;
      files: string[];
      results: Array<{ file: string; ok: boolean }>;
      diagnostics: Array<{ file: string; code: string; line: number | null }>;
    };
    expect(doc.ok).toBe(false);
    expect(doc.files).toEqual(['a.yaml', 'missing.yaml', 'b.yaml']);
    expect(doc.results).toEqual([
      { file: 'a.yaml', ok: true },
      { file: 'missing.yaml', ok: false },
      { file: 'b.yaml', ok: false },
    ]);
    expect(doc.diagnostics[0]).toMatchObject({ file: 'missing.yaml', code: 'input', line: null });
    expect(doc.diagnostics.filter((d) => d.file === 'b.yaml').length).toBe(3);
    // The text form: a.yaml is ok, the missing file and b.yaml's problems are on stderr.
    const text = await runInProcess(['validate', 'a.yaml', 'missing.yaml', 'b.yaml'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('a.yaml: ok\n');
    expect(text.stderr).toContain('bote: error: missing.yaml: no scenario file at missing.yaml');
    expect(text.stderr).toContain('b.yaml:8:21: error:');
    // Only missing files: still one document.
    const none = await runInProcess(['validate', 'missing.yaml', '--json'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ ok: false, files: ['missing.yaml'] });
  });
});

describe('validate warns of assumptions no formula uses', () => {
  it('a warning with its place, exit 0; every built-in validates without one', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'spare.yaml'),
      'name: spare\nassumptions:\n  users: 10 million user\n  forgotten: 5 GB\nderived:\n  twice: users * 2\n',
    );
    const r = await runInProcess(['validate', 'spare.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('spare.yaml: ok\n');
    expect(r.stderr).toContain('spare.yaml:4:14: warning: `forgotten` is used by no formula: it changes no result');
    const json = JSON.parse((await runInProcess(['validate', 'spare.yaml', '--json'], { cwd: dir })).stdout);
    expect(json.ok).toBe(true);
    expect(json.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'unused', line: 4 })]);
    // The built-ins: each is ok, with nothing on stderr.
    const names = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    const all = await runInProcess(['validate', ...names.map((f) => `scenarios/${f}`)]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toBe('');
    expect(all.stdout.trim().split('\n')).toHaveLength(names.length);
  });
});

describe('sweep without --show, ref without a table, and the SSD rows of ref latency', () => {
  it('sweep shows the headline results the varied figure moves', async () => {
    const r = await runInProcess(['sweep', 'twitter', '--vary', 'dau=10M..1bn', '--steps', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { units: Record<string, string>; points: Array<Record<string, number>> };
    const shown = Object.keys(doc.units).filter((n) => n !== 'dau');
    expect(shown).toContain('qps');
    expect(shown).toContain('media_storage_total');
    expect(doc.points).toHaveLength(3);
    // Each shown result moves with dau; the table form prints the same columns.
    for (const n of shown) expect(doc.points[2]![n], n).toBeGreaterThan(doc.points[0]![n]!);
    const table = await runInProcess(['sweep', 'twitter', '--vary', 'dau=10M..1bn', '--steps', '3']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('qps (tweet/s)');
  });

  it('ref alone lists the tables', async () => {
    const r = await runInProcess(['ref']);
    expect(r.code).toBe(0);
    for (const t of ['latency', 'availability', 'powers', 'capacity'])
      expect(r.stdout).toMatch(new RegExp(`^  ${t}\\b`, 'm'));
    const json = JSON.parse((await runInProcess(['ref', '--json'])).stdout);
    expect(json.tables.map((t: { name: string }) => t.name)).toEqual(['latency', 'availability', 'powers', 'capacity']);
  });

  it('ref latency has the SSD rows, with the source they come from', async () => {
    const research = 'system-design-primer README';
    const r = await runInProcess(['ref', 'latency', 'ssd', '--json']);
    const doc = JSON.parse(r.stdout) as { rows: Array<{ name: string; seconds: number; source: string }> };
    expect(doc.rows.map((x) => [x.name, x.seconds])).toEqual([
      ['Read 4 KB randomly from SSD', 150e-6],
      ['Read 1 MB sequentially from SSD', 1e-3],
    ]);
    for (const row of doc.rows) expect(row.source).toContain(research);
    const table = await runInProcess(['ref', 'latency']);
    expect(table.stdout).toMatch(/Read 4 KB randomly from SSD†\s+150 us/);
    expect(table.stdout).toContain(`† from ${research}`);
  });
});

describe('explain shows the inside of a building block, and says counts bought rounded up', () => {
  it('cache_80_20 shows its × 1 day × 20%; servers and shards their ceiling', async () => {
    const r = await runInProcess(['explain', 'url-shortener-001', 'cache', '--no-color']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("    inside cache_80_20: 20% of a day's volume: 20% × volume × 1 day");
    expect(r.stdout).toContain('        = 20% × 167 GB/day × 1 day');
    expect(r.stdout).toContain('        = 33.3 GB');
    const servers = await runInProcess(['explain', 'twitter', 'app_servers', '--no-color']);
    expect(servers.stdout).toContain('    inside servers: ⌈load / (per_server × utilization)⌉ + spares');
    expect(servers.stdout).toContain('        = ⌈701 K request/s / (1000 req/s/server × 70%)⌉ + 1');
    expect(servers.stdout).toContain('        = ⌈1001.98⌉ + 1 = 1,003 server');
    const json = JSON.parse((await runInProcess(['explain', 'twitter', 'cache_nodes', '--json'])).stdout) as {
      steps: Array<{ name: string; inside?: Array<{ block: string; lines: string[] }> }>;
    };
    expect(json.steps.find((s) => s.name === 'cache_nodes')!.inside).toEqual([
      { block: 'shards', lines: ['⌈total / per_shard⌉', '⌈1.22 TB / 13 GB/shard⌉', '⌈94.1538⌉ = 95 shard'] },
    ]);
  });

  it('the inside of servers counts what its capacity is per: nodes are nodes, not servers', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'nodes.yaml'),
      'name: nodes\nnouns: [node]\nassumptions:\n  load: 20000 req/s\n  per: 5000 req/s/node\n  u: 70%\nderived:\n  n: servers(load, per, u, 1)\n',
    );
    const r = await runInProcess(['explain', 'nodes.yaml', 'n', '--no-color'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('        = ⌈5.71429⌉ + 1 = 7 node');
  });

  it('a note in wide characters takes its columns in the table, and is not cut where there is room', async () => {
    const dir = tempDir();
    const note = '日本語のメモです日本語のメモです';
    writeFileSync(
      join(dir, 'wide.yaml'),
      `name: wide\nassumptions:\n  a: { value: 3 user, origin: default, note: ${note} }\nderived:\n  c: { expr: a * 2, unit: user, section: traffic }\n`,
    );
    const r = await runInProcess(['estimate', 'wide.yaml', '--no-color'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`│ ${note} │`);
  });

  it('a count servers() or shards() bought is shown whole whatever it counts: 1,003 node, never 1 K', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'counts.yaml'),
      [
        'name: counts',
        'nouns: [node, partition]',
        'assumptions:',
        '  load: 1003 req/s',
        '  per: 1 req/s/node',
        '  data: 1003 GB',
        '  part: 1 GB/partition',
        '  plain: 1003',
        'derived:',
        '  n: { expr: "servers(load, per)", unit: node }',
        '  p: { expr: "shards(data, part)", unit: partition }',
        '  bare: servers(plain, 1)',
        '',
      ].join('\n'),
    );
    const n = await runInProcess(['explain', 'counts.yaml', 'n', '--no-color'], { cwd: dir });
    expect(n.code, n.stderr).toBe(0);
    expect(n.stdout).toContain('= 1,003 node (~1.01 K node)');
    expect(n.stdout).toContain('        = ⌈1003⌉ + 0 = 1,003 node');
    const p = await runInProcess(['explain', 'counts.yaml', 'p', '--no-color'], { cwd: dir });
    expect(p.stdout).toContain('        = ⌈1003⌉ = 1,003 partition');
    // A count of nothing named is a plain number, not "dimensionless".
    const bare = await runInProcess(['explain', 'counts.yaml', 'bare', '--no-color'], { cwd: dir });
    expect(bare.stdout).toContain('        = ⌈1003⌉ + 0 = 1,003\n');
    const estimate = JSON.parse((await runInProcess(['estimate', 'counts.yaml', '--json'], { cwd: dir })).stdout) as {
      results: Record<string, { display: string }>;
    };
    expect(estimate.results.n!.display).toBe('1,003 node');
    expect(estimate.results.p!.display).toBe('1,003 partition');
  });

  it('the spoken form of a server count is never below the count', async () => {
    const r = await runInProcess(['explain', 'twitter', 'app_servers', '--no-color']);
    expect(r.stdout).toContain('= 1,003 server (~1.01 K server)');
    const dir = tempDir();
    writeFileSync(
      join(dir, 'fleet.yaml'),
      'name: fleet\nassumptions:\n  load: 70700 req/s\nderived:\n  fleet: { expr: "servers(load, 1000 req/s/server, 70%)", unit: server }\n',
    );
    const fleet = await runInProcess(['explain', 'fleet.yaml', '--json'], { cwd: dir });
    const step = (
      JSON.parse(fleet.stdout) as { steps: Array<{ name: string; value: number; spoken: string }> }
    ).steps.find((s) => s.name === 'fleet')!;
    expect(step.value).toBe(101);
    expect(step.spoken).toBe('~101 server');
  });
});
