import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

// The four headline built-ins through the CLI (in process), against figures worked
// out by hand here from the assumptions in scenarios/NAME.yaml, not read off
// bote's output. Calendar: day = 86,400 s, year = 365 days; SI bytes.

const DAY = 86_400;
const YEAR_DAYS = 365;
/** bote's month: a 365-day year / 12 = 2,628,000 s = 730 hours, the month the price lists use. */
const MONTH = (YEAR_DAYS * DAY) / 12;
const MONTH_HOURS = MONTH / 3600;
const RTOL = 1e-9;

interface Figure {
  value: number;
  unit: string;
  /** The friendly display in the table and the JSON, e.g. "3.47 K tweet/s". */
  display: string;
  /** traffic, storage, bandwidth, cache, servers, cost or other. */
  section: string;
}
interface Check {
  name: string;
  status: 'ok' | 'erratum';
  /** The published figure, in the result's unit. */
  expected: number;
}
interface Golden {
  title: string;
  source: string;
  /** In the scenario's order. */
  results: Record<string, Figure>;
  checks: Check[];
}

/** servers(load, per_server, utilization, spares) and shards(total, per_shard), by hand. */
const servers = (load: number, perServer: number, utilization: number, spares: number) =>
  Math.ceil(load / (perServer * utilization)) + spares;
const shards = (total: number, perShard: number) => Math.ceil(total / perShard);

// Defaults every card scenario cites (bote ref capacity): T1 1000 req/s a server, H8 13 GB a
// cache node, H9 1 TB a database node, M8 cache 20%, M9 peak x2, M10 three copies, P7 $0.0816
// an instance-hour; 70% utilization and one spare are planning margins.
const T1 = 1000;
const H8 = 13e9;
const H9 = 1e12;
const UTIL = 0.7;
const SPARES = 1;
const P7 = 0.0816;

// twitter: 300 M MAU, 50% daily, 2 tweets/user/day, 10% with 1 MB media, a tweet_id of 64 B and
// 140 B of text, kept 5 years, peak x2 (the book). bote adds 100 reads per tweet (M7), S3 at
// $0.021/GB-month (P1 beyond 500 TB) and a CDN at $0.020/GB (P6 beyond 5 PB).
const twDau = 300e6 * 0.5;
const twQps = (twDau * 2) / DAY; // 3,472.2 tweet/s
const twReads = twQps * 100; // 347,222 tweet/s
const twPeakRequests = (twQps + twReads) * 2; // 701,389: a request per tweet posted or read
const twMediaPerDayBytes = twDau * 2 * 0.1 * 1e6; // 30 TB
const twMediaTotal = twMediaPerDayBytes * 5 * YEAR_DAYS; // 54.75 PB
const twTextPerDay = twDau * 2 * (64 + 140); // 61.2 GB
const twTextReplicated = twTextPerDay * 5 * YEAR_DAYS * 3; // 335.07 TB
const twPerTweet = 64 + 140 + 0.1 * 1e6; // 100,204 B with a tenth of a 1 MB medium
const twCache = twReads * (64 + 140) * DAY * 0.2; // 1,224 GB
const twApp = servers(twPeakRequests, T1, UTIL, SPARES); // ceil(1,001.98) + 1 = 1,003
const twStorageCost = (twMediaTotal / 1e9) * 0.021; // $1,149,750
const twCdnCost = ((twReads * twPerTweet * MONTH) / 1e9) * 0.02; // 91.4 PB a month: $1.83 M
const twCompute = twApp * P7 * MONTH_HOURS; // $59,746.70

// url-shortener: 100 M URLs/day, 10 reads per write, 10 years, 100 B/URL, 62-character keys (the
// book); bote adds peak x2, S3 at $0.023/GB-month (P1, under 50 TB) and egress at $0.09/GB (P4).
const usWrite = 100e6 / DAY; // 1,157.4 url/s
const usRead = usWrite * 10;
const usRecords = 100e6 * 10 * YEAR_DAYS;
const usStorage = usRecords * 100; // 36.5 TB
const usPeakRequests = (usWrite + usRead) * 2; // 25,463 request/s
const usApp = servers(usPeakRequests, T1, UTIL, SPARES); // ceil(36.38) + 1 = 38
const usStorageCost = (usStorage / 1e9) * 0.023; // $839.50
const usEgressCost = ((usRead * 100 * MONTH) / 1e9) * 0.09; // 3,041.7 GB a month: $273.75
const usCompute = usApp * P7 * MONTH_HOURS; // $2,263.58

