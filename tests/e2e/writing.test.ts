import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run-bote.js';

// Estimates as sources and people write them (issue 11), end to end in
// process: each numbered item with the exact text of the issue, and the
// near-miss that must still fail. Expected figures are worked out in comments.

const DAY = 86_400;
const YEAR = 365 * DAY;
const MONTH = YEAR / 12;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bote-writing-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `name.yaml` in the temp folder; returns its path as an argument. */
function file(name: string, ...lines: string[]): string {
  writeFileSync(join(dir, `${name}.yaml`), `${lines.join('\n')}\n`);
  return `./${name}.yaml`;
}

const bote = (...args: string[]) => runInProcess(args, { cwd: dir });

interface Doc {
  scenario: { conventions?: Record<string, string> };
  assumptions: Record<string, { value: number; unit: string; text: string }>;
  results: Record<string, { value: number; unit: string; display: string }>;
  checks: Array<{ name: string; expected: number; actual: number; unit: string; status: string }>;
}

async function estimate(path: string, ...more: string[]): Promise<Doc> {
  const r = await bote('estimate', path, '--json', ...more);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

async function refused(args: string[], code = 1): Promise<string> {
  const r = await bote(...args);
  expect(r.code, r.stdout).toBe(code);
  expect(r.stdout).toBe('');
  return r.stderr;
}

describe('1. a figure may be named like a unit or a building block', () => {
  const names = () =>
    file(
      'names',
      'nouns: [item]',
      'assumptions:',
      '  years: 10 year',
      '  days: 365 day',
      '  hours: 2 hour',
      '  bytes: 2 KB/item',
      '  requests: 10 item/s',
      '  peak_qps: 50000 req/s',
      'derived:',
      '  servers: "servers(peak_qps, 5000 req/s/server, 70%)"',
      '  per_server: { expr: peak_qps / servers, unit: req/s/server }',
      '  stored: { expr: requests * bytes * years, unit: TB }',
      '  uptime: { expr: hours * 12, unit: day }',
      '  two_days: { expr: 2 days, unit: day }',
      '  span: { expr: days * 2, unit: day }',
    );

  it('years, days, hours, bytes, requests and servers are figures in formulas, units after a number', async () => {
    const doc = await estimate(names());
    // ceil(50,000 / (5,000 × 0.7)) = ceil(14.29) = 15 servers; 50,000 / 15 = 3,333.33 per server.
    expect(doc.results.servers).toMatchObject({ value: 15, unit: 'server' });
    expect(doc.results.per_server!.value).toBeCloseTo(50_000 / 15, 9);
    // 10 item/s × 2 KB/item × 10 years of 365 days = 20 KB/s × 315,360,000 s = 6.3072 TB.
    expect(doc.results.stored!.value).toBeCloseTo(6.3072, 12);
    // 2 hours × 12 = 1 day; `2 days` is the unit (2 days), `days * 2` the figure (730 days).
    expect(doc.results.uptime!.value).toBeCloseTo(1, 12);
    expect(doc.results.two_days!.value).toBe(2);
    expect(doc.results.span!.value).toBe(730);
    expect(doc.assumptions.years).toMatchObject({ value: 10, unit: 'year', text: '10 year' });
  });

  it('validate mentions a shadowed unit in a note, never an error, and exits 0', async () => {
    const path = names();
    const r = await bote('validate', path);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${path}: ok\n`);
    expect(r.stderr).toContain(
      `${path}:3:3: note: \`years\` is also a unit (year): a bare \`years\` in a formula is this figure, and after a number (\`10 years\`) the unit`,
    );
    for (const n of ['days', 'hours', 'bytes']) expect(r.stderr).toContain(`note: \`${n}\` is also a unit`);
    // Count nouns are a scenario's own words: no note.
    for (const n of ['requests', 'servers']) expect(r.stderr).not.toContain(`\`${n}\` is also`);
    expect(r.stderr).not.toContain('error');
    const json = JSON.parse((await bote('validate', path, '--json')).stdout);
    expect(json.ok).toBe(true);
    expect(json.diagnostics.map((d: { severity: string }) => d.severity)).toEqual(['note', 'note', 'note', 'note']);
  });

  it('estimate and check say nothing of the notes', async () => {
    const path = names();
    expect((await bote('estimate', path)).stderr).toBe('');
    const check = await bote('check', path);
    expect(check.code).toBe(0);
    expect(check.stdout).not.toContain('note');
  });

  it('the example of docs/units.md runs: servers is 15, per_server 3,333 req/s', async () => {
    const docs = readFileSync(join(ROOT, 'docs', 'units.md'), 'utf8');
    const example = /## Names[\s\S]*?```yaml\n([\s\S]*?)```/.exec(docs)![1]!;
    writeFileSync(join(dir, 'docs-names.yaml'), example);
    const doc = await estimate('./docs-names.yaml');
    // ceil(50,000 / (5,000 × 0.7)) = 15; 50,000 / 15 = 3,333.33 request/s per server.
    expect(doc.results.servers!.value).toBe(15);
    expect(doc.results.per_server!.value).toBeCloseTo(50_000 / 15, 9);
  });

  it('still refuses a count noun that is a unit', async () => {
    const stderr = await refused(['estimate', file('noun-mb', 'nouns: [MB]', 'assumptions:', '  a: 1')]);
    expect(stderr).toContain('error: `MB` is already a unit (MB)');
  });
});

