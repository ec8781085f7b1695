import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, type InProcessResult } from '../helpers/in-process.js';
import { ROOT, stackTraceLines } from '../helpers/run-bote.js';
import { parseCsv } from '../helpers/csv.js';

// Every command as a user runs it, in process (tests/helpers/in-process.ts):
// stdout and stderr are not terminals. What only the real process shows
// (its exit code, pipes, a full disk, permissions) is in binary.test.ts.

const DAY = 86_400;
const USAGE_HINT = '(run with --help for usage)';
const ESC = '\x1b';

function expectClose(actual: unknown, expected: number, what = 'value', rtol = 1e-9): void {
  expect(typeof actual, `${what} is a number`).toBe('number');
  expect(
    Math.abs((actual as number) - expected) <= rtol * Math.abs(expected),
    `${what}: got ${actual}, expected ${expected}`,
  ).toBe(true);
}

/** No stack trace, no uncaught Node error. */
function expectClean(r: InProcessResult): void {
  expect(stackTraceLines(r.stderr), `stack trace on stderr:\n${r.stderr}`).toEqual([]);
  expect(r.stderr).not.toContain('internal error');
}

/** A usage error: exit 2, nothing on stdout, the message and the usage hint on stderr. */
function expectUsageError(r: InProcessResult, message: string | RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain(USAGE_HINT);
  expectClean(r);
}

/** A bad-input error: exit 1, nothing on stdout, one `bote: error:` line. */
function expectInputError(r: InProcessResult, message: string | RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expectClean(r);
}

interface Report {
  version: number;
  scenario: { name: string; title: string; source: string | null; file: string | null };
  assumptions: Record<string, { value: number; unit: string; text: string; overridden?: boolean }>;
  results: Record<string, { value: number; unit: string; display: string; expr: string; overridden?: boolean }>;
  checks: Array<{ name: string; status: string; ok: boolean }>;
}

