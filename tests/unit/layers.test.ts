import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of src/core, bottom up. A layer imports only the layers it
// lists (and itself); docs/architecture.md draws the same picture:
//
//   analysis   what is done with a model: explain, sample, sensitivity, sweep, growth, what-if
//   calc       the calculator: one expression, no scenario
//   scenario   a scenario file, read, checked and run; input syntax (ranges) and figures' units
//   reference  tables of numbers (latency, availability, powers, capacity): beside the rest
//   expr       formulas: tokens, parser, dimension checking, code generation
//   units      dimensions, units, quantities
//   base       diagnostic.ts and suggest.ts: errors as values, did-you-mean
const LAYERS = {
  base: [],
  units: ['base'],
  expr: ['units', 'base'],
  reference: ['units', 'base'],
  scenario: ['expr', 'reference', 'units', 'base'],
  calc: ['expr', 'units', 'base'],
  analysis: ['scenario', 'reference', 'expr', 'units', 'base'],
} as const satisfies Record<string, readonly string[]>;
type Layer = keyof typeof LAYERS;

/** The layer of a file, by its path under src/core: its folder, or its own name at the top. */
function layerOf(path: string): Layer | undefined {
  const [first] = path.split('/');
  if (path === 'diagnostic.ts' || path === 'suggest.ts') return 'base';
  if (path === 'calc.ts') return 'calc';
  return first !== undefined && Object.hasOwn(LAYERS, first) && path.includes('/') ? (first as Layer) : undefined;
}

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const core = join(root, 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names: static and type imports, re-exports and import() of a literal. */
function importsOf(text: string): string[] {
  const named = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const bare = [...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const dynamic = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...named, ...bare, ...dynamic];
}

interface Edge {
  from: string;
  /** Relative to src/core when inside it; else relative to src/ with `../`, or a package name. */
  to: string;
}

const edges: Edge[] = files(core).flatMap((file) =>
  importsOf(readFileSync(file, 'utf8')).map((spec) => ({
    from: relative(core, file),
    to: spec.startsWith('.') ? relative(core, resolve(dirname(file), spec)).replace(/\.js$/, '.ts') : spec,
  })),
);

/** The imports between files of src/core (not those of packages, such as yaml and zod). */
const inside = edges.filter((e) => !e.to.startsWith('..') && e.to.endsWith('.ts'));

describe('the layers of src/core', () => {
  it('reads the imports of every file (the test itself sees something)', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(edges).toContainEqual({ from: 'scenario/compile.ts', to: 'expr/parser.ts' });
  });

  it('places every file of src/core in a layer', () => {
    const unplaced = files(core)
      .map((f) => relative(core, f))
      .filter((f) => layerOf(f) === undefined);
    expect(unplaced).toEqual([]);
  });

  it('imports nothing from outside src/core but packages (no cli, no render)', () => {
    const outside = edges.filter((e) => e.to.startsWith('..'));
    expect(outside).toEqual([]);
  });

  it('imports only the layers below, as LAYERS states them', () => {
    const against = inside
      .filter((e) => {
        const from = layerOf(e.from)!;
        const to = layerOf(e.to);
        return to !== from && !(LAYERS[from] as readonly string[]).includes(to ?? '');
      })
      .map((e) => `${e.from} (${layerOf(e.from)}) -> ${e.to} (${layerOf(e.to)})`);
    expect(against).toEqual([]);
  });

  it('units imports nothing from expr, and expr nothing from scenario', () => {
    const bad = inside
      .filter(
        (e) =>
          (layerOf(e.from) === 'units' && layerOf(e.to) === 'expr') ||
          (layerOf(e.from) === 'expr' && layerOf(e.to) === 'scenario'),
      )
      .map((e) => `${e.from} -> ${e.to}`);
    expect(bad).toEqual([]);
  });
});
