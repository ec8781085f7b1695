import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VENDORED } from '../../bin/load-bundle.js';
import { modules } from '../../src/cli/vendor.js';
import { ROOT } from '../helpers/run-bote.js';

// dist/vendor.cjs holds only what src/cli/vendor.ts names of the YAML parser
// and zod, and dist/cli.cjs asks it for them by module name: a name src
// imports but vendor.ts leaves out would be undefined in the built command
// line only (the tests run the sources), so every import is checked here.

/** The values each file of src takes from `id`: named imports, `await import(id)` destructured, and `ns.name(` of a namespace import. */
function usedOf(id: string): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const quoted = `['"]${id.replace('/', '\\/')}['"]`;
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const names: string[] = [];
    for (const m of text.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*${quoted}`, 'g')))
      names.push(...valueNames(m[1]!));
    for (const m of text.matchAll(new RegExp(`const\\s*\\{([^}]*)\\}\\s*=\\s*await\\s+import\\(${quoted}\\)`, 'g')))
      names.push(...valueNames(m[1]!));
    for (const m of text.matchAll(new RegExp(`import\\s*\\*\\s*as\\s+(\\w+)\\s+from\\s*${quoted}`, 'g')))
      for (const call of text.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)\\(`, 'g'))) names.push(call[1]!);
    if (names.length) used.set(file.slice(ROOT.length + 1), names);
  }
  return used;
}

function valueNames(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('type '))
    .map((s) => s.split(/\s+as\s+/)[0]!);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the vendored modules', () => {
  it('are the modules the loader sends to dist/vendor.cjs', () => {
    expect(Object.keys(modules).sort()).toEqual([...VENDORED].sort());
  });

  it.each(VENDORED)('%s: everything src takes of it is in src/cli/vendor.ts', (id) => {
    const used = usedOf(id);
    // The sources do import it (else this test would check nothing).
    expect(used.size).toBeGreaterThan(0);
    const held = new Set(Object.keys(modules[id as keyof typeof modules]));
    const missing = [...used].flatMap(([file, names]) => names.filter((n) => !held.has(n)).map((n) => `${file}: ${n}`));
    expect(missing).toEqual([]);
  });
});
