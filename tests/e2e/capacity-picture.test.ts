import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

// The whole capacity picture (issue 10), in process: every card scenario
// fills the six sections, marks where each assumption comes from, and keeps
// its table within 100 columns; `bote ref capacity` is what the defaults cite.

const CARDS = ['twitter', 'url-shortener', 'uber', 'youtube'];
const SIX = ['traffic', 'storage', 'bandwidth', 'cache', 'servers', 'cost'];
/** The scenarios that are tables of reference numbers, not services: nothing to section. */
const REFERENCE = ['availability', 'geohash-cells', 'snowflake-id', 'url-shortener-ids-003'];

interface Doc {
  assumptions: Record<string, { origin?: string; ref?: string; text: string }>;
  results: Record<string, { section?: string; unit: string; headline?: boolean }>;
}

async function ok(args: string[]): Promise<string> {
  const r = await runInProcess(args, { env: { NO_COLOR: '1' } });
  expect(r.stderr, args.join(' ')).toBe('');
  expect(r.code, args.join(' ')).toBe(0);
  return r.stdout;
}
const json = async (args: string[]) => JSON.parse(await ok([...args, '--json'])) as Doc;

describe.each(CARDS)('bote estimate %s: the whole picture', (name) => {
  it('has a result in each of the six sections, and every result names its section', async () => {
    const doc = await json(['estimate', name]);
    const sections = Object.values(doc.results).map((r) => r.section);
    for (const s of SIX) expect(sections, `${name} has a figure in ${s}`).toContain(s);
    for (const s of sections) expect([...SIX, 'other']).toContain(s);
  });

  it('says where every assumption comes from: the source, or a default with its row or a note', async () => {
    const doc = await json(['estimate', name]);
    const table = await ok(['estimate', name, '--no-color']);
    for (const [key, a] of Object.entries(doc.assumptions)) {
      expect(['source', 'default'], `${name}.${key}`).toContain(a.origin);
      if (a.ref !== undefined) expect(a.ref).toMatch(/^[THMP]\d+$/);
    }
    const defaults = Object.entries(doc.assumptions).filter(([, a]) => a.origin === 'default');
    expect(defaults.length).toBeGreaterThan(0);
    // The table marks each row stated or default (with its row).
    for (const [key, a] of defaults) {
      expect(table, key).toMatch(new RegExp(`│ ${key}\\s+│[^│]+│ default${a.ref ? ` \\(${a.ref}\\)` : ''}\\s+│`));
    }
    expect(table).toMatch(/│ stated\s+│/);
  });

  it('prints the sections in order, each once, and keeps the table within 100 columns', async () => {
    const table = await ok(['estimate', name, '--no-color']);
    const widest = Math.max(...table.split('\n').map((l) => [...l].length));
    expect(widest, `${name}: the widest line`).toBeLessThanOrEqual(100);
    const headings = table
      .split('\n')
      .map((l) => /^│ (traffic|storage|bandwidth|cache|servers|cost|other)\s+│$/.exec(l)?.[1])
      .filter(Boolean);
    expect(headings.filter((h) => h !== 'other')).toEqual(SIX);
    // Under cost: the date of every price it uses and the rows they come from.
    expect(table).toMatch(
      /│ (prices as of \d{4}[-\d]*(, \d{4}[-\d]*)* \(bote ref capacity P\d+(, P\d+)*\)|.*as the source states it)/,
    );
  });
});

describe('the rest of the catalogue', () => {
  it('the reference scenarios keep the plain table: every result in other, no section heading', async () => {
    for (const name of REFERENCE) {
      const doc = await json(['estimate', name]);
      expect(
        Object.values(doc.results).every((r) => r.section === 'other'),
        name,
      ).toBe(true);
      expect(await ok(['estimate', name, '--no-color'])).not.toMatch(/^│ (traffic|other)\s+│$/m);
    }
  });

  it('a section with no figure says why, or that the scenario does not estimate it', async () => {
    const table = await ok(['estimate', 'whatsapp-003', '--no-color']);
    expect(table).toMatch(/│ storage: messages stay only until delivered/);
    expect(table).toMatch(/│ cache: not estimated by this scenario\s+│/);
  });

  it('markdown and csv carry the section of each result and the origin of each assumption', async () => {
    const md = await ok(['estimate', 'url-shortener', '--format', 'markdown']);
    expect(md).toMatch(/^\| cache \| cache_memory \| 20 \| GB \|/m);
    expect(md).toMatch(/^\| peak_factor \| 2 \| default \(M9\) \|/m);
    expect(md).toMatch(/^Cost: prices as of .*\(bote ref capacity P1, P4, P7\)\.$/m);
    const csv = await ok(['estimate', 'url-shortener', '--format', 'csv']);
    expect(csv).toMatch(/^result,cache_nodes,2,shard,.*,cache,,\r$/m);
    expect(csv).toMatch(/^assumption,replicas,3,,3,3x,,default,M10\r$/m);
  });

  it("a value set with --set is the user's: stated, without the row", async () => {
    const doc = await json(['estimate', 'url-shortener', '--set', 'app_server_rps=2000']);
    expect(doc.assumptions.app_server_rps).toMatchObject({ origin: 'source', overridden: true });
    expect(doc.assumptions.app_server_rps!.ref).toBeUndefined();
    expect(await ok(['estimate', 'url-shortener', '--set', 'app_server_rps=2000', '--no-color'])).toMatch(
      /│ app_server_rps\s+│ 2000 request\/s\/server \(set\) was 1000 req\/s\/server\s+│ set\s+│/,
    );
  });
});

