import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

// Every scenario in scenarios/ through the CLI (`bote estimate FILE --json`, in process):
// its results against a golden file, its published figures against the errata we know of.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scenarioDir = join(root, 'scenarios');
const files = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/**
 * The published figures each scenario marks as wrong. A scenario not listed has none.
 * Recomputed by hand (python3) from the seeds, not read off bote's output.
 */
const ERRATA: Record<string, string[]> = {
  'url-shortener': ['storage_total'], // seeds/004 ch. 8: 365 TB, right 36.5 TB
  'url-shortener-003': ['storage_total', 'storage_replicated'], // 450 TB (375 TB), 135 PB (1.125 PB)
  'geohash-cells': ['height_2'], // seeds/001: 1250 km, right ~625 km
  'local-delivery': ['query_rate'], // seeds/003 Gopuff: 20k req/s, its inputs give 200
  'stock-price-alert': ['tick_rate'], // seeds/003: ~600/s, right ~694/s
};

interface Result {
  value: number;
  unit: string;
}
interface Check {
  name: string;
  status: string;
}
interface Estimate {
  scenario: { name: string };
  results: Record<string, Result>;
  checks: Check[];
}

async function estimate(file: string): Promise<Estimate> {
  const run = await runInProcess(['estimate', join('scenarios', file), '--json'], {
    cwd: root,
    env: { NO_COLOR: '1' },
  });
  expect(run.stderr, `stderr of bote estimate ${file}`).toBe('');
  expect(run.code, `exit code of bote estimate ${file}`).toBe(0);
  return JSON.parse(run.stdout) as Estimate;
}

/** Nine significant digits: enough to catch a changed formula, loose enough for float noise. */
function golden(results: Record<string, Result>): string {
  const rows = Object.entries(results).map(([name, r]) => ({
    name,
    unit: r.unit,
    value: Number(r.value.toPrecision(9)),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

describe('catalogue: every scenario in scenarios/', () => {
  it('finds the scenarios, and every scenario named in the errata table exists', () => {
    expect(files.length).toBeGreaterThan(4);
    const names = files.map((f) => basename(f, '.yaml'));
    for (const name of Object.keys(ERRATA)) expect(names, `errata table names ${name}`).toContain(name);
  });

  for (const file of files) {
    const name = basename(file, '.yaml');

    it(`${name}: results match the golden file, published figures agree or are known errata`, async () => {
      const out = await estimate(file);
      expect(out.scenario.name).toBe(name);
      expect(Object.keys(out.results).length).toBeGreaterThan(0);

      await expect(golden(out.results)).toMatchFileSnapshot(join('__snapshots__', `${name}.json`));

      for (const check of out.checks) {
        expect(['ok', 'erratum'], `${name}.${check.name} is ${check.status}`).toContain(check.status);
      }
      const errata = out.checks
        .filter((c) => c.status === 'erratum')
        .map((c) => c.name)
        .sort();
      expect(errata).toEqual([...(ERRATA[name] ?? [])].sort());
    });
  }
});