describe('2. 3x is a plain multiplier', () => {
  it('in a scenario and in calc', async () => {
    const doc = await estimate(
      file(
        'times',
        'assumptions:',
        '  size: 2 TB',
        '  replication: 3x',
        '  x: 4',
        'derived:',
        '  replicated: { expr: size * replication, unit: TB }',
        '  peak: 5x * x',
      ),
    );
    expect(doc.assumptions.replication).toEqual({ value: 3, unit: '', text: '3x', origin: 'source' });
    expect(doc.results.replicated!.value).toBe(6);
    // A figure may still be called x: 5x is 5, the bare x the figure 4.
    expect(doc.results.peak!.value).toBe(20);
    expect((await bote('calc', '3x')).stdout).toBe('3\n');
    expect((await bote('calc', '2 GB * 3 x')).stdout).toBe('6 GB\n');
  });

  it('a count noun named x is refused: x is a unit', async () => {
    const stderr = await refused(['estimate', file('noun-x', 'nouns: [x]', 'assumptions:', '  a: 1')]);
    expect(stderr).toContain('`x` is already a unit (x)');
  });
});

describe('3. prices per GB-month and per instance-hour', () => {
  const prices = () =>
    file(
      'prices',
      'nouns: [instance, vCPU]',
      'assumptions:',
      '  stored: 500 GB',
      '  replication: 3x',
      '  storage_price: $0.023/GB-month',
      '  hourly: $0.096/hour',
      '  instance_price: $0.096/instance-hour',
      '  vcpu_price: 0.10 USD/vCPU-hour',
      '  total: 10 GB',
      '  used: 4 GB',
      'derived:',
      '  replicated: { expr: stored * replication, unit: GB }',
      '  storage_cost: { expr: storage_price * replicated, unit: USD/month }',
      '  vcpu_month: { expr: vcpu_price * 8 vCPU * 1 month, unit: USD }',
      '  free: { expr: total-used, unit: GB }',
    );

  it('a hyphen between two unit words is their product, written back with its hyphen', async () => {
    const doc = await estimate(prices());
    // $0.023/GB-month × 1,500 GB = $34.5/month.
    expect(doc.results.storage_cost).toMatchObject({ unit: 'USD/month' });
    expect(doc.results.storage_cost!.value).toBeCloseTo(34.5, 12);
    expect(doc.assumptions.storage_price).toEqual({
      value: 0.023,
      unit: 'USD/GB-month',
      text: '$0.023/GB-month',
      origin: 'source',
    });
    expect(doc.assumptions.instance_price!.unit).toBe('USD/instance-hour');
    expect(doc.assumptions.vcpu_price!.unit).toBe('USD/vCPU-hour');
    expect(doc.assumptions.hourly!.unit).toBe('USD/hour');
    // 0.10 USD/vCPU-hour × 8 vCPU × 730 hours (a month of 365/12 days) = $584.
    expect(doc.results.vcpu_month!.value).toBeCloseTo((0.1 * 8 * MONTH) / 3600, 9);
    // Between two figures a hyphen subtracts: 10 GB - 4 GB.
    expect(doc.results.free!.value).toBe(6);
  });

  it('vCPU-hour without the noun vCPU is refused, and the hint says how to declare it', async () => {
    const stderr = await refused(['estimate', file('no-vcpu', 'assumptions:', '  price: 0.10 USD/vCPU-hour')]);
    expect(stderr).toContain('error: unknown unit `vCPU`');
    expect(stderr).toContain('declare it as a noun: `nouns: [vCPU]`');
  });

  it('GB - month with spaces is a subtraction, and a mistake', async () => {
    const stderr = await refused(['calc', '$0.023/GB - month']);
    expect(stderr).toContain('cannot subtract USD/GB and month');
  });
});