async function json(args: string[], cwd?: string): Promise<Report> {
  const r = await runInProcess(args, cwd ? { cwd } : {});
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'bote-e2e-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('help and version', () => {
  it('--help lists the commands and examples on stdout, exit 0', async () => {
    const r = await runInProcess(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: bote /);
    for (const command of ['estimate', 'list']) expect(r.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('bote estimate twitter');
  });

  it('estimate --help shows its options and examples', async () => {
    const r = await runInProcess(['estimate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: bote estimate /);
    for (const option of ['--set', '--format', '--json', '--no-color']) expect(r.stdout).toContain(option);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('bote estimate twitter --set dau=200M');
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await runInProcess([flag]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`${version}\n`);
    }
  });
});

describe('bote list', () => {
  const BUILTINS: Record<string, { title: string; source: RegExp; group: string }> = {
    twitter: {
      title: 'Twitter - tweet QPS and media storage',
      source: /^seeds\/004, chapter 2/,
      group: 'Built-in, from seeds/004',
    },
    'url-shortener': {
      title: 'URL shortener - write and read QPS, records, storage and key length',
      source: /^seeds\/004, chapter 8/,
      group: 'Built-in, from seeds/004',
    },
    uber: {
      title: 'Uber - requests, storage and bandwidth',
      source: /^seeds\/001, Uber/,
      group: 'Built-in, from seeds/001',
    },
    youtube: {
      title: 'YouTube - views, upload storage and CDN cost',
      source: /^System Design Interview, chapter 14/,
      group: 'Built-in',
    },
  };

  it('prints each built-in with its title, under the source it comes from', async () => {
    // From an empty folder, so that only the built-ins are found.
    const r = await runInProcess(['list'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    for (const [name, b] of Object.entries(BUILTINS)) {
      const at = lines.findIndex((l) =>
        new RegExp(`^\\s+${name}\\s+${b.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).test(l),
      );
      expect(at, `a line "${name}  ${b.title}"`).toBeGreaterThan(0);
      // The nearest heading above the row names the source.
      const heading = lines
        .slice(0, at)
        .reverse()
        .find((l) => l !== '' && !l.startsWith(' '));
      expect(heading, `the group of ${name}`).toBe(b.group);
    }
  });

  it('--json gives name, title, source, file and origin of each', async () => {
    const r = await runInProcess(['list', '--json'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as {
      version: number;
      scenarios: Array<{ name: string; title: string; source: string; file: string; origin: string }>;
    };
    // `version` first, as in every command's JSON.
    expect(Object.keys(doc)).toEqual(['version', 'scenarios']);
    expect(doc.version).toBe(1);
    const rows = doc.scenarios;
    for (const [name, b] of Object.entries(BUILTINS)) {
      const row = rows.find((x) => x.name === name);
      expect(row, name).toBeDefined();
      expect(row).toMatchObject({ title: b.title, file: `scenarios/${name}.yaml`, origin: 'built-in' });
      expect(row!.source).toMatch(b.source);
    }
    expect(new Set(rows.map((x) => x.name)).size).toBe(rows.length);
  });

  it('lists a scenario of ./scenarios/ as local', async () => {
    const dir = join(tmp, 'with-local');
    mkdirSync(join(dir, 'scenarios'), { recursive: true });
    writeFileSync(join(dir, 'scenarios', 'mine.yaml'), 'title: My own\nassumptions:\n  dau: 1M user\n');
    const rows = (
      JSON.parse((await runInProcess(['list', '--json'], { cwd: dir })).stdout) as {
        scenarios: Array<{ name: string; title: string; origin: string }>;
      }
    ).scenarios;
    expect(rows.find((x) => x.name === 'mine')).toMatchObject({ title: 'My own', origin: 'local' });
    expect(rows.find((x) => x.name === 'twitter')).toMatchObject({ origin: 'built-in' });
  });
});

describe('estimate --json', () => {
  it('is exactly one JSON document on stdout, nothing on stderr, values unrounded', async () => {
    const r = await runInProcess(['estimate', 'twitter', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stdout.trimStart().startsWith('{')).toBe(true);
    const doc = JSON.parse(r.stdout) as Report; // throws on trailing text
    expect(Object.keys(doc)).toEqual(['version', 'scenario', 'assumptions', 'results', 'checks']);
    // 150e6 * 2 / 86400 = 3472.2222...: not cut to the display's 3.47 K.
    const qps = doc.results.qps!.value;
    expectClose(qps, (150e6 * 2) / DAY, 'qps', 1e-12);
    expect(qps).not.toBe(Number(qps.toFixed(2)));
    expect(doc.results.qps!.display).toBe('3.47 K tweet/s');
    expect(doc.assumptions.mau).toEqual({ value: 300e6, unit: 'user', text: '300 million user', origin: 'source' });
    expect(doc.assumptions.daily_active).toMatchObject({ value: 0.5, unit: '' });
  });

  it('--format json is the same document', async () => {
    expect((await runInProcess(['estimate', 'twitter', '--format', 'json'])).stdout).toBe(
      (await runInProcess(['estimate', 'twitter', '--json'])).stdout,
    );
  });

  it('has no colour codes even when colour is forced', async () => {
    const r = await runInProcess(['estimate', 'twitter', '--json'], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).not.toContain(ESC);
    JSON.parse(r.stdout);
  });
});

describe('estimate --set', () => {
  it('dau=200M and media_size="2 MB/tweet" change every figure that depends on them', async () => {
    const doc = await json(['estimate', 'twitter', '--set', 'dau=200M', '--set', 'media_size=2 MB/tweet', '--json']);
    const dau = 200e6;
    const qps = (dau * 2) / DAY; // 4629.63 tweet/s
    const perDayBytes = dau * 2 * 0.1 * 2e6; // 80 TB/day
    expect(doc.results.dau).toMatchObject({ value: dau, unit: 'user', overridden: true });
    expectClose(doc.results.qps!.value, qps, 'qps');
    expectClose(doc.results.peak_qps!.value, qps * 2, 'peak_qps');
    expectClose(doc.results.media_storage_per_day!.value, perDayBytes / 1e12, 'media_storage_per_day');
    expectClose(doc.results.media_storage_total!.value, (perDayBytes * 5 * 365) / 1e15, 'media_storage_total'); // 146 PB
    expect(doc.assumptions.media_size).toMatchObject({ value: 2, unit: 'MB/tweet', overridden: true });
    // Untouched inputs stay as written.
    expect(doc.assumptions.mau).toMatchObject({ value: 300e6 });
    expect(doc.assumptions.mau!.overridden).toBeUndefined();
  });

  it("-s is --set, and a plain number takes the figure's unit", async () => {
    const doc = await json(['estimate', 'twitter', '-s', 'mau=600000000', '--json']);
    expectClose(doc.results.dau!.value, 300e6, 'dau');
    expectClose(doc.results.qps!.value, (300e6 * 2) / DAY, 'qps');
  });

  it('the table shows the overridden figure', async () => {
    const r = await runInProcess(['estimate', 'twitter', '--set', 'dau=200M', '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/qps\b.*4\.63 K tweet\/s/);
  });

  it('an unknown name: exit 1 with a did-you-mean', async () => {
    const r = await runInProcess(['estimate', 'twitter', '--set', 'dua=200M']);
    expectInputError(r, /`dua`/);
    expect(r.stderr).toMatch(/did you mean `dau`/);
  });

  it('a quantity of the wrong dimension: exit 1, naming both units', async () => {
    const r = await runInProcess(['estimate', 'twitter', '--set', 'dau=2 MB']);
    expectInputError(r, /dau/);
    expect(r.stderr).toMatch(/user/);
    expect(r.stderr).toMatch(/\bB\b|MB|byte/);
  });

  it('an unknown unit in a --set: exit 1', async () => {
    const r = await runInProcess(['estimate', 'twitter', '--set', 'media_size=3 MBB/tweet']);
    expectInputError(r, /MBB/);
  });

  it('malformed (no =): exit 2 with the expected form and the usage hint', async () => {
    const r = await runInProcess(['estimate', 'twitter', '--set', 'foo']);
    expectUsageError(r, /NAME=QUANTITY/);
    expect(r.stderr).toContain("'foo'");
  });
});

describe('usage errors: exit 2, the usage hint on stderr, no stack trace', () => {
  it('an unknown command', async () => {
    expectUsageError(await runInProcess(['estimat', 'twitter']), /unknown command 'estimat'/);
  });
  it('an unknown flag', async () => {
    expectUsageError(await runInProcess(['estimate', 'twitter', '--frobnicate']), /unknown option '--frobnicate'/);
  });
  it('a missing argument', async () => {
    expectUsageError(await runInProcess(['estimate']), /missing required argument 'scenario'/);
  });
  it('an unknown format', async () => {
    expectUsageError(await runInProcess(['estimate', 'twitter', '--format', 'xml']), /xml/);
  });
  it('a --set without a value', async () => {
    expectUsageError(await runInProcess(['estimate', 'twitter', '--set', 'dau=']), /expected NAME=QUANTITY/);
  });
  it('fewer than 100 samples: no honest p5 and p95', async () => {
    expectUsageError(
      await runInProcess(['estimate', 'twitter', '--set', 'dau=100M to 300M', '--samples', '1']),
      /from 100 to 10,000,000/,
    );
  });
  it('--format and --json together', async () => {
    expectUsageError(
      await runInProcess(['calc', '1+1', '--format', 'yaml', '--json']),
      /cannot be used with option '--json'/,
    );
  });
  it('no command at all: the help, as bad usage', async () => {
    const r = await runInProcess([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: bote/);
    expect(r.stdout).toBe('');
  });
  it('help asked for is not an error', async () => {
    expect((await runInProcess(['help'])).code).toBe(0);
    expect((await runInProcess(['--help'])).code).toBe(0);
  });
});

describe('other formats', () => {
  it('--format markdown: a heading and pipe tables', async () => {
    const r = await runInProcess(['estimate', 'twitter', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^## Twitter - tweet QPS and media storage\n/);
    expect(r.stdout).toContain('| Assumption |');
    expect(r.stdout).toMatch(/^\| Section \| Result \|.*\|$/m);
    expect(r.stdout).toMatch(/^\| traffic \| qps \| .* \| tweet\/s \| 3\.47 K tweet\/s \|/m);
    expect(r.stdout).toMatch(/^\| app_server_rps \| 1000 req\/s\/server \| default \(T1\) \|/m);
    expect(r.stdout).not.toContain(ESC);
    // Every table row has as many cells as its header.
    for (const block of r.stdout.split('\n\n').filter((b) => b.startsWith('|'))) {
      const [header, ...rows] = block.trim().split('\n');
      const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      for (const row of rows) expect(cells(row), row).toBe(cells(header!));
    }
  });

  it('--format csv: RFC 4180, one row per figure, unrounded values', async () => {
    const r = await runInProcess(['estimate', 'twitter', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = parseCsv(r.stdout);
    const [header, ...body] = rows;
    // section, origin and ref come last: the older columns keep their places.
    expect(header).toEqual(['kind', 'name', 'value', 'unit', 'display', 'text', 'section', 'origin', 'ref']);
    for (const row of body) expect(row, row.join(',')).toHaveLength(header!.length);
    const byName = new Map(body.map((row) => [row[1], row]));
    expect(
      body
        .filter((x) => x[0] === 'assumption')
        .map((x) => x[1])
        .slice(0, 7),
    ).toEqual(['mau', 'daily_active', 'tweets_per_user', 'media_share', 'media_size', 'retention', 'peak_factor']);
    expect(body.filter((x) => x[0] === 'result').map((x) => x[1])).toEqual(
      expect.arrayContaining(['dau', 'qps', 'peak_qps', 'media_storage_per_day', 'media_storage_total']),
    );
    expect(byName.get('mau')!.slice(6)).toEqual(['', 'source', '']);
    expect(byName.get('app_server_rps')!.slice(6)).toEqual(['', 'default', 'T1']);
    expect(byName.get('qps')!.slice(6)).toEqual(['traffic', '', '']);
    const qps = byName.get('qps')!;
    expectClose(Number(qps[2]), (150e6 * 2) / DAY, 'qps');
    expect(qps[3]).toBe('tweet/s');
    expect(qps[4]).toBe('3.47 K tweet/s');
    expectClose(Number(byName.get('media_storage_total')![2]), 54.75, 'media_storage_total');
    expect(byName.get('media_storage_per_day')![5]).toBe('dau * tweets_per_user * media_share * media_size');
  });

  it('--format csv quotes a field with a comma (the source of a user file)', async () => {
    const dir = join(tmp, 'csv');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'q.yaml'),
      'assumptions:\n  base: { value: 1000 user, note: "a, b" }\nderived:\n  twice: { expr: "base * 2", unit: user }\n',
    );
    const r = await runInProcess(['estimate', 'q.yaml', '--format', 'csv'], { cwd: dir });
    expect(r.stderr).toBe('');
    const rows = parseCsv(r.stdout);
    expect(rows.find((x) => x[1] === 'twice')?.slice(0, 4)).toEqual(['result', 'twice', '2000', 'user']);
  });
});

describe('colour', () => {
  const table = (env: Record<string, string | undefined>, ...flags: string[]) =>
    runInProcess(['estimate', 'twitter', ...flags], { env });

  it('none when piped (stdout is not a terminal)', async () => {
    const r = await table({});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Twitter - tweet QPS and media storage');
    expect(r.stdout).not.toContain(ESC);
  });
  it('none with NO_COLOR=1', async () => {
    expect((await table({ NO_COLOR: '1' })).stdout).not.toContain(ESC);
  });
  it('none with NO_COLOR=1 even when FORCE_COLOR=1', async () => {
    expect((await table({ NO_COLOR: '1', FORCE_COLOR: '1' })).stdout).not.toContain(ESC);
  });
  it('with FORCE_COLOR=1', async () => {
    expect((await table({ FORCE_COLOR: '1' })).stdout).toContain(`${ESC}[`);
  });
  it('with --color', async () => {
    expect((await table({}, '--color')).stdout).toContain(`${ESC}[`);
  });
  it('none with --no-color even when FORCE_COLOR=1', async () => {
    expect((await table({ FORCE_COLOR: '1' }, '--no-color')).stdout).not.toContain(ESC);
  });
  it('none in errors when piped', async () => {
    const r = await runInProcess(['estimate', 'twitter', '--set', 'dua=1']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(ESC);
  });
});

describe('scenario files', () => {
  const SERVICE = [
    'title: My service',
    'nouns: [order]',
    'assumptions:',
    '  dau: 2M user',
    '  orders_per_user: 3 order/user/day',
    '  order_size: 2 KB/order',
    'derived:',
    '  order_rate: { expr: dau * orders_per_user, unit: order/s }',
    '  storage_per_year: { expr: dau * orders_per_user * order_size * 1 year, unit: GB }',
    '',
  ].join('\n');

  beforeAll(() => {
    mkdirSync(join(tmp, 'svc', 'sub'), { recursive: true });
    writeFileSync(join(tmp, 'svc', 'my-service.yaml'), SERVICE);
    writeFileSync(join(tmp, 'svc', 'sub', 'other.yml'), SERVICE);
  });

  it.each([['./my-service.yaml'], ['my-service.yaml'], ['sub/other.yml'], ['sub/../my-service.yaml']])(
    'by relative path %s',
    async (path) => {
      const doc = await json(['estimate', path, '--json'], join(tmp, 'svc'));
      expect(doc.scenario.title).toBe('My service');
      expect(doc.scenario.file).toBe(path);
      expectClose(doc.results.order_rate!.value, (2e6 * 3) / DAY, 'order_rate'); // 69.44 order/s
      expect(doc.results.order_rate!.unit).toBe('order/s');
      expectClose(doc.results.storage_per_year!.value, (2e6 * 3 * 2e3 * 365) / 1e9, 'storage_per_year'); // 4380 GB
    },
  );

  it('the name defaults to the file name', async () => {
    expect((await json(['estimate', 'my-service.yaml', '--json'], join(tmp, 'svc'))).scenario.name).toBe('my-service');
  });

  it('a missing file: exit 1, naming it', async () => {
    const r = await runInProcess(['estimate', './nowhere.yaml'], { cwd: tmp });
    expectInputError(r, /nowhere\.yaml/);
    expect(r.stderr).toMatch(/^bote: error: /);
    expect(r.stderr).not.toContain('ENOENT');
  });

  it('a folder given as a file: exit 1', async () => {
    mkdirSync(join(tmp, 'folder.yaml'), { recursive: true });
    expectInputError(await runInProcess(['estimate', './folder.yaml'], { cwd: tmp }), /folder\.yaml/);
  });

  it('a nonexistent built-in name: exit 1, pointing to bote list', async () => {
    const r = await runInProcess(['estimate', 'no-such-scenario'], { cwd: tmp });
    expectInputError(r, /no scenario named `no-such-scenario`/);
    expect(r.stderr).toContain('bote list');
  });

  it('a misspelt built-in name: exit 1 with a did-you-mean', async () => {
    const r = await runInProcess(['estimate', 'twiter'], { cwd: tmp });
    expectInputError(r, /no scenario named `twiter`/);
    expect(r.stderr).toContain('did you mean `twitter`?');
  });

  it('a broken link or a folder in ./scenarios/ is not a scenario, and breaks nothing', async () => {
    const project = join(tmp, 'odd-project');
    mkdirSync(join(project, 'scenarios', 'dir.yaml'), { recursive: true });
    symlinkSync('nowhere.yaml', join(project, 'scenarios', 'dangling.yaml'));
    writeFileSync(join(project, 'scenarios', 'mine.yaml'), SERVICE);
    const list = await runInProcess(['list', '--json'], { cwd: project });
    expect(list.code).toBe(0);
    const names = (JSON.parse(list.stdout) as { scenarios: Array<{ name: string }> }).scenarios.map((r) => r.name);
    expect(names).toContain('mine');
    expect(names).toContain('twitter');
    expect(names).not.toContain('dir');
    expect(names).not.toContain('dangling');
    expect((await runInProcess(['check'], { cwd: project })).code).toBe(0);
  });
});