// uber: 100 M DAU x 10 requests/day, 10 M rides a day, 400 B per request, kept 10 years (the seed);
// bote adds responses of 400 B, S3 at $0.021/GB-month (P1 beyond 500 TB) and egress at $0.09/GB (P4).
const ubPerDay = 100e6 * 10;
const ubRps = ubPerDay / DAY; // 11,574 request/s
const ubBytesPerDay = ubPerDay * 400; // 400 GB
const ubTotal = ubBytesPerDay * 10 * YEAR_DAYS; // 1.46 PB
const ubApp = servers(ubRps * 2, T1, UTIL, SPARES); // ceil(33.07) + 1 = 35
const ubStorageCost = (ubTotal / 1e9) * 0.021; // $30,660
const ubEgressCost = ((ubRps * 400 * MONTH) / 1e9) * 0.09; // 12,166.7 GB a month: $1,095
const ubCompute = ubApp * P7 * MONTH_HOURS; // $2,084.88

// youtube: 5 M DAU x 5 views/day, 10% upload 1 video/day, 300 MB per video, $0.02/GB (the book);
// bote adds a 5-year horizon, 1 Gbps a server (H6), S3 at $0.021/GB-month (P1 beyond 500 TB).
const ytViews = 5e6 * 5;
const ytUploads = 5e6 * 0.1 * 1;
const ytViewRate = ytViews / DAY; // 289.35 video/s
const ytUploadRate = ytUploads / DAY; // 5.787 video/s
const ytStorageTotal = ytUploads * 300e6 * 5 * YEAR_DAYS; // 273.75 PB
const ytIngressBits = ytUploadRate * 300e6 * 8; // 13.9 Gbps
const ytHotSet = ytViews * 300e6 * 0.2; // 1.5 PB
const ytApp = servers((ytViewRate + ytUploadRate) * 2, T1, UTIL, SPARES); // ceil(0.84) + 1 = 2
const ytUpload = servers(ytIngressBits * 2, 1e9, UTIL, SPARES); // ceil(39.7) + 1 = 41
const ytCdnPerDay = 5e6 * 5 * 0.3 * 0.02; // 0.3 GB a view at $0.02/GB: $150,000
const ytCdnMonth = ytCdnPerDay * (MONTH / DAY); // 30.42 days: $4,562,500
const ytStorageCost = (ytStorageTotal / 1e9) * 0.021; // $5,748,750
const ytCompute = (ytApp + ytUpload) * P7 * MONTH_HOURS; // 43 instances: $2,561.42

