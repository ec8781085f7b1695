import { linkSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { visible } from '../render/visible.js';

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
   * Writes a file whole or not at all: the text goes to a temporary file
   * beside it, which then takes the name. Unless `overwrite`, fails with code
   * EEXIST when the file exists: the check and the naming are one step, so
   * nothing is lost, not even when the disk fills or the process is killed.
   */
  writeFile: (path: string, text: string, options: { overwrite: boolean }) => void;
  /** Standard input, whole (`bote estimate -`); absent where there is none to read. */
  readStdin?: () => string;
}

/** What finding and reading scenarios needs, and nothing that prints: the library gets this much. */
export type FileReader = Pick<Io, 'cwd' | 'env' | 'readFile' | 'listDir' | 'isFile' | 'isDir'>;

/** The real streams and file system; `cwd` is where relative paths start (tests run from elsewhere). */
export function processIo(cwd = process.cwd()): Io {
  const readable = <T>(path: string, what: string, read: () => T): T => attempt(shownPath(cwd, path), what, read);
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    cwd,
    // A byte-order mark is not text: left in, it would shift every column of line 1.
    readFile: (p) => readable(p, 'read', () => readFileSync(p, 'utf8').replace(/^\uFEFF/, '')),
    listDir: (p) => readable(p, 'list the folder', () => readdirSync(p)),
    isFile: (p) => statOf(p)?.isFile() ?? false,
    isDir: (p) => statOf(p)?.isDirectory() ?? false,
    writeFile: writeWhole,
    readStdin: () => attempt('<stdin>', 'read', () => readFileSync(0, 'utf8').replace(/^\uFEFF/, '')),
  };
}

function statOf(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // e.g. EACCES on a folder on the way: as good as absent
  }
}

function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** A file the user named but the system will not give us is bad input (exit 1), not a crash. */
function attempt<T>(path: string, what: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw new CliError(`cannot ${what} ${path}: ${reasonOf(e)}`, 1);
  }
}

/** For commands that go on past a file they cannot read (list, check): the text, or why not. */
export function readOrWhy(io: Io, path: string): { ok: true; value: string } | { ok: false; why: string } {
  try {
    return { ok: true, value: io.readFile(path) };
  } catch (e) {
    if (e instanceof CliError) return { ok: false, why: e.message };
    throw e;
  }
}

/** Why a file operation failed, in words, without the temporary file's name. */
export function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EISDIR: 'it is a folder',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EEXIST: 'it exists',
  };
  return reasons[code] ?? (e as Error).message;
}

function writeWhole(path: string, text: string, { overwrite }: { overwrite: boolean }): void {
  const temp = join(dirname(path), `.${basename(path)}.bote-${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    // rename replaces at once; link refuses (EEXIST) when the name is taken.
    if (overwrite) renameSync(temp, path);
    else linkOrCreate(temp, path, text);
  } finally {
    rmSync(temp, { force: true });
  }
}

function linkOrCreate(temp: string, path: string, text: string): void {
  try {
    linkSync(temp, path);
  } catch (e) {
    // Some file systems have no hard links: an exclusive create still loses nothing.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    writeFileSync(path, text, { flag: 'wx' });
  }
}

/** What the command line prints for a CliError: `bote: error: ...` and its hint. */
export function errorText(e: CliError): string {
  // Messages quote file names and file text: their control characters are written out.
  return `bote: error: ${visible(e.message)}\n${e.hint ? `  hint: ${visible(e.hint)}\n` : ''}`;
}

/** A problem the user can fix; `exitCode` 1 for bad input, 2 for bad usage, 130 for Ctrl-C. */
export class CliError extends Error {
  /** `reported`: the details are already on stderr (diagnostics); print nothing more. */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 130,
    readonly hint?: string,
    readonly reported = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
