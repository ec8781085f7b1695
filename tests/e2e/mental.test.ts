import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCsv } from '../helpers/csv.js';
import { runInProcess } from '../helpers/in-process.js';

// `explain --mental` and `estimate --mental` in every format, in process.
// The whiteboard figures, worked by hand (docs/mental-math.md):
//   qps: 150 M user = 1.5 × 10^8 user; × 2 tweet/user/day = 3 × 10^8 tweet/day;
//        a day ≈ 10^5 s (M1, 10^5 / 86,400 − 1 = +15.7%): 3 × 10^3 tweet/s.
//        Exact 3 × 10^8 / 86,400 = 3,472.2 tweet/s: 3,000 / 3,472.2 − 1 = −13.6%.
//   media_storage_total: 30 TB/day × 5 year, a year = 365 ≈ 4 × 10^2 day: 6 × 10^4 TB = 60 PB;
//        exact 54.75 PB: +9.6%.
const QPS_EXACT = 3e8 / 86_400;
const QPS_ERROR = 3000 / QPS_EXACT - 1;

async function ok(args: string[]): Promise<string> {
  const r = await runInProcess(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('bote explain --mental', () => {
  const args = ['explain', 'twitter', 'qps', '--mental'];

  it('writes the whiteboard under each step, then the conversions it made (table)', async () => {
    const out = await ok(args);
    expect(out).toContain('mental math: each input to one significant digit (two when it starts with 1)');
    expect(out).toContain('    mental: 300 million user = 3 × 10^8 user');
    expect(out).toContain('    mental: 50% = 5 × 10^-1');
    expect(out).toContain('    mental: 3 × 10^8 user × 5 × 10^-1 = 1.5 × 10^8 user');
    expect(out).toContain('    mental: 1.5 × 10^8 user × 2 tweet/user/day = 3 × 10^8 tweet/day');
    expect(out).toContain(
      '            3 × 10^8 tweet/day ÷ 10^5 ≈ 3 × 10^3 tweet/s (1 day = 86,400 s ≈ 10^5 s: M1, +15.7%)',
    );
    expect(out).toContain('            3,472 tweet/s exact; mental 3 × 10^3 tweet/s, −14%');
    expect(out).toMatch(/Conversions on the whiteboard\n {2}1 day = 86,400 s ≈ 10\^5 s: M1, \+15\.7%\n$/);
    // An input the whiteboard writes as it is gets no line of its own.
    expect(out).not.toContain('mental: 2 tweet/user/day');
  });

  it('--json adds each step its whiteboard figure, error, derivation and shortcuts', async () => {
    const doc = JSON.parse(await ok([...args, '--json']));
    expect(doc.version).toBe(1);
    expect(doc.rule).toMatch(/^mental math: /);
    const qps = doc.steps.find((s: { name: string }) => s.name === 'qps');
    expect(qps.value).toBeCloseTo(QPS_EXACT, 9);
    expect(qps.mental).toMatchObject({ value: 3000, unit: 'tweet/s', shortcuts: ['M1'] });
    expect(qps.mental.error).toBeCloseTo(QPS_ERROR, 12);
    expect(qps.mental.derivation).toEqual([
      '1.5 × 10^8 user × 2 tweet/user/day = 3 × 10^8 tweet/day',
      '3 × 10^8 tweet/day ÷ 10^5 ≈ 3 × 10^3 tweet/s (1 day = 86,400 s ≈ 10^5 s: M1, +15.7%)',
      '3,472 tweet/s exact; mental 3 × 10^3 tweet/s, −14%',
    ]);
    const mau = doc.steps.find((s: { name: string }) => s.name === 'mau');
    expect(mau.mental).toEqual({
      value: 3e8,
      unit: 'user',
      derivation: ['300 million user = 3 × 10^8 user'],
      approximations: [],
      shortcuts: [],
    });
    expect(doc.approximations).toEqual([
      { what: '1 day', exact: 86_400, mental: 1e5, in: 's', id: 'M1', error: 1e5 / 86_400 - 1 },
    ]);
  });

  it('--format yaml is the same document', async () => {
    expect(parseYaml(await ok([...args, '--format', 'yaml']))).toEqual(JSON.parse(await ok([...args, '--json'])));
  });

  it('--format csv adds mental, error and the whiteboard lines (one quoted field)', async () => {
    const rows = parseCsv(await ok([...args, '--format', 'csv']));
    expect(rows[0]).toEqual(['name', 'formula', 'substituted', 'value', 'unit', 'mental', 'error', 'whiteboard']);
    const qps = rows.find((r) => r[0] === 'qps')!;
    expect(Number(qps[5])).toBe(3000);
    expect(Number(qps[6])).toBeCloseTo(QPS_ERROR, 12);
    expect(qps[7]!.split('\n')).toHaveLength(3);
    // An input has no error: it is as given.
    expect(rows.find((r) => r[0] === 'mau')![6]).toBe('');
  });

  it('--format markdown keeps one row a step, its lines broken with <br>', async () => {
    const lines = (await ok([...args, '--format', 'markdown'])).split('\n');
    expect(lines[0]).toBe('| name | formula | substituted | value | unit | mental | error | whiteboard |');
    const qps = lines.find((l) => l.startsWith('| qps |'))!;
    expect(qps).toContain('| 3,000 |');
    expect(qps).toContain('3 × 10^8 tweet/day<br>3 × 10^8 tweet/day ÷ 10^5');
  });

  it('leaves explain without --mental as it was', async () => {
    const out = await ok(['explain', 'twitter', 'qps']);
    expect(out).not.toContain('mental');
    expect(JSON.parse(await ok(['explain', 'twitter', 'qps', '--json'])).steps[0]).not.toHaveProperty('mental');
  });
});

describe('bote estimate --mental', () => {
  interface Result {
    value: number;
    unit: string;
    mental?: { value: number; unit: string; error: number };
  }

  it('--json gives every result a mental object: value, unit, error = (mental − exact) / exact', async () => {
    const doc = JSON.parse(await ok(['estimate', 'twitter', '--mental', '--json']));
    const results = Object.entries(doc.results) as Array<[string, Result]>;
    expect(results.length).toBe(20);
    for (const [name, r] of results) {
      expect(r.mental, name).toBeDefined();
      expect(r.mental!.unit).toBe(r.unit);
      expect(r.mental!.error).toBeCloseTo((r.mental!.value - r.value) / r.value, 9);
    }
    expect(doc.results.qps.mental.value).toBe(3000);
    expect(doc.results.qps.mental.error).toBeCloseTo(QPS_ERROR, 12);
    expect(doc.results.media_storage_total.mental.value).toBe(60);
    expect(doc.results.media_storage_total.mental.error).toBeCloseTo(60 / 54.75 - 1, 12);
    // Assumptions are inputs: no mental object.
    expect(doc.assumptions.mau).not.toHaveProperty('mental');
  });

  it('--format yaml is the same document', async () => {
    const args = ['estimate', 'twitter', '--mental'];
    expect(parseYaml(await ok([...args, '--format', 'yaml']))).toEqual(JSON.parse(await ok([...args, '--json'])));
  });

  it('the table gains a mental column: the figure in powers of ten and its error', async () => {
    const out = await ok(['estimate', 'twitter', '--mental', '--no-color']);
    expect(out).toMatch(/│ name\s+│\s+value │ unit\s+│\s+display │\s+mental │ published\s+│/);
    expect(out).toMatch(/│ qps\s+│\s+3,472\.22 │ tweet\/s\s+│\s+3\.47 K tweet\/s │\s+3 × 10\^3, −14% │/);
    expect(out).toMatch(/│ media_storage_total\s+│\s+54\.75 │ PB\s+│\s+54\.8 PB │\s+6 × 10\^1, \+10% │/);
  });

  it('markdown gains a Mental column', async () => {
    const lines = (await ok(['estimate', 'twitter', '--mental', '--format', 'markdown'])).split('\n');
    expect(lines).toContain('| Section | Result | Value | Unit | Display | Formula | Published | Mental |');
    expect(lines.find((l) => l.startsWith('| traffic | qps |'))).toMatch(/\| 3 × 10\^3, −14% \|$/);
  });

  it('csv gains mental and mental_error, last, so the other columns keep their places', async () => {
    const rows = parseCsv(await ok(['estimate', 'twitter', '--mental', '--format', 'csv']));
    expect(rows[0]).toEqual([
      'kind',
      'name',
      'value',
      'unit',
      'display',
      'text',
      'section',
      'origin',
      'ref',
      'mental',
      'mental_error',
    ]);
    const qps = rows.find((r) => r[1] === 'qps')!;
    expect(Number(qps[9])).toBe(3000);
    expect(Number(qps[10])).toBeCloseTo(QPS_ERROR, 12);
    expect(rows.find((r) => r[1] === 'mau')!.slice(9)).toEqual(['', '']);
  });

  it('follows --set: the set figure is an input, what follows is worked from it', async () => {
    const doc = JSON.parse(await ok(['estimate', 'twitter', '--mental', '--set', 'dau=200M', '--json']));
    // 2 × 10^8 user × 2 tweet/user/day = 4 × 10^8 tweet/day ÷ 10^5 = 4 × 10^3 tweet/s; exact 4,629.6.
    expect(doc.results.dau.mental.value).toBe(2e8);
    expect(doc.results.qps.mental.value).toBe(4000);
    expect(doc.results.qps.mental.error).toBeCloseTo(4000 / (4e8 / 86_400) - 1, 12);
  });
});