const GOLDEN: Record<string, Golden> = {
  twitter: {
    title: 'Twitter - tweet QPS and media storage',
    source: 'seeds/004, chapter 2: Example: Estimate Twitter QPS and storage requirements',
    results: {
      dau: { value: twDau, unit: 'user', display: '150 M user', section: 'traffic' },
      qps: { value: twQps, unit: 'tweet/s', display: '3.47 K tweet/s', section: 'traffic' }, // 150e6 * 2 / 86400
      peak_qps: { value: twQps * 2, unit: 'tweet/s', display: '6.94 K tweet/s', section: 'traffic' },
      read_qps: { value: twReads, unit: 'tweet/s', display: '347 K tweet/s', section: 'traffic' },
      peak_read_qps: { value: twReads * 2, unit: 'tweet/s', display: '694 K tweet/s', section: 'traffic' },
      peak_requests: { value: twPeakRequests, unit: 'request/s', display: '701 K request/s', section: 'traffic' },
      media_storage_per_day: {
        value: twMediaPerDayBytes / 1e12,
        unit: 'TB/day',
        display: '30 TB/day',
        section: 'storage',
      },
      media_storage_total: { value: twMediaTotal / 1e15, unit: 'PB', display: '54.8 PB', section: 'storage' }, // 54.75
      text_storage_per_day: { value: twTextPerDay / 1e9, unit: 'GB/day', display: '61.2 GB/day', section: 'storage' },
      text_storage_replicated: { value: twTextReplicated / 1e12, unit: 'TB', display: '335 TB', section: 'storage' },
      ingress: { value: (twQps * twPerTweet * 8) / 1e9, unit: 'Gbps', display: '2.78 Gbps', section: 'bandwidth' },
      egress: { value: (twReads * twPerTweet * 8) / 1e9, unit: 'Gbps', display: '278 Gbps', section: 'bandwidth' },
      cache_memory: { value: twCache / 1e9, unit: 'GB', display: '1.22 TB', section: 'cache' },
      cache_nodes: { value: shards(twCache, H8), unit: 'shard', display: '95 shard', section: 'cache' }, // ceil(94.2)
      app_servers: { value: twApp, unit: 'server', display: '1,003 server', section: 'servers' },
      db_shards: { value: shards(twTextReplicated, H9), unit: 'shard', display: '336 shard', section: 'servers' }, // ceil(335.07)
      storage_cost: { value: twStorageCost, unit: 'USD/month', display: '1.15 M USD/month', section: 'cost' },
      cdn_cost: { value: twCdnCost, unit: 'USD/month', display: '1.83 M USD/month', section: 'cost' },
      compute_cost: { value: twCompute, unit: 'USD/month', display: '59.7 K USD/month', section: 'cost' },
      cost_per_month: {
        value: twStorageCost + twCdnCost + twCompute,
        unit: 'USD/month',
        display: '3.04 M USD/month',
        section: 'cost',
      },
    },
    checks: [
      { name: 'dau', status: 'ok', expected: 150e6 },
      { name: 'qps', status: 'ok', expected: 3500 },
      { name: 'peak_qps', status: 'ok', expected: 7000 },
      { name: 'media_storage_per_day', status: 'ok', expected: 30 },
      { name: 'media_storage_total', status: 'ok', expected: 55 },
    ],
  },
  'url-shortener': {
    title: 'URL shortener - write and read QPS, records, storage and key length',
    source: 'seeds/004, chapter 8 (Design a URL shortener): Back of the envelope estimation; Hash value length',
    results: {
      write_qps: { value: usWrite, unit: 'url/s', display: '1.16 K url/s', section: 'traffic' },
      read_qps: { value: usRead, unit: 'url/s', display: '11.6 K url/s', section: 'traffic' },
      peak_write_qps: { value: usWrite * 2, unit: 'url/s', display: '2.31 K url/s', section: 'traffic' },
      peak_read_qps: { value: usRead * 2, unit: 'url/s', display: '23.1 K url/s', section: 'traffic' },
      peak_requests: { value: usPeakRequests, unit: 'request/s', display: '25.5 K request/s', section: 'traffic' },
      storage_per_day: { value: (100e6 * 100) / 1e9, unit: 'GB/day', display: '10 GB/day', section: 'storage' },
      records_total: { value: usRecords, unit: 'url', display: '365 bn url', section: 'storage' },
      storage_total: { value: usStorage / 1e12, unit: 'TB', display: '36.5 TB', section: 'storage' }, // 36.5, not the book's 365
      storage_replicated: { value: (usStorage * 3) / 1e12, unit: 'TB', display: '110 TB', section: 'storage' }, // 109.5
      ingress: { value: (usWrite * 100 * 8) / 1e6, unit: 'Mbps', display: '926 kbps', section: 'bandwidth' },
      egress: { value: (usRead * 100 * 8) / 1e6, unit: 'Mbps', display: '9.26 Mbps', section: 'bandwidth' },
      cache_memory: { value: (usRead * 100 * DAY * 0.2) / 1e9, unit: 'GB', display: '20 GB', section: 'cache' }, // 1e9 reads x 100 B x 20%
      cache_nodes: { value: shards(20e9, H8), unit: 'shard', display: '2 shard', section: 'cache' },
      app_servers: { value: usApp, unit: 'server', display: '38 server', section: 'servers' },
      db_shards: { value: shards(usStorage * 3, H9), unit: 'shard', display: '110 shard', section: 'servers' },
      // 62^6 = 5.7e10 < 3.65e11 <= 62^7 = 3.5e12
      hash_length: { value: 7, unit: '', display: '7', section: 'other' },
      storage_cost: { value: usStorageCost, unit: 'USD/month', display: '840 USD/month', section: 'cost' },
      egress_cost: { value: usEgressCost, unit: 'USD/month', display: '274 USD/month', section: 'cost' },
      compute_cost: { value: usCompute, unit: 'USD/month', display: '2.26 K USD/month', section: 'cost' },
      cost_per_month: {
        value: usStorageCost + usEgressCost + usCompute,
        unit: 'USD/month',
        display: '3.38 K USD/month',
        section: 'cost',
      },
    },
    checks: [
      { name: 'write_qps', status: 'ok', expected: 1160 },
      { name: 'read_qps', status: 'ok', expected: 11600 },
      { name: 'records_total', status: 'ok', expected: 365e9 },
      { name: 'storage_total', status: 'erratum', expected: 365 },
      { name: 'hash_length', status: 'ok', expected: 7 },
    ],
  },
  uber: {
    title: 'Uber - requests, storage and bandwidth',
    source: 'seeds/001, Uber: Estimation and Constraints',
    results: {
      requests_per_day: { value: ubPerDay, unit: 'request/day', display: '1 bn request/day', section: 'traffic' },
      rps: { value: ubRps, unit: 'request/s', display: '11.6 K request/s', section: 'traffic' },
      peak_rps: { value: ubRps * 2, unit: 'request/s', display: '23.1 K request/s', section: 'traffic' },
      ride_rate: { value: 10e6 / DAY, unit: 'ride/s', display: '116 ride/s', section: 'traffic' },
      peak_ride_rate: { value: (10e6 / DAY) * 2, unit: 'ride/s', display: '231 ride/s', section: 'traffic' },
      storage_per_day: { value: ubBytesPerDay / 1e9, unit: 'GB/day', display: '400 GB/day', section: 'storage' },
      storage_total: { value: ubTotal / 1e15, unit: 'PB', display: '1.46 PB', section: 'storage' },
      storage_replicated: { value: (ubTotal * 3) / 1e15, unit: 'PB', display: '4.38 PB', section: 'storage' },
      bandwidth: { value: ubBytesPerDay / DAY / 1e6, unit: 'MB/s', display: '4.63 MB/s', section: 'bandwidth' }, // 1e9 * 400 / 86400 / 1e6
      ingress: { value: ((ubBytesPerDay / DAY) * 8) / 1e6, unit: 'Mbps', display: '37 Mbps', section: 'bandwidth' },
      egress: { value: (ubRps * 400 * 8) / 1e6, unit: 'Mbps', display: '37 Mbps', section: 'bandwidth' },
      cache_memory: { value: (ubBytesPerDay * 0.2) / 1e9, unit: 'GB', display: '80 GB', section: 'cache' },
      cache_nodes: { value: shards(ubBytesPerDay * 0.2, H8), unit: 'shard', display: '7 shard', section: 'cache' }, // ceil(6.15)
      app_servers: { value: ubApp, unit: 'server', display: '35 server', section: 'servers' },
      db_shards: { value: shards(ubTotal * 3, H9), unit: 'shard', display: '4,380 shard', section: 'servers' },
      storage_cost: { value: ubStorageCost, unit: 'USD/month', display: '30.7 K USD/month', section: 'cost' },
      // 1,095: exactly half-way at three digits, and a hair above it in floating point.
      egress_cost: { value: ubEgressCost, unit: 'USD/month', display: '1.1 K USD/month', section: 'cost' },
      compute_cost: { value: ubCompute, unit: 'USD/month', display: '2.08 K USD/month', section: 'cost' },
      cost_per_month: {
        value: ubStorageCost + ubEgressCost + ubCompute,
        unit: 'USD/month',
        display: '33.8 K USD/month',
        section: 'cost',
      },
    },
    checks: [
      { name: 'requests_per_day', status: 'ok', expected: 1e9 },
      { name: 'rps', status: 'ok', expected: 12_000 },
      { name: 'storage_per_day', status: 'ok', expected: 400 },
      { name: 'storage_total', status: 'ok', expected: 1.4 },
      { name: 'bandwidth', status: 'ok', expected: 5 },
    ],
  },
  youtube: {
    title: 'YouTube - views, upload storage and CDN cost',
    source:
      'System Design Interview, chapter 14 (Design YouTube): back-of-the-envelope estimation; the seeds name the chapter but skip its numbers',
    results: {
      views_per_day: { value: ytViews, unit: 'video/day', display: '25 M video/day', section: 'traffic' },
      uploads_per_day: { value: ytUploads, unit: 'video/day', display: '500 K video/day', section: 'traffic' },
      view_rate: { value: ytViewRate, unit: 'video/s', display: '289 video/s', section: 'traffic' },
      upload_rate: { value: ytUploadRate, unit: 'video/s', display: '5.79 video/s', section: 'traffic' },
      peak_view_rate: { value: ytViewRate * 2, unit: 'video/s', display: '579 video/s', section: 'traffic' },
      peak_upload_rate: { value: ytUploadRate * 2, unit: 'video/s', display: '11.6 video/s', section: 'traffic' },
      peak_requests: {
        value: (ytViewRate + ytUploadRate) * 2,
        unit: 'request/s',
        display: '590 request/s',
        section: 'traffic',
      },
      storage_per_day: { value: (ytUploads * 300e6) / 1e12, unit: 'TB/day', display: '150 TB/day', section: 'storage' },
      storage_total: { value: ytStorageTotal / 1e15, unit: 'PB', display: '274 PB', section: 'storage' }, // 273.75
      storage_replicated: { value: (ytStorageTotal * 3) / 1e15, unit: 'PB', display: '821 PB', section: 'storage' },
      ingress: { value: ytIngressBits / 1e9, unit: 'Gbps', display: '13.9 Gbps', section: 'bandwidth' },
      egress: { value: (ytViewRate * 300e6 * 8) / 1e9, unit: 'Gbps', display: '694 Gbps', section: 'bandwidth' },
      egress_per_day: { value: (ytViews * 300e6) / 1e15, unit: 'PB/day', display: '7.5 PB/day', section: 'bandwidth' },
      cdn_hot_set: { value: ytHotSet / 1e15, unit: 'PB', display: '1.5 PB', section: 'cache' },
      edge_nodes: { value: shards(ytHotSet, H9), unit: 'shard', display: '1,500 shard', section: 'cache' },
      app_servers: { value: ytApp, unit: 'server', display: '2 server', section: 'servers' },
      upload_servers: { value: ytUpload, unit: 'server', display: '41 server', section: 'servers' },
      // 5e6 * 5 * 0.3 GB * $0.02/GB
      cdn_cost_per_day: { value: ytCdnPerDay, unit: 'USD/day', display: '150 K USD/day', section: 'cost' },
      cdn_cost: { value: ytCdnMonth, unit: 'USD/month', display: '4.56 M USD/month', section: 'cost' },
      storage_cost: { value: ytStorageCost, unit: 'USD/month', display: '5.75 M USD/month', section: 'cost' },
      compute_cost: { value: ytCompute, unit: 'USD/month', display: '2.56 K USD/month', section: 'cost' },
      cost_per_month: {
        value: ytCdnMonth + ytStorageCost + ytCompute,
        unit: 'USD/month',
        display: '10.3 M USD/month',
        section: 'cost',
      },
    },
    checks: [
      { name: 'views_per_day', status: 'ok', expected: 25e6 },
      { name: 'storage_per_day', status: 'ok', expected: 150 },
      { name: 'cdn_cost_per_day', status: 'ok', expected: 150_000 },
    ],
  },
};

