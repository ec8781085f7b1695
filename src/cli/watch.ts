import { watch as watchFolder } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { EstimateFlags } from './actions/estimate.js';
import { CliError, errorText, type Io } from './io.js';
import { chainFiles, STDIN } from './load.js';

/** Editors save in bursts (write, rename, chmod): one render after the last event of a burst. */
export const DEBOUNCE_MS = 25;

/** What watching needs from the system; tests pass their own. */
export interface Watching {
  /** Calls `changed` with the name of each file that changes in `folder`; returns how to stop. */
  watch(folder: string, changed: (file: string | null) => void): () => void;
  /** Resolves on Ctrl-C. */
  interrupted(): Promise<void>;
}

const nodeWatching: Watching = {
  watch(folder, changed) {
    const watcher = watchFolder(folder, { persistent: true }, (_event, file) => changed(file ? String(file) : null));
    // A folder that goes away ends its watcher; the next render watches again what exists.
    watcher.on('error', () => watcher.close());
    return () => watcher.close();
  },
  interrupted: () => new Promise((resolve) => process.once('SIGINT', () => resolve())),
};

/**
 * `bote estimate FILE --watch`: the estimate again whenever the file, or a
 * file it extends, changes. The folders of the chain are watched, not the
 * files, so that an editor that saves by renaming is seen too; the chain is
 * read again after each render, since an edit may change what it extends. A
 * broken edit prints its error and keeps watching; Ctrl-C leaves with 130.
 */
export async function watchEstimate(
  io: Io,
  ref: string,
  flags: EstimateFlags,
  using: Watching = nodeWatching,
): Promise<void> {
  if (ref === STDIN) throw new CliError('--watch watches a file: standard input cannot be watched', 2);
  if (flags.interactive) throw new CliError('--watch and --interactive do not go together', 2);
  const { estimate } = await import('./actions/estimate.js');
  const stops = new Map<string, () => void>();
  let files: Array<{ file: string; path: string }> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = true;
  // One render at a time: a change during a render renders again after it.
  let rendering = Promise.resolve();

  const render = async () => {
    // A terminal is cleared; a pipe or a file gets a line between two renders.
    if (io.stdoutIsTTY) io.stdout('\x1b[2J\x1b[3J\x1b[H');
    else if (!first) io.stdout('\n--- changed: estimated again ---\n');
    first = false;
    try {
      await estimate(io, ref, flags);
    } catch (e) {
      if (!(e instanceof CliError)) io.stderr(`bote: internal error, please report it:\n${(e as Error)?.stack ?? e}\n`);
      else if (!e.reported) io.stderr(errorText(e));
    }
    follow();
    io.stderr(`watching ${files.length ? files.map((f) => f.file).join(', ') : ref}; Ctrl-C to stop\n`);
  };

  /** Watches the folders of the chain as it is now; a file that cannot be read leaves the last chain watched. */
  const follow = () => {
    try {
      files = chainFiles(io, ref);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
    }
    const folders = new Set(files.map((f) => dirname(f.path)));
    for (const [folder, stop] of stops) {
      if (folders.has(folder)) continue;
      stop();
      stops.delete(folder);
    }
    for (const folder of folders) {
      if (stops.has(folder)) continue;
      try {
        stops.set(
          folder,
          using.watch(folder, (file) => changed(folder, file)),
        );
      } catch {
        // A folder that cannot be watched now may be tried again after the next change.
      }
    }
  };

  const changed = (folder: string, file: string | null) => {
    if (file !== null && !files.some((f) => dirname(f.path) === folder && basename(f.path) === file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      rendering = rendering.then(render);
    }, DEBOUNCE_MS);
  };

  const stopped = using.interrupted();
  await render();
  await stopped;
  clearTimeout(timer);
  await rendering;
  for (const stop of stops.values()) stop();
  throw new CliError('interrupted', 130, undefined, true);
}
