import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests/helpers/../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The launcher of the BUILT CLI: `npx tsup` (or `npm test`) must have built dist/ first. */
export const BIN = join(ROOT, 'bin', 'bote.js');

export interface RunOptions {
  /** Working directory; the repository root by default. */
  cwd?: string;
  /**
   * Extra environment. NO_COLOR, FORCE_COLOR and BOTE_PATH are removed from the
   * inherited environment unless given here, so that the caller's terminal
   * settings do not leak into the tests. `undefined` removes a variable.
   */
  env?: Record<string, string | undefined>;
  /** Milliseconds before the child is killed (it then reports code null). */
  timeout?: number;
}

export interface RunResult {
  /** Exit code; null if the process was killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment a run gets: the parent's, minus colour and lookup settings, plus `extra`. */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'BOTE_PATH']) delete env[key];
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs `node bin/bote.js ...args` with stdin closed and stdout/stderr piped. */
export function runBote(args: readonly string[], options: RunOptions = {}): RunResult {
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
    throw new Error('dist/cli.cjs is missing: build with `npx tsup` (or run `npm test`) before the end-to-end tests');
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: childEnv(options.env),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeout ?? 15_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Runs a shell command line with bash (pipefail off), from `cwd`, for pipes such as `| head -c 100`. */
export function runShell(command: string, options: RunOptions = {}): RunResult {
  const r = spawnSync('bash', ['-c', `set +o pipefail; ${command}`], {
    cwd: options.cwd ?? ROOT,
    env: childEnv(options.env),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeout ?? 15_000,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Lines that look like a JavaScript stack trace or an uncaught Node error. */
export function stackTraceLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^\s{4}at\s/.test(l) || /^\w*Error:/.test(l) || /node:internal/.test(l));
}