function expectClose(actual: unknown, expected: number, what: string): void {
  expect(typeof actual, `${what} is a number`).toBe('number');
  const a = actual as number;
  const tolerance = RTOL * Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(
    Math.abs(a - expected) <= tolerance,
    `${what}: got ${a}, expected ${expected} (relative tolerance ${RTOL})`,
  ).toBe(true);
}

interface JsonResult {
  value: number;
  unit: string;
  display: string;
  section: string;
}
interface JsonCheck {
  name: string;
  expected: number;
  actual: number;
  unit: string;
  ok: boolean;
  status: string;
}
interface JsonReport {
  version: number;
  scenario: { name: string; title: string; source: string | null; file: string | null };
  results: Record<string, JsonResult>;
  checks: JsonCheck[];
}

describe.each(Object.entries(GOLDEN))('built-in %s', (name, golden) => {
  it('--json: every result equals the hand-computed figure, in the declared unit', async () => {
    const r = await runInProcess(['estimate', name, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.version).toBe(1);
    expect(doc.scenario).toMatchObject({
      name,
      title: golden.title,
      source: golden.source,
      file: `scenarios/${name}.yaml`,
    });
    // Exactly the scenario's names, in its order.
    expect(Object.keys(doc.results)).toEqual(Object.keys(golden.results));
    for (const [figure, want] of Object.entries(golden.results)) {
      const got = doc.results[figure]!;
      expectClose(got.value, want.value, `${name}.${figure}`);
      expect(got.unit, `${name}.${figure} unit`).toBe(want.unit);
      expect(got.display, `${name}.${figure} display`).toBe(want.display);
      expect(got.section, `${name}.${figure} section`).toBe(want.section);
    }
  });

  it('--json: the published figures are checked, errata marked as such', async () => {
    const doc = JSON.parse((await runInProcess(['estimate', name, '--json'])).stdout) as JsonReport;
    expect(doc.checks.map((c) => c.name)).toEqual(golden.checks.map((c) => c.name));
    for (const want of golden.checks) {
      const got = doc.checks.find((c) => c.name === want.name)!;
      expect(got.status, `${name}.${want.name} status`).toBe(want.status);
      expect(got.ok, `${name}.${want.name} ok`).toBe(want.status === 'ok');
      expectClose(got.expected, want.expected, `${name}.${want.name} published`);
      expectClose(got.actual, golden.results[want.name]!.value, `${name}.${want.name} computed`);
      expect(got.unit).toBe(golden.results[want.name]!.unit);
    }
  });

  it('table: title, source, every result with its display; a golden of the whole text', async () => {
    const r = await runInProcess(['estimate', name, '--no-color']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).toContain(golden.title);
    // A long source wraps at 100 columns, its next lines indented by two spaces.
    expect(r.stdout.replace(/\n {2}/g, ' ')).toContain(golden.source);
    const lines = r.stdout.split('\n');
    for (const [figure, want] of Object.entries(golden.results)) {
      const row = lines.find((l) => new RegExp(`^\\W*${figure}\\s`).test(l) && l.includes(want.display));
      expect(row, `a table row with ${figure} and "${want.display}"`).toBeDefined();
    }
    if (golden.checks.some((c) => c.status === 'erratum')) expect(r.stdout).toContain('erratum');
    else expect(r.stdout).not.toContain('erratum');
    await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/${name}.table.txt`);
  });
});

describe("url-shortener: the book's storage erratum", () => {
  it('storage_total is 36.5 TB, reported as an erratum of the published 365 TB', async () => {
    const doc = JSON.parse((await runInProcess(['estimate', 'url-shortener', '--json'])).stdout) as JsonReport;
    const check = doc.checks.find((c) => c.name === 'storage_total')!;
    expect(check).toMatchObject({ status: 'erratum', ok: false, unit: 'TB' });
    expectClose(check.expected, 365, 'published');
    expectClose(check.actual, 36.5, 'computed');
    expect(doc.results.hash_length!.value).toBe(7);
    const table = (await runInProcess(['estimate', 'url-shortener', '--no-color'])).stdout;
    expect(table).toMatch(/storage_total.*36\.5 TB.*365 TB.*erratum/);
  });
});
