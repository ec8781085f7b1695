import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { stackTraceLines } from '../helpers/run-bote.js';

// Hostile input, in process: long chains at the file-size limit, requests past
// the memory budget, values that overflow, building blocks out of their domain.
const dir = mkdtempSync(join(tmpdir(), 'bote-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A chain a1 = y + y, a2 = a1 + y, ... as long as 1 MB allows (about 54,000 formulas). */
function chainAtTheLimit(): { path: string; last: string } {
  const lines = ['name: chain', 'assumptions:', '  y: 1 to 2', 'derived:', '  a1: y + y'];
  let size = lines.join('\n').length + 1;
  let i = 2;
  for (;;) {
    const line = `  a${i}: a${i - 1}+y`;
    if (size + line.length + 1 > 1_000_000) break;
    lines.push(line);
    size += line.length + 1;
    i++;
  }
  return { path: file('chain.yaml', `${lines.join('\n')}\n`), last: `a${i - 1}` };
}

async function bote(args: string[]) {
  const r = await runInProcess(args, { cwd: dir });
  expect(stackTraceLines(r.stderr)).toEqual([]);
  expect(r.stderr).not.toMatch(/internal error/);
  return r;
}

// Each test compiles the 1 MB file (a second or two alone); the whole suite runs beside it on two cores.
describe('a chain of formulas at the 1 MB file-size limit', { timeout: 90_000 }, () => {
  const { path, last } = chainAtTheLimit();

  it('is at the limit and tens of thousands of formulas long', () => {
    expect(Number(last.slice(1))).toBeGreaterThan(50_000);
  });

  it('sensitivity walks it without a deep stack', async () => {
    const r = await bote(['sensitivity', path, last, '--samples', '100', '--seed', '1', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.swings.map((s: { name: string }) => s.name)).toEqual(['y']);
  });

  it('explain, and explain --mental, show every step', async () => {
    const r = await bote(['explain', path, last, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).steps).toHaveLength(Number(last.slice(1)) + 1);
    const mental = await bote(['explain', '--mental', path, last]);
    expect(mental.code).toBe(0);
    expect(mental.stdout).toContain(`${last} = `);
  });

  it('sweep without --show finds the results the varied figure moves in one pass, without a deep stack', async () => {
    const r = await bote(['sweep', path, '--vary', 'y=1..2', '--steps', '2', '--json']);
    expect(r.code).toBe(0);
    const points = JSON.parse(r.stdout).points;
    expect(points.map((p: Record<string, number>) => p[last])).toEqual([
      Number(last.slice(1)) + 1,
      (Number(last.slice(1)) + 1) * 2,
    ]);
  });

  it('sweep runs only what the shown figure needs', async () => {
    const r = await bote(['sweep', path, '--vary', 'y=1..2', '--steps', '3', '--show', last, '--json']);
    expect(r.code).toBe(0);
    const points = JSON.parse(r.stdout).points;
    expect(points.map((p: Record<string, number>) => p[last])).toEqual([
      Number(last.slice(1)) + 1,
      (Number(last.slice(1)) + 1) * 1.5,
      (Number(last.slice(1)) + 1) * 2,
    ]);
  });

  it('estimate refuses 10,000 samples of every figure, and says how many fit', async () => {
    const r = await bote(['estimate', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /Monte Carlo: 10,000 samples × 5\d,\d{3} figures need 4\.\d+ GiB, more than the 512 MiB bote allows/,
    );
    const fits = Number(/--samples (\d+) fits/.exec(r.stderr)![1]);
    expect(fits * Number(last.slice(1))).toBeLessThan(64 * 1024 * 1024);
    const ok = await bote(['estimate', path, '--samples', '100', '--seed', '1', '--format', 'csv']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`result,${last},`);
  });
});

describe('the memory budget, checked before anything is allocated', () => {
  it('refuses 2,000 ranged figures with --samples 10000000', async () => {
    const lines = ['name: wide', 'assumptions:'];
    for (let i = 0; i < 2000; i++) lines.push(`  r${i}: 1 to 2`);
    lines.push('derived:');
    for (let i = 0; i < 2000; i++) lines.push(`  d${i}: r${i} * 2`);
    lines.push(`  total: ${Array.from({ length: 900 }, (_, i) => `d${i}`).join(' + ')}`);
    const path = file('wide.yaml', `${lines.join('\n')}\n`);
    const r = await bote(['estimate', path, '--samples', '10000000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Monte Carlo: 10,000,000 samples × 4,003 figures need 298 GiB, more than the 512 MiB/);
    expect(r.stderr).toMatch(/hint: ask for fewer samples \(--samples \d+ fits\)/);
    // sensitivity keeps only the result and its ranged inputs.
    const s = await bote(['sensitivity', path, 'total', '--samples', '10000000']);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/Monte Carlo: 10,000,000 samples × 903 figures need 67\.3 GiB/);
  });

  it('refuses --steps 10000 for thousands of figures shown, and names --steps and --show', async () => {
    const lines = ['name: many', 'assumptions:', '  y: 1', 'derived:'];
    for (let i = 0; i < 7000; i++) lines.push(`  d${i}: y * ${i + 1}`);
    const path = file('many.yaml', `${lines.join('\n')}\n`);
    const show = Array.from({ length: 7000 }, (_, i) => `d${i}`).join(',');
    const r = await bote(['sweep', path, '--vary', 'y=1..2', '--steps', '10000', '--show', show]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sweep: 10,000 steps × 7,001 figures need 535 MiB, more than the 512 MiB bote allows/);
    expect(r.stderr).toMatch(/ask for fewer steps \(--steps 9585 fits\), or --show fewer figures/);
  });
});

describe('no wrong number with exit 0', () => {
  it('sweep refuses a varied value that overflows when converted', async () => {
    const r = await bote(['sweep', 'twitter', '--vary', 'media_size=1..1e308', '--show', 'qps']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--vary media_size=1\.\.1e308: `1e308`: too large/);
  });

  it('sweep over the whole range of numbers gives finite points', async () => {
    const r = await bote([
      'sweep',
      'twitter',
      '--vary',
      'dau=-1e308..1.7976931348623157e308',
      '--show',
      'dau',
      '--steps',
      '5',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });

  // Found by npm run fuzz: each printed Infinity or NaN, or ended in a stack trace.
  it('a display unit that would overflow keeps the unit written', async () => {
    const r = await bote(['estimate', 'ad-click-aggregation', '--set', 'clicks_per_day=1e308']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('mental math past the largest number keeps the exact figure, rounded', async () => {
    const path = file(
      'writes.yaml',
      'name: writes\nnouns: [message]\nassumptions:\n  users: 1e308 user\n  per_user: 10 message/user/day\nderived:\n  writes: { expr: users * per_user, unit: message/s }\n',
    );
    const r = await bote(['estimate', path, '--mental']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('a published figure off by more than 1e306 times is said as a multiple', async () => {
    const path = file('off.yaml', 'name: off\nassumptions:\n  a: 1e308 B\nexpect:\n  a: 8 B\n');
    const r = await bote(['check', path]);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    expect(r.stdout).toMatch(/off by \+1\.25e\+307×/);
  });

  it('sweep over a range of denormal numbers draws its chart', async () => {
    const r = await bote(['sweep', 'twitter', '--vary', 'dau=0..5e-324', '--show', 'dau', '--steps', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('estimate refuses a --set range that overflows, on a derived figure as on an assumption', async () => {
    const r = await bote(['estimate', 'twitter-001', '--set', 'ingress=1 to 1e308', '--seed', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--set ingress=1 to 1e308: too large/);
    const json = await bote(['estimate', 'twitter-001', '--set', 'ingress=1 to 1e300', '--seed', '1', '--json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(/--set ingress: the range gives draws too large to hold/);
  });

  it('a range whose high end is negative is not read as a subtraction: 0 to -5 is refused', async () => {
    const r = await bote(['estimate', 'twitter', '--set', 'dau=0 to -5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--set dau=0 to -5: the low end of the range is above the high end/);
  });

  it('a value finite in base units but not in the unit it is shown in is refused', async () => {
    const path = file(
      'bits.yaml',
      'name: bits\nassumptions:\n  a: 1e308 B\nderived:\n  b: { expr: a * 1, unit: bit }\n',
    );
    const r = await bote(['estimate', path, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bits\.yaml:5:14: error: `b` is too large to show in bit/);
    const percent = file('percent.yaml', 'name: percent\nassumptions:\n  a: -1e308 to 0 %\n');
    const p = await bote(['estimate', percent, '--format', 'csv']);
    expect(p.code).toBe(1);
    expect(p.stderr).toMatch(/`a` is too large to show in percent/);
  });

  it('calc shows the largest number as it is, not as Infinity', async () => {
    const r = await bote(['calc', '1.7976931348623157e308']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Infinity/);
    expect(r.stdout).toContain('1.798e+308');
  });

  it('estimate, explain, markdown and csv never round a finite value to Infinity', async () => {
    const path = file(
      'huge.yaml',
      'name: huge\nassumptions:\n  a: 1.7976931348623157e308 B\nderived:\n  b: { expr: a * 1, unit: B }\n',
    );
    for (const args of [
      ['estimate', path],
      ['estimate', path, '--format', 'markdown'],
      ['estimate', path, '--format', 'csv'],
      ['estimate', path, '--json'],
      ['explain', path, 'b'],
      ['explain', path, 'b', '--mental'],
    ]) {
      const r = await bote(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(/Infinity|NaN/);
      if (args.includes('--json')) expect(JSON.parse(r.stdout).results.b.value).toBe(Number.MAX_VALUE);
    }
  });

  it.each([
    ['servers(1 req/s, 1 req/s/server, -50%)', /servers: the utilization must be above 0% and at most 100%, not -50%/],
    ['servers(1 req/s, 1 req/s/server, 150%)', /not 150%/],
    ['shards(1 TB, -1 TB/shard)', /shards: the capacity of one must be above zero/],
    ['servers(-100 req/s, 1 req/s/server)', /servers: the load is negative/],
    ['servers(1 req/s, 1 req/s/server, 50%, -1)', /servers: the spares must not be negative/],
    ['cache_80_20(-1 TB/day)', /cache_80_20: the volume is negative/],
  ])('calc %s is an error with its place', async (expr, message) => {
    const r = await bote(['calc', expr]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^expression:1:1: error/);
  });

  it('a building block given a bad figure at run time names the formula by file:line:col', async () => {
    const r = await bote(['estimate', 'twitter-001', '--set', 'target_utilization=150%']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /twitter-001\.yaml:\d+:\d+: error: `app_servers`: servers: the utilization must be above 0% and at most 100%, not 150%/,
    );
    const negative = await bote(['estimate', 'twitter-001', '--set', 'app_server_rps=-5']);
    expect(negative.code).toBe(1);
    expect(negative.stderr).toMatch(/`app_servers`: servers: the capacity of one must be above zero/);
  });
});
