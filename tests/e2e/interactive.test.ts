import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { BIN, childEnv, ROOT } from '../helpers/run-bote.js';

// `bote estimate <scenario> -i` in a real pseudo-terminal: the BUILT binary
// (`npx tsup` first) in a tmux session, driven with send-keys and read with
// capture-pane. A tmux server of its own (-L) so that no other session is touched.

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const SOCKET = `bote-e2e-${process.pid}`;
const ORIGINAL = readFileSync(join(ROOT, 'scenarios', 'twitter.yaml'), 'utf8');

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', env: childEnv() });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('bote estimate -i without a terminal', () => {
  it('exits 2 and says to use --set', async () => {
    const r = await runInProcess(['estimate', 'twitter', '-i'], { stdinIsTTY: false, stderrIsTTY: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('interactive mode needs a terminal; use --set NAME=VALUE');
  });
});

describe.skipIf(!hasTmux)(
  'bote estimate -i in a terminal (tmux; skipped only when tmux is not installed: apt-get install -y tmux)',
  () => {
    let session = '';
    let dir = '';
    let n = 0;

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'bote-interactive-'));
      session = `bote-${process.pid}-${++n}`;
      // The exit code goes to a file: the session ends with the command.
      const command = `${quote(process.execPath)} ${quote(BIN)} estimate twitter -i; echo $? > ${quote(join(dir, '.exit-code'))}`;
      tmux('new-session', '-d', '-x', '200', '-y', '50', '-s', session, '-c', dir, command);
    });

    afterEach(() => {
      spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', session], { env: childEnv() });
      rmSync(dir, { recursive: true, force: true });
    });

    afterAll(() => {
      spawnSync('tmux', ['-L', SOCKET, 'kill-server'], { env: childEnv() });
    });

    const screen = () => tmux('capture-pane', '-p', '-t', session);
    const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);
    const type = (text: string) => tmux('send-keys', '-t', session, '-l', text);

    /** Polls the screen until it matches, for up to 10 s. */
    async function waitFor(pattern: RegExp, timeout = 10_000): Promise<string> {
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
    }

    async function exitCode(timeout = 10_000): Promise<number> {
      const file = join(dir, '.exit-code');
      const until = Date.now() + timeout;
      while (!existsSync(file) || !readFileSync(file, 'utf8').trim()) {
        if (Date.now() > until) throw new Error(`the command did not end; the screen:\n${screen()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return Number(readFileSync(file, 'utf8').trim());
    }

    const MENU = /\? What now\?/;

    async function changeDauTo300M(): Promise<string> {
      await waitFor(MENU);
      keys('Enter'); // Change an assumption
      await waitFor(/Change which\?/);
      type('dau');
      await waitFor(/❯ dau\s+150 M user/);
      keys('Enter');
      await waitFor(/\? dau \(user/);
      type('300M');
      await waitFor(/300M\s+→ 300 M user/);
      keys('Enter');
      return waitFor(/│ qps\s+│\s+6\.94 K tweet\/s │\s+3\.47 K tweet\/s │\s+\+100% │/);
    }

    it('changes dau, shows the mistake inline, recomputes, saves a new scenario and quits with 0', async () => {
      await waitFor(MENU);
      expect(screen()).toMatch(/│ qps\s+│\s+3\.47 K tweet\/s │\s+3\.47 K tweet\/s │\s+0% │/);
      keys('Enter');
      await waitFor(/Change which\?/);
      type('dau');
      await waitFor(/❯ dau\s+150 M user/);
      keys('Enter');
      await waitFor(/\? dau \(user/);
      type('2MB');
      // Checked as typed, then again on Enter, where the prompt stays open.
      await waitFor(/2MB\s+✗ `dau` is in user, not MB/);
      keys('Enter');
      await waitFor(/> `dau` is in user, not MB: give a quantity in user, or a plain number to mean user/);
      keys('BSpace', 'BSpace', 'BSpace');
      type('300M');
      await waitFor(/300M\s+→ 300 M user/);
      keys('Enter');
      const table = await waitFor(/│ qps\s+│\s+6\.94 K tweet\/s │\s+3\.47 K tweet\/s │\s+\+100% │/);
      expect(table).toMatch(/dau = 300M \(was mau \* daily_active = 150 M user\)/);
      expect(table).toMatch(/│ media_storage_total\s+│\s+110 PB │\s+54\.8 PB │\s+\+100% │/);

      await waitFor(MENU);
      keys('Down', 'Down', 'Down', 'Down', 'Enter'); // Save as a new scenario
      await waitFor(/\? Save as \(a new file\) \(twitter-whatif\.yaml\)/);
      keys('Enter');
      await waitFor(/wrote \.\/twitter-whatif\.yaml/);

      const saved = readFileSync(join(dir, 'twitter-whatif.yaml'), 'utf8');
      expect(saved).toMatch(/^# yaml-language-server: \$schema=\S+scenario\.schema\.json\n/);
      expect(saved).toContain('# what-if of scenarios/twitter.yaml');
      expect(saved).toContain('  dau: { expr: 300M user, unit: user, section: traffic }');
      // The assumptions, their notes and the other formulas, as written in the original.
      expect(saved).toContain(ORIGINAL.slice(ORIGINAL.indexOf('\nnouns:'), ORIGINAL.indexOf('  dau:')));
      expect(saved).toContain(ORIGINAL.slice(ORIGINAL.indexOf('  qps:'), ORIGINAL.indexOf('expect:')));
      expect(readFileSync(join(ROOT, 'scenarios', 'twitter.yaml'), 'utf8')).toBe(ORIGINAL);

      const r = await runInProcess(['estimate', './twitter-whatif.yaml', '--json'], { cwd: dir });
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(JSON.stringify(report)).toContain('twitter-whatif');
      expect(r.stdout).toMatch(/"dau"[\s\S]*?300000000/);
      expect(r.stdout).toMatch(/"qps"[\s\S]*?6944\.44/);

      await waitFor(MENU);
      keys('Down', 'Down', 'Down', 'Down', 'Down', 'Enter'); // Quit
      expect(await exitCode()).toBe(0);
    });

    it('Escape in "save" goes back, Ctrl-C leaves with 130, and nothing is written', async () => {
      await changeDauTo300M();
      await waitFor(MENU);
      keys('Down', 'Down', 'Down', 'Down', 'Enter');
      await waitFor(/\? Save as/);
      keys('Escape');
      await waitFor(/\(back: nothing changed\)/);
      await waitFor(MENU);
      keys('Down', 'Down', 'Down', 'Down', 'Enter');
      await waitFor(/\? Save as/);
      keys('C-c');
      expect(await exitCode()).toBe(130);
      expect(readdirSync(dir)).toEqual(['.exit-code']);
      expect(readFileSync(join(ROOT, 'scenarios', 'twitter.yaml'), 'utf8')).toBe(ORIGINAL);
    });

    it('refuses to replace a file unless confirmed (default no)', async () => {
      await changeDauTo300M();
      await waitFor(MENU);
      keys('Down', 'Down', 'Down', 'Down', 'Enter');
      await waitFor(/\? Save as/);
      keys('Enter');
      await waitFor(/wrote \.\/twitter-whatif\.yaml/);
      const first = readFileSync(join(dir, 'twitter-whatif.yaml'), 'utf8');
      await waitFor(MENU);
      keys('Enter'); // the menu starts on Change again
      await waitFor(/Change which\?/);
      type('media_size');
      await waitFor(/❯ media_size/);
      keys('Enter');
      await waitFor(/\? media_size/);
      type('2 MB/tweet');
      keys('Enter');
      await waitFor(/media_storage_total\s+│\s+219 PB/);
      await waitFor(MENU);
      keys('Down', 'Down', 'Down', 'Down', 'Enter');
      await waitFor(/\? Save as/);
      keys('Enter');
      await waitFor(/twitter-whatif\.yaml exists\. Replace it\? \(y\/N\)/);
      keys('Enter');
      await waitFor(/nothing written: \.\/twitter-whatif\.yaml exists/);
      expect(readFileSync(join(dir, 'twitter-whatif.yaml'), 'utf8')).toBe(first);
      keys('C-c');
      expect(await exitCode()).toBe(130);
    });
  },
);
