import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { stackTraceLines } from '../helpers/run-bote.js';

// The CLI in process, as a user runs it (stdout and stderr are not terminals).
const ESC = '\u001b';

async function ok(args: string[], env: Record<string, string | undefined> = {}) {
  const r = await runInProcess(args, { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}
async function failing(args: string[], code: 1 | 2) {
  const r = await runInProcess(args);
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(stackTraceLines(r.stderr)).toEqual([]);
  return r.stderr;
}

describe('bote sensitivity', () => {
  it('draws a labelled tornado and the sorted numbers, without ESC under NO_COLOR', async () => {
    const out = await ok(['sensitivity', 'twitter', 'media_storage_total'], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(out).not.toContain(ESC);
    expect(out).toMatch(/media_size\s+500 kB\/tweet \.\. 1\.5 MB\/tweet\s+27\.4 PB ░+│█+ 82\.1 PB/);
    expect(out).toMatch(/retention\s+2\.5 \.\. 7\.5 year/);
    expect(out).not.toMatch(/peak_factor/);
    expect(out).toMatch(/no assumption of this result is a range/);
  });

  it('adds shares of variance with ranges, and repeats them with --seed', async () => {
    const args = [
      'sensitivity',
      'twitter',
      'media_storage_total',
      '--set',
      'dau=100M to 300M',
      '--set',
      'retention=3 to 7 year',
      '--seed',
      '5',
      '--samples',
      '4000',
    ];
    const out = await ok(args);
    expect(out).toMatch(/Share of variance \(4,000 samples, seed 5\)/);
    expect(out).toMatch(/dau\s+\d+\.\d%/);
    expect(await ok(args)).toBe(out);
  });

  it('gives both analyses as JSON', async () => {
    const doc = JSON.parse(
      await ok([
        'sensitivity',
        'twitter',
        'peak_qps',
        '--set',
        'dau=100M to 300M',
        '--seed',
        '1',
        '--samples',
        '2000',
        '--json',
      ]),
    );
    expect(doc.version).toBe(1);
    expect(doc.result).toMatchObject({ name: 'peak_qps', unit: 'tweet/s' });
    expect(doc.swings.map((s: { name: string }) => s.name)).toEqual(['dau', 'tweets_per_user', 'peak_factor']);
    expect(doc.swings[0]).toMatchObject({ unit: 'user', low: 100e6, high: 300e6, basis: 'range' });
    expect(doc.variance).toMatchObject({ samples: 2000, seed: 1, shares: [{ name: 'dau', share: 1 }] });
    const plain = JSON.parse(await ok(['sensitivity', 'twitter', 'qps', '--json']));
    expect(plain.variance).toBeNull();
  });

  it('refuses an unknown result with a suggestion (exit 1)', async () => {
    expect(await failing(['sensitivity', 'twitter', 'media_storge_total'], 1)).toMatch(
      /did you mean `media_storage_total`/,
    );
  });
});

describe('bote sweep', () => {
  const sweep = ['sweep', 'twitter', '--vary', 'dau=10M..1bn', '--log', '--steps', '3'];

  it('prints a table and a braille line chart with friendly axis labels, no ESC under NO_COLOR', async () => {
    const out = await ok([...sweep, '--show', 'qps,peak_qps,media_storage_total'], { NO_COLOR: '1' });
    expect(out).not.toContain(ESC);
    expect(out).toMatch(/100 M user\s+2\.31 K tweet\/s\s+4\.63 K tweet\/s\s+36\.5 PB/);
    expect(out).toMatch(/[\u2801-\u28ff]/);
    expect(out).toMatch(/[┤└]/);
    expect(out).toContain('● qps');
    expect(out).toContain('1 bn user');
    // Two units, two charts: tweet/s and PB.
    expect(out.match(/└/g)).toHaveLength(2);
  });

  it('writes CSV that parses, with units in the header', async () => {
    const out = await ok([...sweep, '--show', 'qps', '--format', 'csv']);
    const rows = out
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(rows[0]).toEqual(['dau (user)', 'qps (tweet/s)']);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([1e7, 1e8, 1e9]);
    for (const r of rows.slice(1)) expect(Number(r[1]) / ((Number(r[0]) * 2) / 86400)).toBeCloseTo(1, 9);
  });

  it('writes JSON points keyed by name', async () => {
    const doc = JSON.parse(await ok([...sweep, '--show', 'qps', '--json']));
    expect(doc.vary).toMatchObject({ name: 'dau', unit: 'user', from: 1e7, to: 1e9, steps: 3, log: true });
    expect(doc.units).toEqual({ dau: 'user', qps: 'tweet/s' });
    expect(doc.points).toHaveLength(3);
    expect(Object.keys(doc.points[0])).toEqual(['dau', 'qps']);
  });

  it('exits 1 on bad input and 2 on malformed flags, with one clear message', async () => {
    expect(await failing(['sweep', 'twitter', '--vary', 'dua=10M..1bn', '--show', 'qps'], 1)).toMatch(
      /did you mean `dau`/,
    );
    expect(await failing(['sweep', 'twitter', '--vary', 'dau=10M..1bn', '--show', 'qsp'], 1)).toMatch(
      /did you mean `qps`/,
    );
    expect(
      (await failing(['sweep', 'twitter', '--vary', 'dau=10 MB..1 GB', '--show', 'qps'], 1)).match(/error/g),
    ).toHaveLength(1);
    expect(await failing(['sweep', 'twitter', '--vary', 'dau=1bn..10M', '--show', 'qps'], 1)).toMatch(
      /FROM must be below TO/,
    );
    expect(await failing(['sweep', 'twitter', '--vary', 'dau=10M..1bn', '--steps', '1', '--show', 'qps'], 2)).toMatch(
      /--steps 1/,
    );
    expect(await failing(['sweep', 'twitter', '--vary', 'dau', '--show', 'qps'], 2)).toMatch(/NAME=FROM\.\.TO/);
  });
});

describe('bote estimate --chart', () => {
  it('charts growth year by year after the table', async () => {
    const out = await ok(['estimate', 'twitter', '--chart'], { NO_COLOR: '1' });
    expect(out).not.toContain(ESC);
    expect(out).toMatch(/media_storage_total over retention/);
    expect(out).toMatch(/year 1\s+█+\s+10\.9 PB/);
    expect(out).toMatch(/year 5\s+█+\s+54\.8 PB/);
  });

  it('adds nothing to --json', async () => {
    expect(await ok(['estimate', 'twitter', '--chart', '--json'])).toBe(await ok(['estimate', 'twitter', '--json']));
  });
});