describe('4. `$` alone is the unit USD', () => {
  it('in unit: and after ->', async () => {
    const doc = await estimate(
      file(
        'dollars',
        'assumptions:',
        '  price: $0.02/GB',
        '  stored: 300 TB',
        'derived:',
        '  monthly: { expr: price * stored / (1 month), unit: $/month }',
      ),
    );
    // $0.02/GB × 300,000 GB = $6,000 a month.
    expect(doc.results.monthly).toMatchObject({ unit: '$/month', display: '6 K $/month' });
    expect(doc.results.monthly!.value).toBeCloseTo(6000, 9);
    // $30 a month is 30 / (365/12) = $0.986301 a day.
    const r = await bote('calc', '$30/month -> $/day');
    expect(r.stdout).toBe('0.986301 $/day\n');
    expect((await bote('calc', '$/GB * 2 TB * 0.02')).stdout).toBe('40 USD\n');
  });

  it('a number after -> is still refused', async () => {
    expect(await refused(['calc', '$30/month -> $5/day'])).toContain('a unit has no number in it');
  });
});

describe('5. an assumption may be constant arithmetic of quantities', () => {
  const rows = () =>
    file(
      'rows',
      'assumptions:',
      '  user_row: 4 B + 20 B + 32 B + 4 B',
      '  per_user: (4 + 20 + 32 + 4) B/user',
      '  users: 1M user',
      'derived:',
      '  table: { expr: users * per_user, unit: MB }',
      '  rows_total: { expr: user_row * 1000, unit: KB }',
    );

  it('stays an assumption: shown as written, in the unit of its terms, overridable', async () => {
    const doc = await estimate(rows());
    expect(doc.assumptions.user_row).toEqual({
      value: 60,
      unit: 'B',
      text: '4 B + 20 B + 32 B + 4 B',
      origin: 'source',
    });
    expect(doc.assumptions.per_user).toEqual({
      value: 60,
      unit: 'B/user',
      text: '(4 + 20 + 32 + 4) B/user',
      origin: 'source',
    });
    expect(doc.results.table!.value).toBe(60); // 1 M users × 60 B = 60 MB
    const set = await estimate(rows(), '--set', 'user_row=100');
    expect(set.results.rows_total!.value).toBe(100); // 100 B × 1000 = 100 KB
    const explained = await bote('explain', rows(), 'rows_total');
    expect(explained.stdout).toContain('rows_total = user_row × 1000 = (4 B + 20 B + 32 B + 4 B) × 1000 = 60 KB');
  });

  it('names are still for derived figures only', async () => {
    const stderr = await refused(['estimate', file('row-names', 'assumptions:', '  a: 4 B', '  b: 4 B + a')]);
    expect(stderr).toContain('an assumption is a quantity and cannot use `a`; to compute `b`, move it under derived:');
  });
});