describe('bote explain: a default is worded as one', () => {
  it('text: "assuming, by bote\'s default (ref capacity T1), ..."', async () => {
    const out = await ok(['explain', 'url-shortener', 'app_servers']);
    expect(out).toContain("assuming, by bote's default (ref capacity T1), app_server_rps = 1000 req/s/server");
    expect(out).toContain("assuming, by bote's default, target_utilization = 70%");
    expect(out).toContain('read_write_ratio = 10 (assumption)');
    expect(out).toMatch(/app_servers\n\s+= servers\(peak_requests, app_server_rps, target_utilization, spares\)/);
  });

  it('JSON: each given step carries its origin, and a default its ref', async () => {
    const doc = JSON.parse(await ok(['explain', 'url-shortener', 'app_servers', '--json'])) as {
      steps: Array<{ name: string; kind: string; origin?: string; ref?: string }>;
    };
    const step = (n: string) => doc.steps.find((s) => s.name === n)!;
    expect(step('app_server_rps')).toMatchObject({ origin: 'default', ref: 'T1' });
    expect(step('read_write_ratio')).toMatchObject({ origin: 'source' });
    expect(step('app_servers').origin).toBeUndefined();
  });
});

describe('bote sensitivity NAME with no result', () => {
  it('studies each headline figure, in JSON as { version, scenario, results: [ { result, swings, variance } ] }', async () => {
    const doc = JSON.parse(await ok(['sensitivity', 'url-shortener', '--samples', '200', '--json'])) as {
      version: number;
      scenario: { name: string };
      results: Array<{ result: { name: string; unit: string }; swings: Array<{ name: string }>; variance: unknown }>;
    };
    expect(doc.version).toBe(1);
    expect(doc.scenario.name).toBe('url-shortener');
    const headlines = Object.entries((await json(['estimate', 'url-shortener'])).results)
      .filter(([, r]) => r.headline)
      .map(([n]) => n);
    expect(doc.results.map((r) => r.result.name)).toEqual(headlines);
    expect(headlines).toEqual([
      'write_qps',
      'read_qps',
      'storage_total',
      'cache_memory',
      'app_servers',
      'cost_per_month',
    ]);
    // read_qps moves with the writes and the ratio; nothing is a range, so no variance.
    expect(doc.results[1]!.swings.map((s) => s.name).sort()).toEqual(['new_urls_per_day', 'read_write_ratio']);
    expect(doc.results.every((r) => r.variance === null)).toBe(true);
  });

  it('falls back to the results with a published figure when none is marked headline', async () => {
    const doc = JSON.parse(await ok(['sensitivity', 'hotel-booking', '--json'])) as {
      results: Array<{ result: { name: string } }>;
    };
    expect(doc.results.map((r) => r.result.name)).toEqual(['booking_page_qps', 'detail_page_qps']);
  });

  it('falls back to every result when none is published either, and draws a tornado for each', async () => {
    const out = await ok(['sensitivity', 'tinder', '--samples', '200']);
    for (const name of ['swipes_per_day', 'swipe_rate', 'peak_swipe_rate', 'app_servers', 'compute_cost'])
      expect(out).toMatch(new RegExp(`^${name}$`, 'm'));
  });

  it('gives variance shares for each headline figure a range reaches', async () => {
    const doc = JSON.parse(
      await ok(['sensitivity', 'twitter', '--set', 'dau=100M to 300M', '--samples', '500', '--seed', '3', '--json']),
    ) as {
      results: Array<{ result: { name: string }; variance: { shares: Array<{ name: string }> } | null }>;
    };
    const qps = doc.results.find((r) => r.result.name === 'qps')!;
    expect(qps.variance?.shares.map((s) => s.name)).toEqual(['dau']);
  });
});

