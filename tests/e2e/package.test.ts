import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs this checkout as npm would publish it, installs the tarball into an
// empty project without dev dependencies (from the npm registry: this needs
// the network), and runs it there. dist/ is the build the test run already
// made (`npm test` builds first); `--ignore-scripts` keeps `prepare` from
// rebuilding dist/ under the feet of the other end-to-end tests. Installing
// a tarball never runs `prepare`: the install below would fail if it did,
// since tsup is a dev dependency.
const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  files: string[];
  devDependencies: Record<string, string>;
};
const env = {
  ...process.env,
  FORCE_COLOR: undefined,
  NO_COLOR: undefined,
  BOTE_PATH: undefined,
  npm_config_loglevel: 'error',
};

function npm(args: string[], cwd: string) {
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 110_000 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return r.stdout;
}

let dir: string;
let project: string;
let tarball: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bote-package-'));
  const out = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root)) as Array<{
    filename: string;
  }>;
  tarball = join(dir, out[0]!.filename);
  project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'bote-install-check', version: '1.0.0', private: true }),
  );
  npm(['install', tarball, '--no-audit', '--no-fund', '--omit=dev'], project);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function installed(...args: string[]) {
  const r = spawnSync(join(project, 'node_modules', '.bin', 'bote'), args, { cwd: project, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm package', () => {
  it('holds bin/, dist/, scenarios/, schema/, README.md and LICENSE, nothing else', () => {
    const [listing] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], root)) as Array<{
      files: Array<{ path: string }>;
    }>;
    const paths = listing!.files.map((f) => f.path);
    expect(new Set(paths.map((p) => p.split('/')[0]))).toEqual(
      new Set(['bin', 'dist', 'scenarios', 'schema', 'README.md', 'LICENSE', 'package.json']),
    );
    expect(pkg.files).toEqual(['bin/', 'dist/', 'scenarios/', 'schema/', 'README.md']);
    expect(paths).toContain('bin/bote.js');
    expect(paths).toContain('dist/cli.js');
    expect(paths).toContain('scenarios/twitter.yaml');
    expect(paths).toContain('schema/scenario.schema.json');
    expect(paths.filter((p) => /\.(ts|map|tgz)$/.test(p) || p.includes('.tmp') || p.includes('test'))).toEqual([]);
  });

  it('installs without dev dependencies and estimates twitter', () => {
    const r = installed('estimate', 'twitter', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scenario).toMatchObject({ name: 'twitter', file: 'scenarios/twitter.yaml' });
    expect(doc.results.dau.value).toBe(150e6);
    expect(doc.results.qps.value).toBeCloseTo(3472.2222, 3);
    expect(doc.results.peak_qps.value).toBeCloseTo(6944.4444, 3);
    expect(doc.results.media_storage_per_day).toMatchObject({ value: 30, unit: 'TB/day' });
    expect(doc.results.media_storage_total).toMatchObject({ value: 54.75, unit: 'PB' });
  });

  it('runs through npx too', () => {
    const r = spawnSync('npx', ['--no-install', 'bote', 'estimate', 'twitter', '--json'], {
      cwd: project,
      env,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results.dau.value).toBe(150e6);
  });

  it("prints package.json's version", () => {
    const r = installed('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('pulls in no dev dependency', () => {
    const modules = join(project, 'node_modules');
    expect(existsSync(join(modules, 'bote', 'bin', 'bote.js'))).toBe(true);
    expect(existsSync(join(modules, 'bote', 'src'))).toBe(false);
    expect(existsSync(join(modules, 'bote', 'tests'))).toBe(false);
    for (const dev of [
      'vitest',
      'tsup',
      'typescript',
      'fast-check',
      'mathjs',
      'tsx',
      ...Object.keys(pkg.devDependencies),
    ]) {
      expect(existsSync(join(modules, dev)), dev).toBe(false);
    }
    expect(readdirSync(modules)).toContain('commander');
  });
});
