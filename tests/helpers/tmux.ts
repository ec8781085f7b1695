import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, childEnv } from './run-bote.js';

// The BUILT binary (`npx tsup` first) in a real pseudo-terminal: a tmux
// session, driven with send-keys and read with capture-pane. Each test file
// runs a tmux server of its own (-L), so that no other session is touched.

export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface TmuxSession {
  screen(): string;
  /** Keys by name: Enter, Down, C-c, BSpace. */
  keys(...k: string[]): void;
  /** Text, typed as it is. */
  type(text: string): void;
  /** Polls the screen until it matches, for up to 10 s. */
  waitFor(pattern: RegExp, timeout?: number): Promise<string>;
  /** The command's exit code, once it has ended. */
  exitCode(timeout?: number): Promise<number>;
  kill(): void;
}

export function tmuxServer(name: string) {
  const socket = `bote-${name}-${process.pid}`;
  let n = 0;
  const tmux = (...args: string[]): string => {
    const r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', env: childEnv() });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  return {
    /** `bote ARGS` in a new session in `dir` (200 × 50 unless told); its exit code goes to dir/.exit-code. */
    start(args: readonly string[], dir: string, { width = 200, height = 50 } = {}): TmuxSession {
      const session = `bote-${process.pid}-${++n}`;
      const code = join(dir, '.exit-code');
      const command = `${[process.execPath, BIN, ...args].map(quote).join(' ')}; echo $? > ${quote(code)}`;
      // The pane stays when the command ends, so that its last words can still be read.
      tmux(
        'new-session',
        '-d',
        '-x',
        String(width),
        '-y',
        String(height),
        '-s',
        session,
        '-c',
        dir,
        command,
        ';',
        'set-option',
        '-t',
        session,
        'remain-on-exit',
        'on',
      );
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
            await new Promise((r) => setTimeout(r, 100));
          }
        },
        async exitCode(timeout = 10_000) {
          const until = Date.now() + timeout;
          while (!existsSync(code) || !readFileSync(code, 'utf8').trim()) {
            if (Date.now() > until) throw new Error(`the command did not end; the screen:\n${screen()}`);
            await new Promise((r) => setTimeout(r, 100));
          }
          return Number(readFileSync(code, 'utf8').trim());
        },
        kill: () => void spawnSync('tmux', ['-L', socket, 'kill-session', '-t', session], { env: childEnv() }),
      };
    },
    close: () => void spawnSync('tmux', ['-L', socket, 'kill-server'], { env: childEnv() }),
  };
}
