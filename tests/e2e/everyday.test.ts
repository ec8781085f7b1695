import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run-bote.js';

// The everyday loop of a new user, from the README alone: install, edit,
// validate, tweak, explain. One describe per step that once surprised.

const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'bote-everyday-'));
  tmp.push(d);
  return d;
}

describe('a `bote` command, installed as the README says', () => {
  it('npm install -g . puts bote on the PATH of a prefix, and the examples run as written', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm install -g .');
    expect(readme).toContain('npm link');
    const prefix = tempDir();
    // The README's line, into a prefix of its own. The clone is linked, not
    // copied: no network. --ignore-scripts keeps `prepare` from rebuilding
    // dist/ under the other tests (npm test has just built it).
    const npm = spawnSync(
      'npm',
      ['install', '-g', '.', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, npm_config_loglevel: 'error' } },
    );
    expect(npm.status, npm.stderr).toBe(0);
    const bote = join(prefix, 'bin', 'bote');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const version = spawnSync(bote, ['--version'], { encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    // From another folder, as a user would: the built-ins are found, and completion prints its script.
    const cwd = tempDir();
    const estimate = spawnSync(bote, ['estimate', 'twitter', '--json'], { cwd, encoding: 'utf8' });
    expect(estimate.status, estimate.stderr).toBe(0);
    expect((JSON.parse(estimate.stdout) as { scenario: { name: string } }).scenario.name).toBe('twitter');
    const completion = spawnSync(bote, ['completion', 'bash'], { cwd, encoding: 'utf8' });
    expect(completion.status).toBe(0);
    expect(completion.stdout).toContain('complete -F');
  });
});

describe('lower-case kb is refused like mb and gb', () => {
  it('asks kB (kilobyte) or kbit?, in calc and in a scenario', async () => {
    for (const [text, question] of [
      ['2 kb', '`kB` (kilobyte) or `kbit`?'],
      ['1 mb', '`MB` (megabyte) or `Mbit`?'],
      ['3 gb/s', '`GB` (gigabyte) or `Gbit`?'],
    ] as const) {
      const r = await runInProcess(['calc', text]);
      expect(r.code, text).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`hint: ${question}`);
    }
    const dir = tempDir();
    const file = join(dir, 'sizes.yaml');
    writeFileSync(file, 'name: sizes\nassumptions:\n  page: 2 kb\n');
    const v = await runInProcess(['validate', file]);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('sizes.yaml:3:11: error: unknown unit `kb`');
    expect(v.stderr).toContain('(kilobyte) or `kbit`?');
    // The unambiguous spellings still read as they did.
    expect((await runInProcess(['calc', '2 kB -> B'])).stdout).toContain('2,000 B');
    expect((await runInProcess(['calc', '2 Kb -> bit'])).stdout).toContain('2,000 bit');
    expect((await runInProcess(['calc', '2 kbit -> bit'])).stdout).toContain('2,000 bit');
  });
});

describe('a bare name finds ./NAME.yaml, and the schema line survives a move', () => {
  it('bote init my-service, then bote estimate my-service, from the folder and after moving the file', async () => {
    const dir = tempDir();
    expect((await runInProcess(['init', 'my-service'], { cwd: dir })).code).toBe(0);
    const r = await runInProcess(['estimate', 'my-service', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { scenario: { name: string; file: string } };
    expect(doc.scenario).toMatchObject({ name: 'my-service', file: 'my-service.yaml' });
    // The schema line names a file that is still there once the scenario moved elsewhere.
    const moved = join(tempDir(), 'deep', 'er');
    mkdirSync(moved, { recursive: true });
    renameSync(join(dir, 'my-service.yaml'), join(moved, 'my-service.yaml'));
    const schema = readFileSync(join(moved, 'my-service.yaml'), 'utf8')
      .split('\n')[0]!
      .replace(/^.*\$schema=/, '');
    expect(isAbsolute(schema)).toBe(true);
    expect(existsSync(schema)).toBe(true);
    expect((await runInProcess(['validate', 'my-service'], { cwd: moved })).code).toBe(0);
  });

  it('./NAME.yaml comes before ./scenarios/ and the built-ins, and may extend the scenario of its own name', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'scenarios'));
    writeFileSync(join(dir, 'twitter.yaml'), 'extends: twitter\nassumptions:\n  mau: 600 million user\n');
    writeFileSync(join(dir, 'scenarios', 'twitter.yaml'), 'extends: twitter\nassumptions:\n  mau: 400 million user\n');
    const json = async () => {
      const r = await runInProcess(['estimate', 'twitter', '--json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { scenario: { file: string }; assumptions: { mau: { value: number } } };
    };
    // ./twitter.yaml extends ./scenarios/twitter.yaml, which extends the built-in.
    expect(await json()).toMatchObject({ scenario: { file: 'twitter.yaml' }, assumptions: { mau: { value: 600e6 } } });
    rmSync(join(dir, 'twitter.yaml'));
    expect(await json()).toMatchObject({
      scenario: { file: join('scenarios', 'twitter.yaml') },
      assumptions: { mau: { value: 400e6 } },
    });
    const help = await runInProcess(['--help']);
    expect(help.stdout).toContain('A scenario NAME is ./NAME.yaml if there is one');
  });

  it('a name not found says where it was looked for', async () => {
    const r = await runInProcess(['estimate', 'nothing-here'], { cwd: tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('./NAME.yaml, ./scenarios/, BOTE_PATH, built-in');
  });
});
