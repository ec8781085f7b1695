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
  // An ES module project: its .ts files import bote as ESM under "module": "nodenext".
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'bote-install-check', version: '1.0.0', private: true, type: 'module' }),
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
    // bin/load-bundle.d.ts types the loader for the build and the tests only.
    expect(pkg.files).toEqual(['bin/', '!bin/*.d.ts', 'dist/', 'scenarios/', 'schema/', 'README.md']);
    expect(paths).toContain('bin/bote.js');
    expect(paths).toContain('bin/load-bundle.js');
    // The command line's scripts and their code caches (bin/load-bundle.js).
    for (const script of ['dist/cli.cjs', 'dist/vendor.cjs']) {
      expect(paths).toContain(script);
      expect(paths).toContain(`${script}.cache`);
    }
    expect(paths).toContain('dist/lib/index.js');
    expect(paths).toContain('dist/lib/index.d.ts');
    expect(paths).toContain('scenarios/twitter.yaml');
    expect(paths).toContain('schema/scenario.schema.json');
    // Sources stay out; the library's declarations (one bundled .d.ts) go in.
    expect(
      paths.filter(
        (p) => (/\.(ts|map|tgz)$/.test(p) && p !== 'dist/lib/index.d.ts') || p.includes('.tmp') || p.includes('test'),
      ),
    ).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.d.ts'))).toEqual(['dist/lib/index.d.ts']);
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

// The library (docs/api.md): imported by name from a plain ES module, and
// typechecked from TypeScript against the shipped declarations, with this
// checkout's compiler (the project installs no TypeScript of its own).
describe('the npm package as a library', () => {
  const node = (file: string) => spawnSync(process.execPath, [file], { cwd: project, env, encoding: 'utf8' });

  it("declares its entry: exports '.' with types and import, ESM only", () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'bote', 'package.json'), 'utf8'));
    expect(installed.exports['.']).toEqual({ types: './dist/lib/index.d.ts', import: './dist/lib/index.js' });
    expect(installed.types).toBe('./dist/lib/index.d.ts');
    expect(installed.type).toBe('module');
  });

  it('imports from a .mjs file: estimate, compare, explain, calc and BoteError', () => {
    writeFileSync(
      join(project, 'use.mjs'),
      [
        "import { BoteError, calc, compare, estimate, explain } from 'bote';",
        "const doc = await estimate('twitter');",
        "const both = await compare(['twitter', 'url-shortener']);",
        "const steps = await explain('twitter', ['qps']);",
        'let error;',
        "try { await estimate({ yaml: 'assumptions:\\n  a: 3 MBB\\n' }); } catch (e) { error = e; }",
        'console.log(JSON.stringify({ dau: doc.results.dau.value, file: doc.scenario.file, columns: both.columns.length,',
        '  steps: steps.steps.length, calc: calc("1 Gbps * 1 hour -> GiB").display,',
        '  error: error instanceof BoteError, diagnostic: error.diagnostics[0] }));',
      ].join('\n'),
    );
    const r = node('use.mjs');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      dau: 150e6,
      file: 'scenarios/twitter.yaml',
      columns: 2,
      steps: 5,
      calc: '419 GiB',
      error: true,
      diagnostic: { file: '<yaml>', line: 2, column: 8, code: 'unknown-unit' },
    });
  });

  it('typechecks a TypeScript consumer against the shipped types (tsc --noEmit, strict, no skipLibCheck)', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { BoteError, calc, compare, estimate, explain, type BoteDiagnostic, type EstimateDocument } from 'bote';",
        "const doc: EstimateDocument = await estimate('twitter', { set: { mau: '600M', dau: 1 }, samples: 1000, seed: 1 });",
        "const qps: number = doc.results['qps']!.value;",
        'const file: string | null = doc.scenario.file;',
        "const c = await compare(['twitter', { yaml: 'extends: twitter', file: 'x.yaml' }], { variants: [{ mau: '1bn' }] });",
        "const change: number | null | undefined = c.results['qps']?.changes[1];",
        "const answer = calc('1 Gbps * 1 hour -> GiB', { nouns: ['tweet'] });",
        'const value: number = answer.value;',
        'const notes: string[] = answer.notes;',
        "const spoken: string | undefined = (await explain('twitter', ['qps'])).steps[0]?.spoken;",
        'try {',
        "  calc('1 +');",
        '} catch (e) {',
        '  if (e instanceof BoteError) {',
        '    const first: BoteDiagnostic | undefined = e.diagnostics[0];',
        '    const line: number | null | undefined = first?.line;',
        '    console.log(e.message, line);',
        '  }',
        '}',
        '// @ts-expect-error: samples is a number',
        "await estimate('twitter', { samples: '1000' });",
        '// @ts-expect-error: there is no such option',
        "await estimate('twitter', { sets: {} });",
        'console.log(qps, file, change, value, notes, spoken);',
      ].join('\n'),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(project, 'tsconfig.json')], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('runs the example of docs/api.md, which prints what its comments say', () => {
    const page = readFileSync(join(root, 'docs', 'api.md'), 'utf8');
    const [, example] = /```js\n([\s\S]*?)```/.exec(page)!;
    writeFileSync(join(project, 'example.mjs'), example!);
    const r = node('example.mjs');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const expected = [...example!.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]);
    expect(r.stdout.trimEnd().split('\n')).toEqual(expected);
  });
});
