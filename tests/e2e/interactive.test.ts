import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run-bote.js';
import { hasTmux, type TmuxSession, tmuxServer } from '../helpers/tmux.js';

// `bote estimate <scenario> -i` in a real pseudo-terminal: the BUILT binary
// (`npx tsup` first) in a tmux session (tests/helpers/tmux.ts).

const ORIGINAL = readFileSync(join(ROOT, 'scenarios', 'twitter.yaml'), 'utf8');

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
    const server = tmuxServer('e2e');
    let session: TmuxSession;
    let dir = '';

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'bote-interactive-'));
      session = server.start(['estimate', 'twitter', '-i'], dir);
    });

    afterEach(() => {
      session.kill();
      rmSync(dir, { recursive: true, force: true });
    });

    afterAll(() => server.close());

    const screen = () => session.screen();
    const keys = (...k: string[]) => session.keys(...k);
    const type = (text: string) => session.type(text);
    const waitFor = (pattern: RegExp) => session.waitFor(pattern);
    const exitCode = () => session.exitCode();

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
      // The new prompt, as the last line: the first one may still be on the screen
      // above, and a Ctrl-C sent before the prompt reads keys would be lost.
      await waitFor(/\? Save as[^\n]*\s*$/);
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
