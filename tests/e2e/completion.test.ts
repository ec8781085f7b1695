import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

// The scripts are generated in process; the shells run them for real, and
// they call the built binary (`npx tsup` or `npm test` builds dist/ first).
const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, BOTE_PATH: undefined };
const bote = (...args: string[]) => runInProcess(args, { env: { HOME: process.env.HOME } });

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0'], { encoding: 'utf8' }).status === 0;
const hasZsh = has('zsh');
const hasFish = has('fish');

// The scripts run `bote __complete ...` while completing: put a `bote` on PATH
// that runs this checkout's build, and a copy of each script in a temp folder.
let dir: string;
let path: string;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bote-completion-'));
  const shim = join(dir, 'bote');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin', 'bote.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
  path = `${dir}${delimiter}${process.env.PATH ?? ''}`;
  for (const shell of ['bash', 'zsh', 'fish']) {
    const r = await bote('completion', shell);
    scripts[shell] = join(dir, `bote.${shell}`);
    writeFileSync(scripts[shell]!, r.stdout);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** COMPREPLY of the bash script for the words (the last one is under the cursor). */
function bashComplete(...words: string[]): string[] {
  const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `source '${scripts.bash}'
COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; COMP_LINE='${words.join(' ')}'; COMP_POINT=\${#COMP_LINE}
_bote
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['-c', script], { cwd: root, env: { ...env, PATH: path }, encoding: 'utf8' });
  expect(r.status).toBe(0);
  // compopt complains outside a real completion; nothing else may reach stderr.
  expect(r.stderr.split('\n').filter((l) => l && !l.includes('compopt'))).toEqual([]);
  return r.stdout.split('\n').filter(Boolean);
}

describe('bote completion', () => {
  it.each(['bash', 'zsh', 'fish'])('prints the %s script', async (shell) => {
    const r = await bote('completion', shell);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // Commands and flags come from the program: a few of each, and the hidden helper stays hidden.
    for (const word of ['estimate', 'explain', 'sensitivity', 'sweep', 'list', '--samples', 'markdown'])
      expect(r.stdout).toContain(word);
    expect(r.stdout).toContain('__complete');
    expect(r.stdout).not.toMatch(/['\s]__complete:/);
  });

  it('exits 2 with the usage line for an unknown shell', async () => {
    const r = await bote('completion', 'tcsh');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('usage: bote completion bash|zsh|fish');
  });

  it('gives a bash script that bash -n accepts', async () => {
    const r = spawnSync('bash', ['-n', scripts.bash!], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!hasZsh)('gives a zsh script that zsh -n accepts (skipped: zsh is not installed)', async () => {
    const r = spawnSync('zsh', ['-n', scripts.zsh!], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!hasFish)('gives a fish script that fish -n accepts (skipped: fish is not installed)', async () => {
    const r = spawnSync('fish', ['-n', scripts.fish!], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('bash completion, run for real', () => {
  it('completes commands and their flags', async () => {
    expect(bashComplete('bote', 'est')).toEqual(['estimate']);
    expect(bashComplete('bote', 'estimate', 'twitter', '--sa')).toEqual(['--samples']);
    expect(bashComplete('bote', 'sweep', 'twitter', '--v')).toEqual(['--vary']);
    expect(bashComplete('bote', '--v')).toEqual(['--version']);
  });

  it('knows the drill and --mental (issue 13), from their descriptions', async () => {
    expect(bashComplete('bote', 'dr')).toEqual(['drill']);
    expect(bashComplete('bote', 'drill', 'tw')).toContain('twitter');
    expect(bashComplete('bote', 'drill', 'twitter', '--v')).toEqual(['--vary']);
    expect(bashComplete('bote', 'drill', '--a')).toEqual(['--answer']);
    expect(bashComplete('bote', 'explain', 'twitter', 'qps', '--me')).toEqual(['--mental']);
    expect(bashComplete('bote', 'estimate', 'twitter', '--me')).toEqual(['--mental']);
  });

  it('completes scenario names', async () => {
    expect(bashComplete('bote', 'estimate', 'tw')).toContain('twitter');
    expect(bashComplete('bote', 'estimate', 'url-sh')).toContain('url-shortener');
    expect(bashComplete('bote', 'init', 'x', '--from', 'youtu')).toEqual(['youtube']);
  });

  it('completes assumption names after --set, as name=', async () => {
    const names = bashComplete('bote', 'estimate', 'twitter', '--set', 'd');
    expect(names).toContain('daily_active=');
    expect(bashComplete('bote', 'estimate', 'twitter', '--set', 'tw')).toEqual(['tweets_per_user=']);
    expect(bashComplete('bote', 'estimate', 'twitter', '-s', '')).toEqual(
      expect.arrayContaining(['mau=', 'media_size=', 'retention=', 'peak_factor=']),
    );
    // bash splits --set=x at "=": the "=" is a word of its own.
    expect(bashComplete('bote', 'estimate', 'twitter', '--set', '=', 'media_si')).toEqual(['media_size=']);
    // A path to a file works as well as a name.
    expect(bashComplete('bote', 'estimate', 'scenarios/twitter.yaml', '--set', 'peak')).toEqual([
      'peak_factor=',
      'peak_qps=',
      'peak_read_qps=',
      'peak_requests=',
    ]);
  });

  it('completes flag values and figures', async () => {
    expect(bashComplete('bote', 'estimate', 'twitter', '--format', 'ma')).toEqual(['markdown']);
    expect(bashComplete('bote', 'explain', 'twitter', 'peak')).toEqual(['peak_qps', 'peak_read_qps', 'peak_requests']);
    expect(bashComplete('bote', 'ref', 'ca')).toEqual(['capacity']);
    expect(bashComplete('bote', 'completion', 'f')).toEqual(['fish']);
  });

  it('completes the kinds commands declare: a path for init, comma-separated results after --show', async () => {
    // init <name> is a file: folders end in / and take no space after them.
    expect(bashComplete('bote', 'init', 'scen')).toEqual(['scenarios/']);
    expect(bashComplete('bote', 'init', 'scenarios/twitter.y')).toEqual(['scenarios/twitter.yaml']);
    // --show a,b: the results typed stay in front of the one being typed.
    expect(bashComplete('bote', 'sweep', 'twitter', '--show', 'peak_q')).toEqual(['peak_qps']);
    expect(bashComplete('bote', 'sweep', 'twitter', '--vary', 'dau=1M..2M', '--show', 'peak_qps,media_s')).toEqual([
      'peak_qps,media_storage_per_day',
      'peak_qps,media_storage_total',
    ]);
    expect(bashComplete('bote', 'sweep', 'no-such-scenario', '--show', '')).toEqual([]);
  });

  it('offers nothing, and prints no error, for an unknown scenario or a value', async () => {
    expect(bashComplete('bote', 'estimate', 'no-such-scenario', '--set', '')).toEqual([]);
    expect(bashComplete('bote', 'estimate', 'twitter', '--set', 'dau', '=', '')).toEqual([]);
    expect(bashComplete('bote', 'estimate', 'twitter', '--samples', '')).toEqual([]);
  });
});

describe('the hidden helper', () => {
  it('lists scenarios, assumption names and figures, one a line', async () => {
    expect((await bote('__complete', 'scenarios')).stdout.split('\n')).toEqual(
      expect.arrayContaining(['twitter', 'url-shortener', 'uber', 'youtube']),
    );
    const names = (await bote('__complete', 'assumptions', 'twitter')).stdout.split('\n').filter(Boolean);
    expect(names.slice(0, 7)).toEqual([
      'mau',
      'daily_active',
      'tweets_per_user',
      'media_share',
      'media_size',
      'retention',
      'peak_factor',
    ]);
    // The book's five results first, then what bote adds (issue 10: the whole capacity picture).
    expect((await bote('__complete', 'figures', 'twitter')).stdout.split('\n').filter(Boolean)).toEqual([
      'dau',
      'qps',
      'peak_qps',
      'read_qps',
      'peak_read_qps',
      'peak_requests',
      'media_storage_per_day',
      'media_storage_total',
      'text_storage_per_day',
      'text_storage_replicated',
      'ingress',
      'egress',
      'cache_memory',
      'cache_nodes',
      'app_servers',
      'db_shards',
      'storage_cost',
      'cdn_cost',
      'compute_cost',
      'cost_per_month',
    ]);
  });

  it('is silent and exits 0 on anything wrong', async () => {
    for (const args of [
      ['assumptions', 'no-such'],
      ['assumptions'],
      ['nonsense'],
      [],
      ['assumptions', 'package.json'],
      ['figures', '/etc'],
    ]) {
      const r = await bote('__complete', ...args);
      expect(r, args.join(' ')).toMatchObject({ code: 0, stdout: '', stderr: '' });
    }
  });

  it('stays out of the help', async () => {
    expect((await bote('--help')).stdout).not.toContain('__complete');
  });
});

describe.skipIf(!hasFish)('fish completion, run for real (skipped: fish is not installed)', () => {
  function fishComplete(line: string): string[] {
    const r = spawnSync('fish', ['--no-config', '-c', `source '${scripts.fish}'; complete -C '${line}'`], {
      cwd: root,
      env: { ...env, PATH: path },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t')[0]!);
  }

  it('completes scenarios and, after --set, name=', async () => {
    expect(fishComplete('bote estimate tw')).toContain('twitter');
    expect(fishComplete('bote estimate twitter --set d')).toContain('daily_active=');
    expect(fishComplete('bote estimate twitter --format m')).toEqual(['markdown']);
  });
});
