import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, withGenerated } from '../../scripts/docs.js';

const root = new URL('../../', import.meta.url);

// The unit and function lists of the docs are read off the tables; `npm run docs` writes them.
describe('generated docs', () => {
  it.each(GENERATED.map((g) => [`${g.file}: ${g.name}`, g] as const))(
    '%s is current (else run `npm run docs`)',
    (_, g) => {
      const text = readFileSync(new URL(g.file, root), 'utf8');
      expect(withGenerated(text, g.name, g.text())).toBe(text);
    },
  );

  it('lists every unit and every function', () => {
    const units = readFileSync(new URL('docs/units.md', root), 'utf8');
    for (const name of ['B', 'bps', 'week', 'request/s', 'thousand']) expect(units).toContain(`| \`${name}\` |`);
    for (const name of ['ceil', 'servers', 'cache_80_20']) expect(units).toContain(`| \`${name}(`);
    expect(readFileSync(new URL('README.md', root), 'utf8')).toContain(
      '`ceil floor round min max abs sqrt log log2 log10 servers shards cache_80_20`',
    );
  });

  it('refuses a file without the markers', () => {
    expect(() => withGenerated('no markers here', 'units', 'x')).toThrow(/no markers/);
  });
});