describe("6. dimension errors in the user's units, with the fix for a missing per-noun", () => {
  it('10k req/s * 2 KB -> Mbps hints at 2 KB/req', async () => {
    const stderr = await refused(['calc', '10k req/s * 2 KB -> Mbps']);
    expect(stderr).toContain('error: cannot convert request·KB/s to Mbps');
    expect(stderr).toContain('hint: `request` is left over: did you mean `2 KB/req`?');
    // The fix works: 10,000 req/s × 2 KB/req = 20 MB/s = 160 Mbit/s.
    expect((await bote('calc', '10k req/s * 2 KB/req -> Mbps')).stdout).toBe('160 Mbps\n');
  });

  it('names GB/day, not B/s', async () => {
    const stderr = await refused([
      'estimate',
      file(
        'mismatch',
        'assumptions:',
        '  ingest: 30 GB/day',
        '  rps: 100 request/s',
        'derived:',
        '  total: ingest + rps',
      ),
    ]);
    expect(stderr).toContain('error: cannot add GB/day and request/s');
    expect(stderr).toContain('hint: left: `ingest` is GB/day; right: `rps` is request/s');
  });

  it('a declared unit that lacks a per-noun figure hints at the figure', async () => {
    const stderr = await refused([
      'estimate',
      file(
        'per-noun',
        'assumptions:',
        '  rps: 10k req/s',
        '  size: 2 KB',
        'derived:',
        '  bandwidth: { expr: rps * size, unit: Mbps }',
      ),
    ]);
    expect(stderr).toContain('error: `unit: Mbps` does not fit the formula of `bandwidth`, which gives request·KB/s');
    expect(stderr).toContain('hint: `request` is left over: is `size` meant per request, `2 KB/request`?');
  });
});

describe('7. calc takes an unknown word as a count noun, and says so', () => {
  it('150M user * 2 tweet/user/day -> tweet/s', async () => {
    const r = await bote('calc', '150M user * 2 tweet/user/day -> tweet/s');
    expect(r.code).toBe(0);
    // 150 M × 2 / 86,400 s = 3,472.22 tweet/s.
    expect(r.stdout).toBe('3,472.22 tweet/s  (3.47 K tweet/s)\n');
    expect(r.stderr).toBe('note: tweet taken as a count noun\n');
  });

  it('--json carries the note; --noun declares the noun and silences it', async () => {
    const json = await bote('calc', '150M user * 2 tweets/user/day -> tweet/s', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      version: 1,
      unit: 'tweet/s',
      notes: ['tweet taken as a count noun'],
    });
    const quiet = await bote(
      'calc',
      '--noun',
      'tweet',
      '--noun',
      'vCPU',
      '150M user * 2 tweet/user/day -> tweet/s',
      '--json',
    );
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout).notes).toEqual([]);
  });

  it.each<[string, string]>([
    ['5 requst/s', 'did you mean `request`?'],
    ['3 MBB', 'did you mean `MB`?'],
  ])('a typo of a unit stays an error: %s', async (expression, hint) => {
    const stderr = await refused(['calc', expression]);
    expect(stderr).toMatch(/^expression:1:3: error: unknown unit/);
    expect(stderr).toContain(`hint: ${hint}`);
  });

  it('--noun that is a unit is bad usage', async () => {
    const r = await bote('calc', '--noun', 'MB', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bote: error: --noun MB: `MB` is already a unit (MB)\n  hint: choose another word\n');
  });
});

describe('8. without ->, calc answers in the units written', () => {
  it.each<[string, string]>([
    ['10 Gb/s', '10 Gbit/s\n'],
    ['5 req/user/day', '5 request/user/day\n'],
    // 36.5 TB / 365 × 10^9 = 100 B.
    ['36.5 TB / 365 bn', '100 B\n'],
    // The users cancel: 150 M × 2 = 300 M tweet/day.
    ['150M user * 2 tweet/user/day', '300,000,000 tweet/day  (300 M tweet/day)\n'],
    ['3 GiB * 2', '6 GiB\n'],
    // Units that cancel only by dimension (Gbps·hour): the unit that fits best. 1e9 bit/s × 3,600 s / 8 = 450 GB.
    ['1 Gbps * 1 hour', '450 GB\n'],
  ])('%s', async (expression, out) => {
    expect((await bote('calc', expression)).stdout).toBe(out);
  });
});

