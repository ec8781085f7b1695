import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import { runInProcess } from '../helpers/in-process.js';

/**
 * Adding a function is one entry of expr/functions.ts: this file runs the
 * whole CLI with a copy of the table plus `double(x) = 2x`, and uses it in a
 * formula end to end.
 */
vi.mock('../../src/core/expr/functions.js', async (importOriginal) => {
  const table = await importOriginal<typeof import('../../src/core/expr/functions.js')>();
  const double: (typeof table.FUNCTIONS)[number] = {
    name: 'double',
    params: [{ name: 'x' }],
    keepsUnit: true,
    result: (c) => c.dims[0]!,
    run: (x) => 2 * x,
    doc: 'twice x',
    example: { formula: 'double(3 GB)', answer: '6 GB' },
  };
  return { ...table, FUNCTIONS: [...table.FUNCTIONS, double] };
});

const SCENARIO = [
  'name: doubled',
  'assumptions:',
  '  dau: 10 M user',
  '  size: 3 GB',
  'derived:',
  '  twice: double(dau)',
  '  backup: { expr: double(size), unit: MB }',
  '',
].join('\n');

describe('double(x) added to the table of functions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bote-double-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'doubled.yaml'), SCENARIO);

  it('calc: double(3 GB) is 6 GB, in the unit of its argument', async () => {
    expect(await runInProcess(['calc', 'double(3 GB)'])).toEqual({ code: 0, stdout: '6 GB\n', stderr: '' });
  });

  it('generated code calls it as M.double, by the name in the table', () => {
    const r = compileScenario(SCENARIO);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.byName.get('twice')!.code).toBe('M.double(r[0])');
  });

  it('estimate and explain a scenario that uses it', async () => {
    const json = JSON.parse((await runInProcess(['estimate', 'doubled.yaml', '--json'], { cwd: dir })).stdout);
    expect(json.results.twice).toMatchObject({ value: 20e6, unit: 'user' }); // 2 × 10 M
    expect(json.results.backup).toMatchObject({ value: 6000, unit: 'MB' }); // 2 × 3 GB = 6,000 MB
    const explained = await runInProcess(['explain', 'doubled.yaml', 'twice', '--no-color'], { cwd: dir });
    expect(explained.stdout).toContain('twice = double(dau) = double(10 M user) = 20,000,000 user');
  });

  it('checks its arity like any other, and the hint of an unknown function lists it', async () => {
    expect((await runInProcess(['calc', 'double(1, 2)'])).stderr).toContain('double takes 1 argument, not 2');
    expect((await runInProcess(['calc', 'triple(1)'])).stderr).toContain('servers, shards, cache_80_20, double;');
  });
});
