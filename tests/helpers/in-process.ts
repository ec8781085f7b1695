import { processIo, type Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { ROOT } from './run-bote.js';

export interface InProcessOptions {
  /** Working directory for scenario lookup and relative paths; the repository root by default. */
  cwd?: string;
  /** The whole environment the command sees (nothing is inherited): NO_COLOR, BOTE_PATH... */
  env?: Record<string, string | undefined>;
  /** Pretend stdout is a terminal (colour, table defaults). */
  stdoutIsTTY?: boolean;
  /** Pretend stderr is a terminal (colour of diagnostics and of the what-if loop). */
  stderrIsTTY?: boolean;
  /** Pretend stdin is a terminal (`estimate -i` refuses to start without one). */
  stdinIsTTY?: boolean;
  /** What standard input holds (`bote estimate -`); without it, there is none to read. */
  stdin?: string;
}

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process through the `Io` interface: the same program
 * as bin/bote.js, with the real file system but captured output. Quick enough
 * for most end-to-end assertions; spawn the built binary (run-bote.ts) only
 * where the process itself is under test (exit codes of the binary, TTY, pipes).
 */
export async function runInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  const out = capturedIo(options.cwd ?? ROOT, {
    env: options.env ?? {},
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    stdinIsTTY: options.stdinIsTTY ?? false,
    readStdin: options.stdin === undefined ? undefined : () => options.stdin!,
  });
  const code = await run([...args], out.io);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

/** An `Io` whose output is kept as it is written; a test may empty `stdout` or `stderr` between steps. */
export interface CapturedIo {
  io: Io;
  stdout: string;
  stderr: string;
}

/**
 * The real file system at `cwd`, an empty environment, no terminal, and the
 * output captured; `overrides` replace any part (a folder that cannot be
 * listed, a terminal). For tests that drive a command's steps themselves.
 */
export function capturedIo(cwd: string, overrides: Partial<Io> = {}): CapturedIo {
  const out: CapturedIo = { stdout: '', stderr: '', io: processIo(cwd) };
  out.io = {
    ...out.io,
    env: {},
    stdout: (s) => {
      out.stdout += s;
    },
    stderr: (s) => {
      out.stderr += s;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    ...overrides,
  };
  return out;
}
