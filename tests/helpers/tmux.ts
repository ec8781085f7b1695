import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, childEnv } from './run-bote.js';

// The BUILT binary (`npx tsup` first) in a real pseudo-terminal: a tmux
// session on a server of its own (-L), so that no other session is touched,
// driven with send-keys and read with capture-pane.

export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TmuxBote {
  screen(): string;
  keys(...keys: string[]): void;
  /** Types the text as it is (send-keys -l). */
  type(text: string): void;
  /** Polls the screen until it matches, for up to 10 s. */
  waitFor(pattern: RegExp, timeout?: number): Promise<string>;
  /** The command's exit code, once it has ended. */
  exitCode(timeout?: number): Promise<number>;
  kill(): void;
}

/** Starts `bote ...args` in `dir`, on a screen of width × height; its exit code goes to `dir`/.exit-code. */
export function tmuxBote(
  server: string,
  session: string,
  dir: string,
  args: readonly string[],
  { width = 200, height = 50 } = {},
): TmuxBote {
  const tmux = (...a: string[]) => {
    const r = spawnSync('tmux', ['-L', server, ...a], { encoding: 'utf8', env: childEnv() });
    if (r.status !== 0) throw new Error(`tmux ${a.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const exitFile = join(dir, '.exit-code');
  // The exit code goes to a file: the session ends with the command.
  const command = `${[process.execPath, BIN, ...args].map(quote).join(' ')}; echo $? > ${quote(exitFile)}`;
  tmux('new-session', '-d', '-x', String(width), '-y', String(height), '-s', session, '-c', dir, command);
  const screen = () => tmux('capture-pane', '-p', '-t', session);
  return {
    screen,
    keys: (...k) => void tmux('send-keys', '-t', session, ...k),
    type: (text) => void tmux('send-keys', '-t', session, '-l', text),
    async waitFor(pattern, timeout = 10_000) {
      const until = Date.now() + timeout;
      let last = '';
      for (;;) {
        try {
          last = screen();
        } catch {
          // The session may have ended; the pattern will not match then.
        }
        if (pattern.test(last)) return last;
        if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; the screen:\n${last}`);
        await pause(50);
      }
    },
    async exitCode(timeout = 10_000) {
      const until = Date.now() + timeout;
      while (!existsSync(exitFile) || !readFileSync(exitFile, 'utf8').trim()) {
        if (Date.now() > until) throw new Error(`the command did not end; the screen:\n${screen()}`);
        await pause(50);
      }
      return Number(readFileSync(exitFile, 'utf8').trim());
    },
    kill: () => void spawnSync('tmux', ['-L', server, 'kill-session', '-t', session], { env: childEnv() }),
  };
}

/** Ends a server started by tmuxBote, with every session left on it. */
export function killTmuxServer(server: string): void {
  spawnSync('tmux', ['-L', server, 'kill-server'], { env: childEnv() });
}
