import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess, type InProcessResult } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run-bote.js';

/**
 * What a user sees, pinned byte for byte before the units and functions move
 * into tables (issue 12): every built-in's table, Markdown and JSON, the exact
 * message of every bad-input fixture, `bote calc` over every unit family and
 * `bote explain` of the four card scenarios. These snapshots are not hand
 * figures: they hold output still while code moves underneath it. A change
 * here is a change a user sees, and says why in its commit. The figures
 * themselves are recomputed by hand in builtins.test.ts.
 */

const SNAPSHOTS = join('__snapshots__', 'pinned');

/** One run as text: exit code, stdout, stderr. */
function transcript(args: readonly string[], r: InProcessResult): string {
  return `$ bote ${args.map((a) => (/[\s$*>^(]/.test(a) ? JSON.stringify(a) : a)).join(' ')}\nexit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

async function pinned(args: readonly string[]): Promise<string> {
  return transcript(args, await runInProcess(args));
}

const builtins = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => basename(f, '.yaml'))
  .sort();

describe('estimate of every built-in', () => {
  it('finds the built-ins', () => expect(builtins.length).toBeGreaterThan(20));

  it.each(builtins)('%s: table, markdown and JSON', async (name) => {
    const table = await runInProcess(['estimate', name, '--no-color']);
    const markdown = await runInProcess(['estimate', name, '--format', 'markdown']);
    const json = await runInProcess(['estimate', name, '--json']);
    for (const r of [table, markdown, json]) expect([r.code, r.stderr]).toEqual([0, '']);
    await expect(table.stdout).toMatchFileSnapshot(join(SNAPSHOTS, 'estimate', `${name}.table.txt`));
    await expect(markdown.stdout).toMatchFileSnapshot(join(SNAPSHOTS, 'estimate', `${name}.md`));
    await expect(json.stdout).toMatchFileSnapshot(join(SNAPSHOTS, 'estimate', `${name}.json`));
  });
});

const errorsDir = join(ROOT, 'tests', 'errors');
const fixtures = readdirSync(errorsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(errorsDir, d.name))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `${d.name}/${f}`),
  )
  .sort();

describe('the message of every bad-input fixture', () => {
  it('finds the fixtures', () => expect(fixtures.length).toBeGreaterThan(20));

  it.each(fixtures)('%s: validate and estimate', async (fixture) => {
    const file = `tests/errors/${fixture}`;
    const validate = await pinned(['validate', file]);
    const estimate = await pinned(['estimate', file]);
    await expect(`${validate}\n${estimate}`).toMatchFileSnapshot(
      join(SNAPSHOTS, 'errors', fixture.replace(/\.yaml$/, '.txt')),
    );
  });
});

/** Every unit family, prefixes SI and IEC, bits, time, money, lengths, hyphens, `$`, `3x`, with `->` and without; a few refusals. */
const CALC = [
  // bytes: SI, IEC, spelled out, re-prefixed in their family
  '1,500 B',
  '2 MB + 300 kB',
  '1 KB -> B',
  '1 KiB -> B',
  '3 GiB * 2',
  '2500 KiB',
  '1 GB -> GiB',
  '1 megabyte -> kibibyte',
  '36.5 TB / 365 bn',
  '1e-10 TB',
  '0 B',
  // bits and bit rates
  '10 Gb/s',
  '1 Gbit -> MB',
  '8 bits -> B',
  '1 Mibit -> bit',
  '1 Mb -> Mbit',
  '100 Mbps * 1 hour -> GB',
  '1 Gbps * 1 hour',
  '1 Gbps * 1 hour -> GiB',
  '1 terabyte/day -> Mbps',
  // time, calendar units included
  '300 ms + 2 s',
  '90 min -> hour',
  '90000 s',
  '1 week -> day',
  '1 month -> day',
  '1 year -> s',
  '2 yr -> month',
  '36 hours',
  '2 µs -> ns',
  '5 us * 1000',
  '0 s',
  '2^41 ms',
  // money, `$`, hyphenated billing units
  '$0.02/GB * 500 TB',
  '$0.023/GB-month * 10 TB -> USD/month',
  '$/month',
  '0.10 USD/vCPU-hour * 2 vCPU * 1 month -> $',
  '12 dollars / 4',
  // lengths
  '5 km -> m',
  '1500 mm',
  '2 metres + 30 cm',
  // counts, rates, scale words, multipliers, percentages
  '150M user * 2 tweet/user/day -> tweet/s',
  '150M user * 2 tweets/user/day',
  '5 req/user/day',
  '10 qps -> request/day',
  '10k req/s * 2 KB/req -> Mbps',
  '1.5 thousand request/s -> request/day',
  '2bn * 3',
  '3x * 100 GB',
  '5 x',
  '50% * 300 million user',
  '2^32',
  // functions
  'servers(50000 req/s, 5000 req/s/server, 70%)',
  'shards(10 TB, 2 TB/shard)',
  'cache_80_20(30 TB/day)',
  'log2(1e9)',
  'sqrt(4 m^2)',
  'max(1 GB, 2 MB)',
  'ceil(2.2 GB) -> GB',
  'round(1234 s) -> min',
  // refusals
  '3 MBB',
  '1 Mibps',
  '1 GB -> s',
  '10k req/s * 2 KB -> Mbps',
  '1 hour + 1 MB',
  'eval(1)',
  'log(1 GB)',
  '2 MB -> 2 kB',
  'fortnight',
];

describe('bote calc', () => {
  it('pins the answer of every expression, as text and JSON', async () => {
    const out: string[] = [];
    for (const expression of CALC) {
      out.push(await pinned(['calc', expression]), await pinned(['calc', expression, '--json']));
    }
    await expect(out.join('\n')).toMatchFileSnapshot(join(SNAPSHOTS, 'calc.txt'));
  });
});

describe('bote explain', () => {
  it.each(['twitter', 'url-shortener', 'uber', 'youtube'])(
    '%s, a card scenario, as text and Markdown',
    async (name) => {
      const text = await pinned(['explain', name, '--no-color']);
      const markdown = await pinned(['explain', name, '--format', 'markdown']);
      await expect(`${text}\n${markdown}`).toMatchFileSnapshot(join(SNAPSHOTS, 'explain', `${name}.txt`));
    },
  );

  it("of every other built-in, as text (time conversions by each scenario's conventions)", async () => {
    const out: string[] = [];
    for (const name of builtins.filter((n) => !['twitter', 'url-shortener', 'uber', 'youtube'].includes(n))) {
      out.push(await pinned(['explain', name, '--no-color']));
    }
    await expect(out.join('\n')).toMatchFileSnapshot(join(SNAPSHOTS, 'explain', 'others.txt'));
  });
});

describe('bote ref', () => {
  it('pins the reference tables, whose times and sizes are shown in their best unit', async () => {
    const out: string[] = [];
    const tables = [
      ['latency'],
      ['latency', 'disk seek'],
      ['availability'],
      ['availability', '99.95%'],
      ['powers'],
      ['powers', '32'],
      ['capacity'],
      ['capacity', 'T1'],
    ];
    for (const args of tables) {
      out.push(await pinned(['ref', ...args, '--no-color']), await pinned(['ref', ...args, '--json']));
    }
    await expect(out.join('\n')).toMatchFileSnapshot(join(SNAPSHOTS, 'ref.txt'));
  });
});

/**
 * Formulas the fixtures do not reach: how each function refuses its
 * arguments, and the unknown unit no spelling is near. One small scenario
 * each, `derived: { result: FORMULA }` over a few assumptions.
 */
const FORMULAS = [
  'ceil(size, size)',
  'ceill(size)',
  'log(size)',
  'log2(users, 2)',
  'sqrt(size)',
  'min(size, users)',
  'max()',
  'servers(size, users)',
  'servers(rate, 100 request/s/server, size)',
  'servers(rate, 100 request/s/server, 70%, 2 GB)',
  'shards(size, 1 s)',
  'cache_80_20(users)',
  'size ^ size',
  'size ^ users',
  'size ^ 0.5',
  'size + users',
  'users * 3 blorbs',
  'flux * 2',
  'abs(-size) + floor(rate) * 1 s/request * 1 GB + round(size) / size * 1 B + max(1 kB, 2 MB) + sqrt(4 MB^2)',
];

describe('messages of formulas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bote-pinned-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pins each refusal (and one success) of validate', async () => {
    const out: string[] = [];
    for (const [i, formula] of FORMULAS.entries()) {
      const file = join(dir, `f${i}.yaml`);
      writeFileSync(
        file,
        `name: f${i}\nassumptions:\n  size: 2 GB\n  users: 10 M user\n  rate: 500 request/s\nderived:\n  result: "${formula}"\n`,
      );
      const r = await runInProcess(['validate', `f${i}.yaml`], { cwd: dir });
      out.push(transcript(['validate', `f${i}.yaml  # result: ${formula}`], r));
      if (r.code === 0)
        out.push(
          transcript(
            ['explain', `f${i}.yaml`],
            await runInProcess(['explain', `f${i}.yaml`, '--no-color'], { cwd: dir }),
          ),
        );
    }
    await expect(out.join('\n')).toMatchFileSnapshot(join(SNAPSHOTS, 'formulas.txt'));
  });
});
