import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envelope } from '../../src/render/json.js';

const src = new URL('../../src/', import.meta.url).pathname;
const scenario = {
  name: 'demo',
  title: 'Demo',
  source: 'a book',
  file: 'demo.yaml',
  conventions: [{ unit: 'month' as const, text: '30 day' }],
};

describe('the JSON envelope', () => {
  it('puts version first, then the scenario it is about, then the body', () => {
    expect(JSON.stringify(envelope({ ok: true }))).toBe('{"version":1,"ok":true}');
    expect(JSON.stringify(envelope({ steps: [] }, scenario))).toBe(
      '{"version":1,"scenario":{"name":"demo","title":"Demo","file":"demo.yaml"},"steps":[]}',
    );
  });

  it('says where the figures come from in the estimate document (full)', () => {
    expect(envelope({}, scenario, { full: true }).scenario).toEqual({
      name: 'demo',
      title: 'Demo',
      source: 'a book',
      file: 'demo.yaml',
      conventions: { month: '30 day' },
    });
    // No file or source: null, as docs/json.md has it; no conventions restated: no key.
    expect(envelope({}, { name: 'x', title: 'X', conventions: [] }, { full: true }).scenario).toEqual({
      name: 'x',
      title: 'X',
      source: null,
      file: null,
    });
  });

  it('is the only place that writes the version', () => {
    const all = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? all(`${dir}${e.name}/`) : e.name.endsWith('.ts') ? [`${dir}${e.name}`] : [],
      );
    const writers = all(src)
      .filter((f) => /\bversion: 1\b/.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(src.length));
    expect(writers).toEqual(['render/json.ts']);
  });
});
