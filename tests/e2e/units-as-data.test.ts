import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

/**
 * Adding a unit is one line of units/table.ts and nothing else: this file
 * runs the whole CLI with a copy of the table plus `fortnight`, and sees it
 * parse, convert, display and explain.
 */
vi.mock('../../src/core/units/table.js', async (importOriginal) => {
  const table = await importOriginal<typeof import('../../src/core/units/table.js')>();
  return { ...table, UNITS: [...table.UNITS, { name: 'fortnight', spellings: ['fortnights'], is: '14 day' }] };
});

describe('a fortnight added to the table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bote-fortnight-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('converts: 2 fortnight -> day is 28 day', async () => {
    expect(await runInProcess(['calc', '2 fortnight -> day'])).toEqual({ code: 0, stdout: '28 day\n', stderr: '' });
    // 6 weeks = 42 days = 3 fortnights; the plural is a spelling of the table.
    expect((await runInProcess(['calc', '6 weeks -> fortnights'])).stdout).toBe('3 fortnights\n');
  });

  it('estimates and explains a scenario written in fortnights', async () => {
    writeFileSync(
      join(dir, 'sprint.yaml'),
      [
        'name: sprint',
        'nouns: [commit]',
        'assumptions:',
        '  commits_per_day: 50 commit/day',
        '  sprint: 1 fortnight',
        'derived:',
        '  per_sprint: { expr: commits_per_day * sprint, unit: commit }',
        '  sprint_length: { expr: sprint, unit: fortnight }',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await runInProcess(['estimate', 'sprint.yaml', '--json'], { cwd: dir })).stdout);
    // 50 commit/day × 14 day = 700 commit
    expect(json.results.per_sprint).toMatchObject({ value: 700, unit: 'commit' });
    expect(json.results.sprint_length).toMatchObject({ value: 1, unit: 'fortnight', display: '1 fortnight' });
    const explained = await runInProcess(['explain', 'sprint.yaml', 'per_sprint', '--no-color'], { cwd: dir });
    expect(explained.stdout).toContain(
      'per_sprint = commits_per_day × sprint = 50 commit/day × 1 fortnight = 700 commit',
    );
    expect(explained.stdout).toContain('(1 fortnight = 14 day)');
  });

  it('is offered for a typo of it', async () => {
    const r = await runInProcess(['calc', '2 fortnigt -> day']);
    expect(r.stderr).toContain('did you mean `fortnight`?');
  });
});
