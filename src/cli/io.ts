import {
  fstatSync,
  linkSync,
  writeSync,
  lstatSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { decodeUtf8 } from './utf8.js';
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
   * With `overwrite`, a symbolic link is written through: the file it points
   * to is replaced the same way, beside itself, and the link stays.
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
    stdout: (s) => writeStd(1, s),
    stderr: (s) => writeStd(2, s),
    env: process.env,
    // Asked when a command needs to know: the answer may load node:tty (isTerminal).
    get stdoutIsTTY() {
      return isTerminal(1);
    },
    get stderrIsTTY() {
      return isTerminal(2);
    },
    get stdinIsTTY() {
      return isTerminal(0);
    },
    cwd,
    // A byte-order mark is not text: left in, it would shift every column of line 1.
    // Not readFileSync(p, 'utf8'), which replaces bytes that are not UTF-8 without a word: they are refused at their place.
    readFile: (p) =>
      utf8Text(
        readable(p, 'read', () => readFileSync(p)),
        shownPath(cwd, p),
      ),
    listDir: (p) => readable(p, 'list the folder', () => readdirSync(p)),
    isFile: (p) => statOf(p)?.isFile() ?? false,
    isDir: (p) => statOf(p)?.isDirectory() ?? false,
    writeFile: writeWhole,
    readStdin: () =>
      utf8Text(
        attempt('<stdin>', 'read', () => readFileSync(0)),
        '<stdin>',
      ),
  };
}

// Standard output and error. bote writes them synchronously to their file
// descriptors: Node's stream for them loads a dozen modules on first use,
// which cost more than a command's own output. The stream is still made
// where it is needed: for the interactive prompts, and when a pipe cannot
// take more at once (EAGAIN: a slow reader of a non-blocking pipe), where it
// takes the rest and waits for the reader.

type Fd = 1 | 2;
const streams: Partial<Record<Fd, NodeJS.WriteStream>> = {};
/** Descriptors whose reader has gone (EPIPE): what is written to them is dropped, and the command runs to its exit code. */
const gone = new Set<Fd>();

/** process.stdout or process.stderr, with bote's handling of a failed write. */
export function stdStream(fd: Fd): NodeJS.WriteStream {
  let stream = streams[fd];
  if (!stream) {
    stream = fd === 1 ? process.stdout : process.stderr;
    stream.on('error', (e: NodeJS.ErrnoException) => failed(fd, e));
    streams[fd] = stream;
  }
  return stream;
}

/** Writes all of `text` to standard output (1) or error (2). */
export function writeStd(fd: Fd, text: string): void {
  if (gone.has(fd)) return;
  if (streams[fd]) return void streams[fd].write(text);
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') gone.add(fd);
    else if (code === 'EAGAIN') stdStream(fd).write(bytes.subarray(done));
    else failed(fd, e as NodeJS.ErrnoException);
  }
}

/**
 * A closed pipe (`bote ... | head`) ends the output, not the tool; a full
 * disk or a closed terminal is said in one line, not a stack trace.
 */
function failed(fd: Fd, e: NodeJS.ErrnoException): never {
  if (e.code !== 'EPIPE' && fd === 1) {
    try {
      writeSync(2, `bote: error: cannot write the output: ${reasonOf(e)}\n`);
    } catch {
      // standard error is gone too: the exit code says it
    }
  }
  process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
}

/**
 * Whether a descriptor is a terminal, asked of the descriptor rather than of
 * process.stdout and the others, which would make their streams. A pipe or a
 * file cannot be one, and fstat says so without loading node:tty, which
 * loads the net and stream modules.
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false; // closed
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/** Text that is not UTF-8 is bad input, refused at its place. */
function utf8Text(bytes: Uint8Array, shown: string): string {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return decoded.text;
  const { line, column, byte } = decoded;
  throw new CliError(
    `${shown}:${line}:${column}: the file is not UTF-8 text (byte 0x${byte.toString(16).padStart(2, '0')})`,
    1,
    'save it as UTF-8',
  );
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
  const dangling = danglingTarget(path);
  if (dangling !== undefined && !overwrite) throw danglingError(dangling);
  const target = overwrite ? throughLinks(path) : path;
  const temp = join(dirname(target), `.${basename(target)}.bote-${process.pid}.tmp`);
  // Created exclusively, and removed only if this call made it: a file already at that name is someone's.
  try {
    writeFileSync(temp, text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Not EEXIST itself, which callers read as "the file exists".
    throw Object.assign(new Error(`a file is in the way at ${temp}: move it, and try again`), { code: 'ETEMP' });
  }
  try {
    // rename replaces at once; link refuses (EEXIST) when the name is taken.
    if (overwrite) renameSync(temp, target);
    else linkOrCreate(temp, target, text);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Where a chain of symbolic links ends (the path itself when it is none), even where the last points to nothing. */
function throughLinks(path: string): string {
  let at = path;
  for (let hops = 0; hops < 40; hops++) {
    const stat = lstatSync(at, { throwIfNoEntry: false });
    if (!stat?.isSymbolicLink()) return at;
    at = resolve(dirname(at), readlinkSync(at));
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP' });
}

/** The missing file a symbolic link at `path` points to; undefined when `path` is no such link. */
function danglingTarget(path: string): string | undefined {
  if (!lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return undefined;
  const target = throughLinks(path);
  return statOf(target) ? undefined : target;
}

function danglingError(target: string): Error {
  return Object.assign(new Error(`it is a symbolic link to ${target}, which does not exist`), { code: 'EDANGLING' });
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
