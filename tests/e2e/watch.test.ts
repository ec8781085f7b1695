import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EstimateFlags } from '../../src/cli/actions/estimate.js';
import { CliError } from '../../src/cli/io.js';
import { DEBOUNCE_MS, watchEstimate, type Watching } from '../../src/cli/watch.js';
import { capturedIo } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run-bote.js';
import { hasTmux, type TmuxSession, tmuxServer } from '../helpers/tmux.js';

// `bote estimate FILE --watch`: in process with a watcher the test drives
// (what is watched, what a change does), then the built binary in a real
// terminal (tmux): edit, break, fix, Ctrl-C.

const TWITTER = readFileSync(join(ROOT, 'scenarios', 'twitter.yaml'), 'utf8');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ready` holds, for up to 10 s. */
async function until(ready: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(10);
  }
}

describe('--watch, in process', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bote-watch-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('watches the folders of the chain, renders again on a change, keeps going past a broken edit, leaves with 130', async () => {
    writeFileSync(join(dir, 'base.yaml'), 'assumptions:\n  users: 10 user\n');
    writeFileSync(join(dir, 'kid.yaml'), 'extends: ./base.yaml\nderived:\n  twice: { expr: users * 2, unit: user }\n');
    const out = capturedIo(dir);
    const io = out.io;
    const watched = new Map<string, (file: string | null) => void>();
    let interrupt = () => {};
    const fake: Watching = {
      watch(folder, changed) {
        watched.set(folder, changed);
        return () => watched.delete(folder);
      },
      interrupted: () => new Promise((resolve) => (interrupt = resolve)),
    };
    const flags = { samples: 10_000, json: true } as EstimateFlags;
    const done = watchEstimate(io, './kid.yaml', flags, fake).catch((e: unknown) => e);
    await until(() => out.stderr.includes('watching'), 'the first render');
    expect([...watched.keys()]).toEqual([dir]);
    expect(JSON.parse(out.stdout).results.twice.value).toBe(20);
    expect(out.stderr).toBe('watching ./kid.yaml, base.yaml; Ctrl-C to stop\n');

    // A change to the parent: the estimate again, after a separator (stdout is not a terminal).
    out.stdout = '';
    writeFileSync(join(dir, 'base.yaml'), 'assumptions:\n  users: 30 user\n');
    watched.get(dir)!('base.yaml');
    watched.get(dir)!('base.yaml'); // a burst is one render
    await until(() => out.stderr.split('watching').length === 3, 'the second render');
    await wait(DEBOUNCE_MS * 4);
    const [separator, document] = out.stdout.split(/(?<=---\n)/);
    expect(separator).toBe('\n--- changed: estimated again ---\n');
    expect(JSON.parse(document!).results.twice.value).toBe(60);

    // Another file of the folder is no change.
    out.stdout = '';
    watched.get(dir)!('notes.txt');
    await wait(DEBOUNCE_MS * 4);
    expect(out.stdout).toBe('');

    // A broken edit: its error, and the watch goes on.
    out.stderr = '';
    writeFileSync(join(dir, 'kid.yaml'), 'extends: ./base.yaml\nderived:\n  twice: { expr: users * 2, unit: usr }\n');
    watched.get(dir)!('kid.yaml');
    await until(() => out.stderr.includes('watching'), 'the broken render');
    expect(out.stderr).toContain('./kid.yaml:3:35: error: unknown unit `usr`');
    expect(out.stderr).toMatch(/watching .*; Ctrl-C to stop\n$/);

    // The chain changes with an edit: the kid now extends a file of another folder.
    out.stderr = '';
    writeFileSync(join(dir, 'kid.yaml'), 'extends: twitter\n');
    watched.get(dir)!('kid.yaml');
    await until(() => out.stderr.includes('watching'), 'the render of the new chain');
    expect([...watched.keys()].sort()).toEqual([dir, join(ROOT, 'scenarios')].sort());

    interrupt();
    const e = await done;
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(130);
    expect(watched.size).toBe(0);
  });
});

describe.skipIf(!hasTmux)('--watch in a terminal (tmux; skipped only when tmux is not installed)', () => {
  const server = tmuxServer('watch');
  let dir = '';
  let bote: TmuxSession;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bote-watch-tty-'));
    writeFileSync(join(dir, 'mine.yaml'), TWITTER);
    bote = server.start(['estimate', './mine.yaml', '--watch'], dir, { height: 120 });
  });

  afterEach(() => {
    bote.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  afterAll(() => server.close());

  const waitFor = (pattern: RegExp) => bote.waitFor(pattern);

  it('edit, break, fix, Ctrl-C: each render on a cleared screen, then exit 130', async () => {
    await waitFor(/│ qps +│ +3,472\.22 │ tweet\/s +│ +3\.47 K tweet\/s │/);
    await waitFor(/watching \.\/mine\.yaml; Ctrl-C to stop/);

    // Edit: mau 300M → 600M doubles qps (6,944.44 tweet/s).
    writeFileSync(join(dir, 'mine.yaml'), TWITTER.replace('mau: 300 million user', 'mau: 600 million user'));
    await waitFor(/│ qps +│ +6,944\.44 │ tweet\/s/);

    // Break: the error, on a cleared screen (no table under it).
    writeFileSync(join(dir, 'mine.yaml'), TWITTER.replace('mau: 300 million user', 'mau: 600 million usr'));
    const broken = await waitFor(/error: unknown unit `usr`/);
    expect(broken).toMatch(/\.\/mine\.yaml:\d+:\d+: error: unknown unit `usr`/);
    expect(broken).not.toContain('│ qps');

    // Fix: the estimate again, the error gone.
    writeFileSync(join(dir, 'mine.yaml'), TWITTER.replace('mau: 300 million user', 'mau: 900 million user'));
    const fixed = await waitFor(/│ qps +│ +10,416\.7 │ tweet\/s/);
    expect(fixed).not.toContain('unknown unit');

    bote.keys('C-c');
    expect(await bote.exitCode()).toBe(130);
  });
});