describe('9. every JSON carries its version, every error starts the same way', () => {
  it('calc --json and list --json start with "version": 1', async () => {
    const calc = JSON.parse((await bote('calc', '2 GB * 3', '--json')).stdout);
    expect(Object.keys(calc)).toEqual(['version', 'value', 'unit', 'display', 'notes']);
    expect(calc).toEqual({ version: 1, value: 6, unit: 'GB', display: '6 GB', notes: [] });
    const list = JSON.parse((await bote('list', '--json')).stdout);
    expect(Object.keys(list)).toEqual(['version', 'scenarios']);
    expect(list.scenarios.map((s: { name: string }) => s.name)).toContain('twitter');
  });

  it.each<[string[], number]>([
    [['calc', '--bogus', '1'], 2],
    [['frobnicate'], 2],
    [['estimate'], 2],
    [['estimate', 'no-such-scenario'], 1],
    [['estimate', 'twitter', '--set', 'dau=2 GB'], 1],
    [['init', 'x', '--keep-expect'], 2],
  ])('bote %j: bote: error:', async (args, code) => {
    const r = await bote(...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(/^bote: error: /);
  });
});

describe('10. conventions are obeyed in full or refused', () => {
  it('year: 12 month with a restated month is 12 of those months, everywhere', async () => {
    const path = file(
      'calendar',
      'conventions:',
      '  year: 12 month',
      '  month: 30 day',
      'assumptions:',
      '  horizon: 1 year',
      'derived:',
      '  in_days: { expr: horizon, unit: day }',
      '  in_months: { expr: horizon, unit: month }',
    );
    const doc = await estimate(path);
    expect(doc.results.in_days!.value).toBe(360);
    expect(doc.results.in_months!.value).toBe(12);
    expect(doc.scenario.conventions).toEqual({ year: '12 month', month: '30 day' });
    const table = (await bote('estimate', path)).stdout;
    expect(table).toContain('conventions: year = 12 month, month = 30 day');
    // 360 days is the year, so it shows as one.
    expect(table).toMatch(/in_days\s+│\s+360 │ day\s+│\s+1 year/);
  });

  it('a month restated alone keeps the year of 365 days and says so', async () => {
    const path = file(
      'month-only',
      'conventions:',
      '  month: 30 day',
      'assumptions:',
      '  horizon: 1 year',
      '  m: 1 month',
      'derived:',
      '  in_days: { expr: horizon, unit: day }',
      '  m_days: { expr: m, unit: day }',
    );
    const doc = await estimate(path);
    expect(doc.results.in_days!.value).toBe(365);
    expect(doc.results.m_days!.value).toBe(30);
    expect(doc.scenario.conventions).toEqual({ year: '365 day (default)', month: '30 day' });
    expect((await bote('estimate', path)).stdout).toContain('conventions: year = 365 day (default), month = 30 day');
  });

  it('a year written in months, with no month restated, is refused at its place', async () => {
    const path = file('circle', 'conventions:', '  year: 12 month', 'assumptions:', '  a: 1');
    const stderr = await refused(['estimate', path]);
    expect(stderr).toContain(`${path}:2:9: error: these conventions are defined by each other: year → month → year`);
    expect(stderr).toContain('hint: a month not restated is year/12: write the year in days');
  });
});

describe('11 and 12. a check shows the figure as the table does, and reads unambiguously', () => {
  const checked = () =>
    file(
      'checked',
      'assumptions:',
      '  hits: 86797 request/s',
      '  total: 100000 request/s',
      '  rate: 40 request/s',
      'derived:',
      '  hit_rate: { expr: hits / total, unit: percent }',
      '  load: { expr: rate * 1.1025, unit: request/s }',
      '  near: { expr: rate * 1.005, unit: request/s }',
      'expect:',
      '  hit_rate: 87%',
      '  load: 40 request/s',
      '  near: 40 request/s',
    );

  it('a unit: percent result and its check: the same number and unit in the table, check and JSON', async () => {
    const path = checked();
    const doc = JSON.parse((await bote('estimate', path, '--json')).stdout) as Doc;
    // 86,797 / 100,000 = 86.797 percent, and the published 87% is 87 percent.
    expect(doc.results.hit_rate).toMatchObject({ value: 86.797, unit: 'percent', display: '86.8 percent' });
    expect(doc.checks.find((c) => c.name === 'hit_rate')).toMatchObject({
      expected: 87,
      actual: 86.797,
      unit: 'percent',
      status: 'ok',
    });
    const check = await bote('check', path);
    expect(check.stdout).toContain('✓ hit_rate  published 87%, computed 86.8 percent: agrees (-0.233%, tolerance 1%)');
    const json = JSON.parse((await bote('check', path, '--json')).stdout);
    expect(json.scenarios[0].checks[0]).toMatchObject({ name: 'hit_rate', actual: 86.797, unit: 'percent' });
  });

  it('a failed check: published 40 request/s, computed 44.1 request/s: off by +10.3% (tolerance 1%)', async () => {
    const path = checked();
    // 40 × 1.1025 = 44.1, 10.25% above 40.
    const sentence = 'published 40 request/s, computed 44.1 request/s: off by +10.3% (tolerance 1%)';
    const check = await bote('check', path);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`✗ load      ${sentence}`);
    const table = await bote('estimate', path);
    expect(table.stdout).toContain(`✗ load: ${sentence}`);
    expect(table.stdout).toContain('40 request/s ✗ off by +10.3%');
    // Within 1% (40.2 against 40) it agrees.
    expect(check.stdout).toContain(
      '✓ near      published 40 request/s, computed 40.2 request/s: agrees (+0.5%, tolerance 1%)',
    );
  });
});