describe('the file format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bote-picture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('section:, headline:, origin:, ref: and omitted: in a user file, through estimate and validate', async () => {
    const file = join(dir, 'svc.yaml');
    writeFileSync(
      file,
      [
        'assumptions:',
        '  dau: 2 million user',
        '  per_server: { value: 1000 req/s/server, origin: default, ref: T1 }',
        'derived:',
        '  rps: { expr: dau * 20 request/user/day, unit: request/s, headline: true }',
        '  hot: { expr: rps * 1 KB/request * (1 day) * 20%, unit: GB, section: cache }',
        '  app: servers(rps, per_server)',
        'omitted:',
        '  storage: nothing is kept',
        '',
      ].join('\n'),
    );
    expect(await ok(['validate', file])).toContain('ok');
    const doc = await json(['estimate', file]);
    expect(doc.assumptions.dau!.origin).toBe('source');
    expect(doc.assumptions.per_server).toMatchObject({ origin: 'default', ref: 'T1' });
    expect(doc.results.hot!.section).toBe('cache');
    expect(doc.results.app!.section).toBe('servers');
    const table = await ok(['estimate', file, '--no-color']);
    expect(table).toMatch(/│ storage: nothing is kept\s+│/);
    expect(table).toMatch(/│ bandwidth: not estimated by this scenario\s+│/);
  });

  it('refuses a ref to no row with its place and the closest row', async () => {
    const file = join(dir, 'bad-ref.yaml');
    writeFileSync(file, 'assumptions:\n  per_server: { value: 1000 req/s/server, origin: default, ref: T11 }\n');
    const r = await runInProcess(['validate', file], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-ref\.yaml:2:\d+: error: `ref: T11` is not a row of bote ref capacity/);
    expect(r.stderr).toContain('did you mean `T1`?');
  });
});

describe('bote ref capacity', () => {
  it('lists every default by group, the prices with who charges them, where and when', async () => {
    const out = await ok(['ref', 'capacity']);
    expect(out).toMatch(/^ {2}T1 +Stateless app\/API server: requests per second +1000 req\/s\/server +200 to 10000$/m);
    expect(out).toMatch(/^ {2}H8 +Memory per cache node +13 GB\/shard +6\.38 GiB\/shard to 25 GB\/shard$/m);
    expect(out).toMatch(
      /^ {2}P6 +CDN price: CloudFront, per GB +\$0\.085\/GB\n {6}AWS CloudFront, United States, Mexico and Canada; as of 2026-06-15$/m,
    );
    for (const heading of ['Throughput per server or node', 'Hardware', 'Rules of thumb', 'Prices'])
      expect(out).toContain(heading);
    expect(Math.max(...out.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });

  it('shows one row by its ID, in any case: default, range with its note, source and date', async () => {
    const out = await ok(['ref', 'capacity', 't1']);
    expect(out.split('\n')[0]).toBe('T1  Stateless app/API server: requests per second');
    expect(out).toMatch(/^ {2}default +1000 req\/s\/server$/m);
    expect(out).toMatch(/^ {2}range +200 req\/s\/server to 10000 req\/s\/server: most guides say 1,000 to 10,000/m);
    expect(out).toMatch(/^ {2}source +systemoverflow\.com/m);
    expect(out).toMatch(/^ {2}date +undated$/m);
    const price = await ok(['ref', 'capacity', 'P7']);
    expect(price).toMatch(/^ {2}price +AWS EC2, us-east-1$/m);
    expect(price).toMatch(/^ {2}date +2026-06-17$/m);
  });

  it('finds rows by words, as bote ref latency does, and says which when nothing matches (exit 1)', async () => {
    const doc = JSON.parse(await ok(['ref', 'capacity', 'redis', '--json'])) as {
      version: number;
      table: string;
      rows: Array<{ id: string; value: string; range?: { low: string } }>;
    };
    expect(doc).toMatchObject({ version: 1, table: 'capacity' });
    expect(doc.rows.map((r) => r.id)).toEqual(['T3']);
    expect(doc.rows[0]!.range?.low).toBe('80000 req/s/server');
    const r = await runInProcess(['ref', 'capacity', 'quantum teleport']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no capacity default matches "quantum teleport"/);
    expect(r.stderr).toMatch(/did you mean "/);
  });

  it('is among the tables an unknown one suggests', async () => {
    const r = await runInProcess(['ref', 'capacty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "capacity"');
    expect(r.stderr).toContain('latency, availability, powers, capacity');
  });
});
