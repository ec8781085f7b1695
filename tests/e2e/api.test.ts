import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BoteError, calc, compare, estimate, explain } from '../../src/index.js';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run-bote.js';

// The library (src/index.ts) against the command line, in process: each
// function returns what the command prints with --json, and throws what it
// prints on stderr. tests/e2e/package.test.ts imports the packed package.

const dir = mkdtempSync(join(tmpdir(), 'bote-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const r = await runInProcess(args, { cwd: dir });
  return { ...r, json: r.code === 0 && r.stdout.startsWith('{') ? JSON.parse(r.stdout) : undefined };
}

describe('the library returns what --json prints', () => {
  let writes: ReturnType<typeof vi.spyOn>[] = [];
  beforeEach(() => {
    writes = [vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write')];
  });
  afterEach(() => {
    // No terminal IO: nothing of the library writes to stdout or stderr.
    for (const w of writes) expect(w).not.toHaveBeenCalled();
    for (const w of writes) w.mockRestore();
  });

  it('estimate with mental: true is estimate --mental --json, a whiteboard figure on every result', async () => {
    const doc = await estimate('twitter', { mental: true, cwd: dir });
    expect(doc).toEqual((await cli('estimate', 'twitter', '--mental', '--json')).json);
    // qps on the whiteboard: 1.5 × 10^8 user × 2 /day = 3 × 10^8 /day, ÷ 10^5 s (M1) = 3 × 10^3 tweet/s, -13.6%.
    expect(doc.results.qps).toMatchObject({ mental: { value: 3000, unit: 'tweet/s' } });
    expect((doc.results.qps as { mental: { error: number } }).mental.error).toBeCloseTo(3000 / 3472.2222 - 1, 4);
    expect((await estimate('twitter', { cwd: dir })).results.qps).not.toHaveProperty('mental');
  });

  it('estimate: a name, with settings, samples and seed', async () => {
    const options = { set: { dau: '100M to 300M', mau: 600_000_000 }, samples: 2000, seed: 7, cwd: dir };
    const doc = await estimate('twitter', options);
    const printed = await cli('estimate', 'twitter', '--set', 'dau=100M to 300M', '--set', 'mau=600000000');
    expect(printed.code).toBe(0);
    const seeded = await cli(
      'estimate',
      'twitter',
      '--set',
      'dau=100M to 300M',
      '--set',
      'mau=600000000',
      '--samples',
      '2000',
      '--seed',
      '7',
      '--json',
    );
    expect(doc).toEqual(seeded.json);
    expect(doc.sampling).toEqual({ samples: 2000, seed: 7 });
  });

  it('estimate: text given whole, with a file name for messages and extends', async () => {
    writeFileSync(
      join(dir, 'base.yaml'),
      'assumptions:\n  users: 10 user\nderived:\n  twice: { expr: users * 2, unit: user }\n',
    );
    const yaml = 'extends: ./base.yaml\nassumptions:\n  users: 21 user\n';
    writeFileSync(join(dir, 'kid.yaml'), yaml);
    const doc = await estimate({ yaml, file: 'kid.yaml' }, { cwd: dir });
    expect(doc).toEqual((await cli('estimate', 'kid.yaml', '--json')).json);
    expect(doc.results.twice!.value).toBe(42);
  });

  it('compare and explain', async () => {
    const c = await compare(['twitter', 'url-shortener'], { variants: [{ mau: '600M' }], cwd: dir });
    expect(c).toEqual((await cli('compare', 'twitter', 'url-shortener', '--variant', 'mau=600M', '--json')).json);
    const e = await explain('twitter', ['qps'], { set: { mau: '1bn' }, cwd: dir });
    expect(e).toEqual((await cli('explain', 'twitter', 'qps', '--set', 'mau=1bn', '--json')).json);
  });

  it('calc: value, unit, display and notes', async () => {
    // 1 Gbps × 3600 s = 3.6e12 bit = 4.5e11 B = 4.5e11 / 2^30 GiB = 419.095... GiB.
    const answer = calc('1 Gbps * 1 hour -> GiB');
    expect(answer).toEqual({ value: 4.5e11 / 2 ** 30, unit: 'GiB', display: '419 GiB', notes: [] });
    const { version, ...printed } = (await cli('calc', '1 Gbps * 1 hour -> GiB', '--json')).json;
    expect(version).toBe(1);
    expect(answer).toEqual(printed);
    expect(calc('3 tweet / 1 s').notes).toEqual(['tweet taken as a count noun']);
  });
});

describe('the library throws BoteError with what the command line prints', () => {
  it('a scenario that does not compile: diagnostics with file, line, column, code, message and hint', async () => {
    const yaml = 'assumptions:\n  a: 1 user\n  b: 3 MBB\n';
    writeFileSync(join(dir, 'bad.yaml'), yaml);
    const error = await estimate({ yaml, file: 'bad.yaml' }, { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoteError);
    const e = error as BoteError;
    expect(e.name).toBe('BoteError');
    expect(e.diagnostics).toEqual([
      {
        file: 'bad.yaml',
        line: 3,
        column: 8,
        endLine: 3,
        endColumn: 11,
        code: 'unknown-unit',
        severity: 'error',
        message: 'unknown unit `MBB`',
        hint: 'did you mean `MB`?',
      },
    ]);
    const printed = await cli('estimate', 'bad.yaml');
    expect(printed.code).toBe(1);
    expect(`${e.message}\n`).toBe(printed.stderr);
  });

  it('an error in a parent names the parent', async () => {
    writeFileSync(join(dir, 'broken-base.yaml'), 'assumptions:\n  a: 2 KBB\n');
    const e = (await estimate({ yaml: 'extends: ./broken-base.yaml\n' }, { cwd: dir }).catch(
      (x: unknown) => x,
    )) as BoteError;
    expect(e.diagnostics[0]).toMatchObject({ file: 'broken-base.yaml', line: 2, column: 8, code: 'unknown-unit' });
  });

  it('a scenario not found, a bad figure name, a bad option', async () => {
    const missing = (await estimate('twiter').catch((x: unknown) => x)) as BoteError;
    expect(missing).toBeInstanceOf(BoteError);
    expect(`${missing.message}\n`).toBe((await cli('estimate', 'twiter')).stderr);
    expect(missing.diagnostics).toMatchObject([{ code: 'input', message: 'no scenario named `twiter`', line: null }]);
    const figure = (await explain('twitter', ['qsp']).catch((x: unknown) => x)) as BoteError;
    expect(figure.message).toBe('bote: error: `qsp` is not a figure of twitter\n  hint: did you mean `qps`?');
    const set = (await estimate('twitter', { set: { dau: '2 MB' } }).catch((x: unknown) => x)) as BoteError;
    expect(set.diagnostics).toMatchObject([{ code: 'unit-mismatch', file: null, line: null }]);
    const samples = (await estimate('twitter', { samples: 5 }).catch((x: unknown) => x)) as BoteError;
    expect(samples.diagnostics).toMatchObject([{ code: 'usage' }]);
    expect(() => calc('3 MBB')).toThrow(BoteError);
    expect(await compare(['twitter']).catch((x: unknown) => (x as BoteError).diagnostics[0]!.code)).toBe('usage');
  });

  it('runs from any folder: names resolve from cwd, the built-ins from the package', async () => {
    const here = await estimate('scenarios/url-shortener.yaml', { cwd: ROOT });
    expect(here.scenario.file).toBe('scenarios/url-shortener.yaml');
  });
});