describe("13. init --from makes the user's own scenario", () => {
  it('keeps assumptions and formulas, drops the published figures and errata with a comment, so the first edit shows no ✗', async () => {
    const r = await bote('init', 'short', '--from', 'url-shortener');
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'short.yaml'), 'utf8');
    const data = parseYaml(text) as Record<string, unknown>;
    expect(data.expect).toBeUndefined();
    expect(Object.keys(data.assumptions as object)).toContain('new_urls_per_day');
    expect(Object.keys(data.derived as object)).toContain('storage_total');
    expect(text).not.toContain('erratum');
    expect(text).toContain('# expect: (the published figures of url-shortener, with their errata) was left out:');
    expect(text).toContain(
      '# `bote check url-shortener` shows them; `bote init short --from url-shortener --keep-expect` copies them too.',
    );
    // The first edit: twice the URLs a day. Nothing to disagree with.
    writeFileSync(join(dir, 'short.yaml'), text.replace('100 million url/day', '200 million url/day'));
    const est = await bote('estimate', './short.yaml');
    expect(est.code).toBe(0);
    expect(est.stdout).not.toContain('✗');
    expect((await bote('check', './short.yaml')).stdout).toContain('no published figures');
  });

  it('--keep-expect copies them too', async () => {
    expect((await bote('init', 'kept', '--from', 'url-shortener', '--keep-expect')).code).toBe(0);
    const data = parseYaml(readFileSync(join(dir, 'kept.yaml'), 'utf8')) as { expect: Record<string, unknown> };
    expect(Object.keys(data.expect)).toContain('storage_total');
    expect((await bote('check', './kept.yaml')).code).toBe(0);
  });

  it('--keep-expect without --from is bad usage, and writes nothing', async () => {
    const stderr = await refused(['init', 'lonely', '--keep-expect'], 2);
    expect(stderr).toContain('bote: error: --keep-expect keeps the published figures of a copy: give --from');
  });
});
