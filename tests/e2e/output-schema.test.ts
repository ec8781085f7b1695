import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTPUT_DOCUMENTS, outputJsonSchema } from '../../src/render/output-schema.js';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run-bote.js';

// Every command's --json document, held to the JSON Schema that ships in
// schema/output.schema.json (`bote schema --output`). The schema file is read
// as a user would read it, and turned into a validator by zod (a dependency
// already: it checks scenario files), so the file itself is what is tested.

const shipped = JSON.parse(readFileSync(join(ROOT, 'schema', 'output.schema.json'), 'utf8')) as Record<string, unknown>;
const validator = (definition?: string) =>
  z.fromJSONSchema(
    (definition ? { ...shipped, anyOf: undefined, $ref: `#/definitions/${definition}` } : shipped) as Parameters<
      typeof z.fromJSONSchema
    >[0],
  );

const dir = mkdtempSync(join(tmpdir(), 'bote-output-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'spare.yaml'),
  'name: spare\nassumptions:\n  users: 10 user\n  left: 2 GB\nderived:\n  twice: users * 2\n',
);

/** Each document, by the command line that prints it; `cwd` where files are involved. */
const RUNS: Array<[string, string[], { cwd?: string; code?: number }?]> = [
  ['estimate', ['estimate', 'twitter']],
  [
    'estimate',
    ['estimate', 'twitter', '--set', 'mau=500M', '--set', 'dau=100M to 300M', '--seed', '1', '--samples', '300'],
  ],
  ['estimate', ['estimate', 'twitter', '--mental']],
  ['estimate', ['estimate', 'availability']],
  ['explain', ['explain', 'twitter']],
  ['explain', ['explain', 'twitter', 'qps', '--mental']],
  ['explain', ['explain', 'url-shortener-001', 'cache', '--set', 'reads_per_month=20 billion request/month']],
  [
    'sensitivity',
    ['sensitivity', 'twitter', 'peak_qps', '--set', 'dau=100M to 300M', '--seed', '1', '--samples', '300'],
  ],
  ['sensitivity-headlines', ['sensitivity', 'url-shortener']],
  ['compare', ['compare', 'twitter', 'url-shortener', '--variant', 'mau=600M']],
  ['sweep', ['sweep', 'twitter', '--vary', 'dau=10M..1bn', '--steps', '3']],
  ['calc', ['calc', '150M user * 2 tweet/user/day -> tweet/s']],
  ['list', ['list']],
  ['validate', ['validate', 'spare.yaml', 'missing.yaml'], { cwd: dir, code: 1 }],
  ['validate', ['validate', 'spare.yaml'], { cwd: dir }],
  ['check', ['check']],
  ['ref-tables', ['ref']],
  ['ref-latency', ['ref', 'latency']],
  ['ref-availability', ['ref', 'availability']],
  ['ref-availability', ['ref', 'availability', '99.95%']],
  ['ref-powers', ['ref', 'powers']],
  ['ref-powers', ['ref', 'powers', 'shortcuts']],
  ['ref-capacity', ['ref', 'capacity']],
  ['drill', ['drill', 'twitter', '--seed', '7']],
  ['drill-answer', ['drill', 'twitter', '--seed', '7', '--answer', '700K']],
];

describe('the JSON Schema of the --json output', () => {
  it('ships as schema/output.schema.json, the same as `bote schema --output` prints', async () => {
    expect(shipped).toEqual(outputJsonSchema());
    const printed = await runInProcess(['schema', '--output']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(shipped);
  });

  it('has a run below for every document it defines', () => {
    expect(new Set(RUNS.map(([name]) => name))).toEqual(new Set(OUTPUT_DOCUMENTS));
  });

  it.each(RUNS)('%s: bote %j --json follows it', async (name, args, options = {}) => {
    const r = await runInProcess([...args, '--json'], options.cwd ? { cwd: options.cwd } : {});
    expect(r.code, r.stderr).toBe(options.code ?? 0);
    const document = JSON.parse(r.stdout);
    const own = validator(name).safeParse(document);
    expect(own.success, JSON.stringify(own.error?.issues.slice(0, 3))).toBe(true);
    expect(validator().safeParse(document).success).toBe(true);
  });

  it('refuses what breaks the contract: a version other than 1, a value that is not a number', async () => {
    const doc = JSON.parse((await runInProcess(['estimate', 'twitter', '--json'])).stdout);
    expect(validator('estimate').safeParse({ ...doc, version: 2 }).success).toBe(false);
    const bad = structuredClone(doc);
    bad.results.qps.value = '3472';
    expect(validator('estimate').safeParse(bad).success).toBe(false);
    expect(validator().safeParse({ version: 1 }).success).toBe(false);
  });
});
