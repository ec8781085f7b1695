import { describe, expect, it } from 'vitest';
import { runBote } from '../helpers/run-bote.js';

/**
 * The four headline built-ins through the built CLI, against figures worked
 * out by hand here from the assumptions in scenarios/NAME.yaml, not read off
 * bote's output. Calendar: day = 86,400 s, year = 365 days; SI bytes.
 * Build first (`npx tsup`, or `npm test`).
 */

const DAY = 86_400;
const YEAR_DAYS = 365;
const RTOL = 1e-9;

interface Figure {
  value: number;
  unit: string;
  /** The friendly display in the table and the JSON, e.g. "3.47 K tweet/s". */
  display: string;
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

// twitter: 300 M MAU, 50% daily, 2 tweets/user/day, 10% with 1 MB media, kept 5 years, peak x2.
const twDau = 300e6 * 0.5;
const twQps = (twDau * 2) / DAY;
const twMediaPerDayBytes = twDau * 2 * 0.1 * 1e6;

// url-shortener: 100 M URLs/day, 10 reads per write, 10 years, 100 B/URL, 62-character keys.
const usWrite = 100e6 / DAY;
const usRecords = 100e6 * 10 * YEAR_DAYS;

// uber: 100 M DAU x 10 requests/day, 400 B per request, kept 10 years.
const ubPerDay = 100e6 * 10;
const ubBytesPerDay = ubPerDay * 400;

// youtube: 5 M DAU x 5 views/day, 10% upload 1 video/day, 300 MB per video, $0.02/GB.
const ytViews = 5e6 * 5;
const ytUploads = 5e6 * 0.1 * 1;

const GOLDEN: Record<string, Golden> = {
  twitter: {
    title: 'Twitter - tweet QPS and media storage',
    source: 'seeds/004, chapter 2: Example: Estimate Twitter QPS and storage requirements',
    results: {
      dau: { value: twDau, unit: 'user', display: '150 M user' },
      qps: { value: twQps, unit: 'tweet/s', display: '3.47 K tweet/s' }, // 150e6 * 2 / 86400
      peak_qps: { value: twQps * 2, unit: 'tweet/s', display: '6.94 K tweet/s' },
      media_storage_per_day: { value: twMediaPerDayBytes / 1e12, unit: 'TB/day', display: '30 TB/day' },
      media_storage_total: { value: (twMediaPerDayBytes * 5 * YEAR_DAYS) / 1e15, unit: 'PB', display: '54.8 PB' }, // 54.75
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
      write_qps: { value: usWrite, unit: 'url/s', display: '1.16 K url/s' },
      read_qps: { value: usWrite * 10, unit: 'url/s', display: '11.6 K url/s' },
      records_total: { value: usRecords, unit: 'url', display: '365 bn url' },
      storage_total: { value: (usRecords * 100) / 1e12, unit: 'TB', display: '36.5 TB' }, // 36.5, not the book's 365
      // 62^6 = 5.7e10 < 3.65e11 <= 62^7 = 3.5e12
      hash_length: { value: 7, unit: '', display: '7' },
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
      requests_per_day: { value: ubPerDay, unit: 'request/day', display: '1 bn request/day' },
      rps: { value: ubPerDay / DAY, unit: 'request/s', display: '11.6 K request/s' },
      storage_per_day: { value: ubBytesPerDay / 1e9, unit: 'GB/day', display: '400 GB/day' },
      storage_total: { value: (ubBytesPerDay * 10 * YEAR_DAYS) / 1e15, unit: 'PB', display: '1.46 PB' },
      bandwidth: { value: ubBytesPerDay / DAY / 1e6, unit: 'MB/s', display: '4.63 MB/s' }, // 1e9 * 400 / 86400 / 1e6
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
      "System Design Interview, chapter 14 (Design YouTube): back-of-the-envelope estimation; the seeds name the chapter but skip its numbers",
    results: {
      views_per_day: { value: ytViews, unit: 'video/day', display: '25 M video/day' },
      uploads_per_day: { value: ytUploads, unit: 'video/day', display: '500 K video/day' },
      storage_per_day: { value: (ytUploads * 300e6) / 1e12, unit: 'TB/day', display: '150 TB/day' },
      egress_per_day: { value: (ytViews * 300e6) / 1e15, unit: 'PB/day', display: '7.5 PB/day' },
      // 5e6 * 5 * 0.3 GB * $0.02/GB
      cdn_cost_per_day: { value: 5e6 * 5 * 0.3 * 0.02, unit: 'USD/day', display: '150 K USD/day' },
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
  expect(Math.abs(a - expected) <= tolerance, `${what}: got ${a}, expected ${expected} (relative tolerance ${RTOL})`).toBe(true);
}

interface JsonResult {
  value: number;
  unit: string;
  display: string;
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
  it('--json: every result equals the hand-computed figure, in the declared unit', () => {
    const r = runBote(['estimate', name, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.version).toBe(1);
    expect(doc.scenario).toMatchObject({ name, title: golden.title, source: golden.source, file: `scenarios/${name}.yaml` });
    // Exactly the scenario's names, in its order.
    expect(Object.keys(doc.results)).toEqual(Object.keys(golden.results));
    for (const [figure, want] of Object.entries(golden.results)) {
      const got = doc.results[figure]!;
      expectClose(got.value, want.value, `${name}.${figure}`);
      expect(got.unit, `${name}.${figure} unit`).toBe(want.unit);
      expect(got.display, `${name}.${figure} display`).toBe(want.display);
    }
  });

  it('--json: the published figures are checked, errata marked as such', () => {
    const doc = JSON.parse(runBote(['estimate', name, '--json']).stdout) as JsonReport;
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
    const r = runBote(['estimate', name, '--no-color']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).toContain(golden.title);
    expect(r.stdout).toContain(golden.source);
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

describe('url-shortener: the book\'s storage erratum', () => {
  it('storage_total is 36.5 TB, reported as an erratum of the published 365 TB', () => {
    const doc = JSON.parse(runBote(['estimate', 'url-shortener', '--json']).stdout) as JsonReport;
    const check = doc.checks.find((c) => c.name === 'storage_total')!;
    expect(check).toMatchObject({ status: 'erratum', ok: false, unit: 'TB' });
    expectClose(check.expected, 365, 'published');
    expectClose(check.actual, 36.5, 'computed');
    expect(doc.results.hash_length!.value).toBe(7);
    const table = runBote(['estimate', 'url-shortener', '--no-color']).stdout;
    expect(table).toMatch(/storage_total.*36\.5 TB.*365 TB.*erratum/);
  });
});
