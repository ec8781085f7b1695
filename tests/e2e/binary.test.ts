import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT, runBote, runShell, stackTraceLines, type RunResult } from '../helpers/run-bote.js';

// The built binary as a process (`npx tsup`, or `npm test`, builds dist/):
// only what a test in process cannot see. Its exit codes, pipes that close,
// a disk that is full, a file the user may not read. Everything else runs in
// process (cli.test.ts and the others); interactive.test.ts drives a real
// terminal, package.test.ts the installed package, completion.test.ts the
// shells.

function expectClean(r: RunResult): void {
  expect(stackTraceLines(r.stderr), `stack trace on stderr:\n${r.stderr}`).toEqual([]);
  expect(r.stderr).not.toContain('internal error');
}

describe('the process', () => {
  it('prints what the program prints in process, byte for byte', async () => {
    const args = ['estimate', 'twitter', '--json'];
    const spawned = runBote(args);
    expect(await runInProcess(args)).toEqual({ code: spawned.code, stdout: spawned.stdout, stderr: spawned.stderr });
  });

  it('exits with the code of the run: 0 done, 1 bad input, 2 bad usage, never killed', () => {
    for (const [args, code] of [
      [['calc', '1 + 1'], 0],
      [['estimate', 'no-such-scenario'], 1],
      [['estimate', 'twitter', '--set', 'dau'], 2],
    ] as const) {
      const r = runBote(args);
      expect(r, args.join(' ')).toMatchObject({ code, signal: null });
      expectClean(r);
    }
  });

  it('a bad scenario: exit 1, one placed error, no stack trace', () => {
    const r = runBote(['estimate', 'tests/errors/yaml-limit/billion-laughs.yaml']);
    expect(r).toMatchObject({ code: 1, signal: null, stdout: '' });
    expect(r.stderr).toMatch(/^tests\/errors\/yaml-limit\/billion-laughs\.yaml:\d+:\d+: error: /m);
    expectClean(r);
  });
});

describe('output that cannot be written', () => {
  it('a full disk is one line and exit 1, not a stack trace', () => {
    const r = runShell(`node bin/bote.js estimate twitter > /dev/full`);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('bote: error: cannot write the output: no space left on the device');
  });
  it('a closed stderr keeps the exit code of a usage error', () => {
    const r = runShell(
      `node bin/bote.js estimate twitter --jsn 2>&1 | (exec 0<&-; true); echo "code=\${PIPESTATUS[0]}"`,
    );
    expect(r.stdout).toContain('code=2');
  });
});

describe('a closed pipe', () => {
  it('`| head -c 100`: 100 bytes, and no EPIPE trace', () => {
    const r = runShell('node bin/bote.js estimate twitter --json | head -c 100');
    expect(r.code).toBe(0);
    expect(r.stdout).toHaveLength(100);
    expect(r.stdout.startsWith('{\n  "version": 1,')).toBe(true);
    expect(r.stderr).not.toMatch(/EPIPE/);
    expectClean(r);
  });

  it('a reader that exits before bote writes: no EPIPE trace, bote exits 0', () => {
    // `true` is gone before node has started, so the first write meets a closed pipe.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash expands it
    const r = runShell('node bin/bote.js estimate twitter --json | true; echo "bote=${PIPESTATUS[0]}"');
    expect(r.stderr).not.toMatch(/EPIPE/);
    expectClean(r);
    expect(r.stdout).toBe('bote=0\n');
  });
});

// Permissions bind only a user other than root: run as `nobody` through setpriv when the tests run as root.
// Skipped where that user cannot reach the checkout at all (a private home folder).
const SETPRIV = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const asOther =
  process.getuid?.() !== 0
    ? []
    : spawnSync(SETPRIV[0]!, [...SETPRIV.slice(1), 'test', '-r', join(ROOT, 'dist', 'cli.cjs')]).status === 0
      ? SETPRIV
      : undefined;
describe.skipIf(!asOther)('a file bote may not read', () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'bote-perm-'));
    chmodSync(project, 0o755);
    mkdirSync(join(project, 'scenarios'));
    writeFileSync(join(project, 'scenarios', 'locked.yaml'), 'title: locked\n');
    chmodSync(join(project, 'scenarios', 'locked.yaml'), 0o000);
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const bote = (args: string[]) =>
    runShell([...asOther!, process.execPath, join(ROOT, 'bin', 'bote.js'), ...args].map((w) => `'${w}'`).join(' '), {
      cwd: project,
    });

  it('is bad input named in one line, not a stack trace', () => {
    const r = bote(['estimate', 'locked']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('bote: error: cannot read scenarios/locked.yaml: permission denied');
  });
  it('is one row of list and one failure of check, not the end of them', () => {
    const list = bote(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/locked +\(cannot read scenarios\/locked\.yaml: permission denied\)/);
    expect(list.stdout).toContain('twitter');
    const check = bote(['check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/cannot read scenarios\/locked\.yaml: permission denied/);
    expect(check.stdout).toMatch(/107 figures agree, 6 errata, 1 failed/);
    expect(stackTraceLines(check.stderr)).toEqual([]);
  });
});
