import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The engine's layers, lowest first: a file may import from its own layer and
 * the ones below, never from above (docs/units.md, "Where units and functions
 * live"). A place is a folder of src/core, or a file at its top.
 *
 *   base (diagnostic, suggest) → units → expr → scenario → analysis
 *
 * Ranked so far: the base, units and expr; the places not yet ranked count as
 * above them (issue 12 ranks the rest: scenario, uncertainty, explain...).
 */
const RANK: Record<string, number> = {
  'diagnostic.ts': 0,
  'suggest.ts': 0,
  units: 1,
  expr: 2,
};

const core = resolve(new URL('../../src/core/', import.meta.url).pathname);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** `units` for src/core/units/registry.ts, `calc.ts` for src/core/calc.ts. */
function placeOf(path: string): string {
  return relative(core, path).split('/')[0]!;
}

/** The files of src/core a file imports, statically or with import(), types included. */
function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!);
  return specifiers.map((s) => resolve(dirname(path), s).replace(/\.js$/, '.ts')).filter((p) => p.startsWith(core));
}

const ranked = files(core).filter((f) => RANK[placeOf(f)] !== undefined);

describe('layers of src/core', () => {
  it('reads the imports it checks', () => {
    expect(importsOf(join(core, 'expr', 'check.ts')).map(placeOf)).toContain('units');
    expect(ranked.length).toBeGreaterThan(10);
  });

  it.each(ranked.map((f) => [relative(core, f), f] as const))('%s imports nothing from a layer above its own', (_, path) => {
    const rank = RANK[placeOf(path)]!;
    const above = importsOf(path).filter((p) => (RANK[placeOf(p)] ?? Infinity) > rank).map((p) => relative(core, p));
    expect(above).toEqual([]);
  });
});
