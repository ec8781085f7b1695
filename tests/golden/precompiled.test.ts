import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useReader } from '../../src/cli/builtins.js';
import * as reader from '../../src/cli/reader.js';
import type { PathKey } from '../../src/core/scenario/source.js';
import { precompiledSource, type Precompiled, type SpanNode } from '../../src/core/scenario/precompiled.js';
import { parseYamlSource, precompile } from '../../src/core/scenario/source.js';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run-bote.js';

// A built-in is read from data the build shipped (dist/builtins/, made by
// scripts/build-builtins.ts) instead of through the YAML parser and the
// schema. The two paths must not be told apart: the same output, byte for
// byte, for every built-in and every command that reads one, and the same
// places for every message.

const builtins = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => basename(f, '.yaml'))
  .sort();
const textOf = (name: string) => readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8');

/** Every path of a tree, and under each a name and an index that are not there. */
function paths(node: SpanNode | null, at: PathKey[] = []): PathKey[][] {
  const here: PathKey[][] = [at, [...at, 'not_there'], [...at, 0], [...at, 99]];
  if (!node) return here;
  const inner = node.m
    ? Object.entries(node.m).flatMap(([k, [, v]]) => paths(v, [...at, k]))
    : (node.q ?? []).flatMap((item, i) => paths(item, [...at, i]));
  return [...here, ...inner];
}

describe('every built-in, shipped precompiled', () => {
  it.each(builtins)('%s: the build ships it, made from the text as it is', (name) => {
    const file = join(ROOT, 'dist', 'builtins', `${name}.json`);
    expect(existsSync(file), `${file}: run npm run build`).toBe(true);
    const shipped = JSON.parse(readFileSync(file, 'utf8')) as Precompiled;
    expect(shipped).toEqual(precompile(textOf(name)));
  });

  it.each(builtins)('%s: locates every part where the parsed file does', (name) => {
    const text = textOf(name);
    const parsed = parseYamlSource(text, 'f.yaml');
    if (!parsed.ok) throw new Error(parsed.diagnostics[0]!.message);
    const shipped = precompiledSource(precompile(text)!, 'f.yaml');
    expect(shipped.data).toEqual(parsed.value.data);
    expect(shipped.checked()).toEqual(parsed.value.checked());
    for (const path of paths(precompile(text)!.tree)) {
      for (const part of ['key', 'value'] as const)
        expect(shipped.locate(path, part), `${path.join('.')} ${part}`).toEqual(parsed.value.locate(path, part));
      const [a, b] = [shipped.offsetIn(path), parsed.value.offsetIn(path)];
      for (const i of [0, 1, 3]) expect(a(i), `${path.join('.')} +${i}`).toBe(b(i));
    }
  });
});

// The same commands in two folders: one where a name reaches the built-in
// (read from dist/builtins/), one with a copy of every built-in in
// ./scenarios/, which a name reaches first and which is read in full.
describe('a built-in read from the build and read in full', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'bote-precompiled-'));
  const shippedDir = join(tmp, 'shipped');
  const fullDir = join(tmp, 'full');
  mkdirSync(shippedDir);
  cpSync(join(ROOT, 'scenarios'), join(fullDir, 'scenarios'), { recursive: true });
  // A user's variant of a built-in, and one that breaks a figure of the built-in it extends.
  for (const dir of [shippedDir, fullDir]) {
    writeFileSync(join(dir, 'variant.yaml'), 'extends: twitter\nassumptions:\n  mau: 400 million user\n');
    writeFileSync(join(dir, 'broken.yaml'), 'extends: twitter\nassumptions:\n  mau: 400 GB\n');
  }
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // Counts the files read in full.
  let fullReads = 0;
  beforeEach(() =>
    useReader({
      parseScenarioSource: (...args) => {
        fullReads++;
        return reader.parseScenarioSource(...args);
      },
    }),
  );
  afterEach(() => useReader(reader));

  const commands = (name: string): string[][] => [
    ['estimate', name, '--json'],
    ['estimate', name, '--no-color'],
    ['estimate', name, '--format', 'markdown'],
    ['estimate', name, '--mental', '--no-color'],
    ['explain', name, '--no-color'],
    ['check', name, '--no-color'],
    ['validate', name],
  ];

  async function both(args: string[]) {
    fullReads = 0;
    const shipped = await runInProcess(args, { cwd: shippedDir });
    const shippedReads = fullReads;
    const full = await runInProcess(args, { cwd: fullDir });
    return { shipped, full, shippedReads, fullReads: fullReads - shippedReads };
  }

  it.each(builtins)('%s: the same output for every command', async (name) => {
    for (const args of commands(name)) {
      const r = await both(args);
      expect(r.shipped, args.join(' ')).toEqual(r.full);
      expect([r.shippedReads, r.fullReads > 0], args.join(' ')).toEqual([0, true]);
    }
  });

  it.each([
    ['estimate', 'twitter', '--set', 'dau=200M', '--json'],
    ['estimate', 'twitter', '--set', 'dau=200 GB', '--json'],
    ['sensitivity', 'twitter', '--no-color'],
    ['estimate', 'variant.yaml', '--json'],
    ['estimate', 'broken.yaml', '--no-color'],
    ['compare', 'twitter', 'variant.yaml', '--json'],
  ])('%s %s %s %s %s', async (...args) => {
    const r = await both(args);
    expect(r.shipped).toEqual(r.full);
  });
});
