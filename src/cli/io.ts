import { readFileSync, readdirSync, existsSync, statSync, writeFileSync } from 'node:fs';

/** Everything a command may touch outside the core; tests pass their own. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** For `estimate -i`, which reads keys; absent means not a terminal. */
  stdinIsTTY?: boolean;
  cwd: string;
  readFile: (path: string) => string;
  listDir: (path: string) => string[];
  isFile: (path: string) => boolean;
  isDir: (path: string) => boolean;
  /**
   * Writes a file. Unless `overwrite`, fails with code EEXIST when the file
   * exists: the check and the creation are one step, so nothing is lost.
   */
  writeFile: (path: string, text: string, options: { overwrite: boolean }) => void;
}

export function processIo(): Io {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    cwd: process.cwd(),
    readFile: (p) => readFileSync(p, 'utf8'),
    listDir: (p) => readdirSync(p),
    isFile: (p) => existsSync(p) && statSync(p).isFile(),
    isDir: (p) => existsSync(p) && statSync(p).isDirectory(),
    writeFile: (p, text, { overwrite }) => writeFileSync(p, text, { flag: overwrite ? 'w' : 'wx' }),
  };
}

/** A problem the user can fix; `exitCode` 1 for bad input, 2 for bad usage. */
export class CliError extends Error {
  /** `reported`: the details are already on stderr (diagnostics); print nothing more. */
  constructor(message: string, readonly exitCode: 1 | 2, readonly hint?: string, readonly reported = false) {
    super(message);
    this.name = 'CliError';
  }
}
