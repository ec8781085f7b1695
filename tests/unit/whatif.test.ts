import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileChain } from '../../src/core/scenario/compile.js';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import { parseScenarioSource } from '../../src/core/scenario/source.js';
import type { Model } from '../../src/core/scenario/model.js';
import { applyEdits, delta, fileText, resetEdit, tryEdit, type Edits } from '../../src/core/analysis/whatif.js';
import { saveScenario } from '../../src/cli/interactive/splice.js';
import { formatDelta } from '../../src/render/number.js';
import { moveSchemaRef } from '../../src/cli/interactive/save.js';
import { moveExtendsRef } from '../../src/cli/load.js';

const scenarioText = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url)), 'utf8');

function compile(text: string, name = 'test'): Model {
  const r = compileScenario(text, { name });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

const twitter = compile(scenarioText('twitter'), 'twitter');
const fig = (m: Model, name: string) => m.byName.get(name)!.index;
const edits = (...pairs: Array<[string, string]>): Edits => new Map(pairs);

function ok<T>(r: { ok: true; value: T } | { ok: false; diagnostics: Array<{ message: string }> }): T {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

describe('delta', () => {
  it('is the relative change, 0 for ties and float noise, null from zero', () => {
    expect(delta(100, 200)).toBe(1);
    expect(delta(100, 50)).toBe(-0.5);
    expect(delta(3, 3)).toBe(0);
    expect(delta(0.1 + 0.2, 0.3)).toBe(0);
    expect(delta(0, 0)).toBe(0);
    expect(delta(0, 5)).toBeNull();
  });

  it('formats as +100%, -50%, 0%, new', () => {
    expect(formatDelta(1)).toBe('+100%');
    expect(formatDelta(-0.5)).toBe('-50%');
    expect(formatDelta(0)).toBe('0%');
    expect(formatDelta(0.0325)).toBe('+3.3%');
    expect(formatDelta(1 / 1003 - 1)).toBe('-99.9%');
    expect(formatDelta(-0.999999)).toBe('-99.99%');
    expect(formatDelta(-1)).toBe('-100%');
    expect(formatDelta(-0.126)).toBe('-13%');
    expect(formatDelta(null)).toBe('new');
  });
});

describe('applyEdits', () => {
  it('gives the original values and no change without edits', () => {
    const w = ok(applyEdits(twitter, new Map()));
    expect(w.values).toEqual(w.original);
    expect(w.deltas.every((d) => d === 0)).toBe(true);
    expect(w.values[fig(twitter, 'dau')]).toBeCloseTo(150e6);
  });

  it('doubles everything downstream of dau, and nothing else', () => {
    const w = ok(applyEdits(twitter, edits(['dau', '300M'])));
    for (const n of ['dau', 'qps', 'peak_qps', 'media_storage_per_day', 'media_storage_total'])
      expect(w.deltas[fig(twitter, n)]).toBeCloseTo(1);
    for (const n of ['mau', 'daily_active', 'media_size']) expect(w.deltas[fig(twitter, n)]).toBe(0);
  });

  it('halves storage with half the media size, and leaves qps alone', () => {
    const w = ok(applyEdits(twitter, edits(['media_size', '500 KB/tweet'])));
    expect(w.deltas[fig(twitter, 'media_storage_total')]).toBeCloseTo(-0.5);
    expect(w.deltas[fig(twitter, 'qps')]).toBe(0);
  });

  it('reads a range at its median, as --set does', () => {
    const w = ok(applyEdits(twitter, edits(['mau', '100M to 900M'])));
    expect(w.values[fig(twitter, 'mau')]).toBeCloseTo(300e6);
    expect(w.overrides.get('mau')?.range).toMatchObject({ dist: 'lognormal' });
  });
});

describe('tryEdit', () => {
  it('refuses a wrong dimension with a message fit for a prompt', () => {
    const r = tryEdit(twitter, new Map(), 'dau', '2MB');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]!.message).toBe('`dau` is in user, not MB');
    expect(r.diagnostics[0]!.message).not.toContain('--set');
  });

  it('refuses an unknown unit, an empty text and a division by zero', () => {
    expect(tryEdit(twitter, new Map(), 'media_size', '2 MBB/tweet').ok).toBe(false);
    expect(tryEdit(twitter, new Map(), 'dau', '   ').ok).toBe(false);
    const divides = compile('assumptions:\n  n: 10 user\n  per: 2 user/server\nderived:\n  servers: n / per\n');
    const r = tryEdit(divides, new Map(), 'per', '0');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('not-finite');
  });

  it('accepts a plain number in the figure unit and keeps the other edits', () => {
    const first = ok(tryEdit(twitter, new Map(), 'media_size', '2 MB/tweet'));
    const next = ok(tryEdit(twitter, first.edits, 'dau', '300M'));
    expect([...next.edits]).toEqual([
      ['media_size', '2 MB/tweet'],
      ['dau', '300M'],
    ]);
    expect(next.whatIf.deltas[fig(twitter, 'media_storage_total')]).toBeCloseTo(3);
  });

  it('resets one edit, or all', () => {
    const e = edits(['dau', '300M'], ['media_size', '2 MB/tweet']);
    expect([...resetEdit(e, 'dau').keys()]).toEqual(['media_size']);
    expect(resetEdit(e).size).toBe(0);
    expect(e.size).toBe(2);
  });
});

describe('fileText', () => {
  it('writes the figure unit after a plain number, and keeps a written unit', () => {
    expect(fileText(twitter, 'dau', '300M')).toBe('300M user');
    expect(fileText(twitter, 'mau', '100M to 300M')).toBe('100M to 300M user');
    expect(fileText(twitter, 'media_size', '2 MB/tweet')).toBe('2 MB/tweet');
    expect(fileText(twitter, 'daily_active', '60%')).toBe('60%');
  });
});

describe('saveScenario', () => {
  const original = scenarioText('twitter');

  it('sets value: in { value, note } and keeps every other line as written', () => {
    const text = ok(saveScenario(twitter, edits(['media_size', '2 MB/tweet'])));
    const before = original.split('\n');
    const after = text.split('\n');
    // The two storage figures changed: their published values went, with their lines; the rest stayed.
    expect(after).toEqual(
      before
        .filter((l) => !/^ {2}media_storage_(per_day|total): [~\d]/.test(l))
        .map((l) =>
          l.startsWith('  media_size:') ? '  media_size: { value: 2 MB/tweet, note: average media attachment }' : l,
        ),
    );
    expect(text).toContain('expect:\n  dau: 150 million user\n  qps: ~3500 tweet/s\n  peak_qps: ~7000 tweet/s\n');
  });

  it('replaces a plain assumption in place, with its unit', () => {
    const text = ok(saveScenario(twitter, edits(['mau', '400M'])));
    expect(text).toContain('  mau: 400M user\n');
    expect(text.split('\n').filter((l) => !original.split('\n').includes(l))).toEqual([
      '  mau: 400M user',
      'expect: {}  # the published figures were for the original assumptions',
    ]);
  });

  it('pins a result by writing its quantity as the formula, and compiles to the edited values', () => {
    const e = edits(['dau', '300M']);
    const text = ok(
      saveScenario(twitter, e, { name: 'twitter-whatif', header: ['what-if of twitter', '  dau: 300M user'] }),
    );
    expect(text).toContain('  dau: { expr: 300M user, unit: user, section: traffic }');
    expect(text).toMatch(
      /^# yaml-language-server: [^\n]+\n# what-if of twitter\n# {3}dau: 300M user\nname: twitter-whatif\n/,
    );
    expect(text).toContain('expect: {}');
    const saved = compile(text, 'twitter-whatif');
    expect(saved.name).toBe('twitter-whatif');
    const w = ok(applyEdits(twitter, e));
    const again = ok(applyEdits(saved, new Map()));
    expect(again.values[fig(saved, 'qps')]).toBeCloseTo(w.values[fig(twitter, 'qps')]!);
    expect(saved.expectations).toHaveLength(0);
  });

  it('writes a range to an assumption, and refuses one for a result', () => {
    const text = ok(saveScenario(twitter, edits(['mau', '100M to 900M'])));
    expect(text).toContain('  mau: 100M to 900M user\n');
    expect(compile(text).byName.get('mau')!.range).toBeDefined();
    const r = saveScenario(twitter, edits(['dau', '100M to 300M']));
    expect(r.ok).toBe(false);
  });

  it('replaces low/high with value, through the Document API', () => {
    const m = compile(
      '# guesses\nassumptions:\n  n: { low: 1M user, high: 9M user, note: users }  # how many\n  rate: 2 req/user/day\nderived:\n  rps: { expr: n * rate, unit: req/s }\n',
    );
    const text = ok(saveScenario(m, edits(['n', '5M'])));
    expect(text).toContain('# guesses');
    expect(text).toMatch(/n: \{ ?note: users, value: 5M user ?\}|n: \{ ?value: 5M user, note: users ?\}/);
    expect(text).not.toContain('low:');
  });

  it('never changes the model or its text', () => {
    const before = twitter.text;
    saveScenario(twitter, edits(['dau', '300M']), { name: 'x' });
    expect(twitter.text).toBe(before);
  });

  it('points a relative schema modeline from the new place', () => {
    const moved = moveSchemaRef(
      '# yaml-language-server: $schema=../schema/s.json\nname: x\n',
      '/repo/scenarios/t.yaml',
      '/repo/out/deep/t.yaml',
    );
    expect(moved).toBe('# yaml-language-server: $schema=../../schema/s.json\nname: x\n');
    expect(moveSchemaRef('# yaml-language-server: $schema=https://x/s.json\n', '/a/b.yaml', '/c/d.yaml')).toContain(
      'https://x/s.json',
    );
  });
});

describe('saveScenario of a variant (extends:)', () => {
  // A variant of twitter that overrides mau only; the parent as the loader reads it.
  const variantText = 'extends: twitter\ntitle: Bigger\nassumptions:\n  mau: 600 million user\n';
  const parse = (text: string, file: string) => {
    const r = parseScenarioSource(text, file);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    return r.value;
  };
  const variant = ok(
    compileChain([parse(variantText, 'bigger.yaml'), parse(scenarioText('twitter'), 'scenarios/twitter.yaml')], {
      name: 'bigger',
    }),
  );

  it('writes an inherited assumption into the variant, which still extends its parent', () => {
    const text = ok(saveScenario(variant, edits(['retention', '7 year'])));
    expect(text).toContain('extends: twitter\n');
    expect(text).toMatch(/assumptions:\n {2}mau: 600 million user\n {2}retention: 7 year\n/);
    expect(text).not.toContain('daily_active');
  });

  it('points a relative extends: path from the new place; a name stays a name', () => {
    expect(moveExtendsRef('extends: ./base.yaml  # the base\nname: x\n', '/r/a/kid.yaml', '/r/b/c/kid.yaml')).toBe(
      'extends: ../../a/base.yaml  # the base\nname: x\n',
    );
    expect(moveExtendsRef('extends: "../base.yaml"\n', '/r/a/kid.yaml', '/r/kid.yaml')).toBe(
      'extends: "./base.yaml"\n',
    );
    expect(moveExtendsRef('extends: twitter\n', '/r/a/kid.yaml', '/q/kid.yaml')).toBe('extends: twitter\n');
  });
});

describe("saveScenario: a default the user changes is the user's", () => {
  it('drops origin: default and ref: from an edited assumption, and keeps them on the others', () => {
    const text = ok(saveScenario(twitter, edits(['app_server_rps', '2000'])));
    const saved = compile(text, 'twitter-whatif');
    expect(saved.byName.get('app_server_rps')).toMatchObject({ origin: 'source', value: 2000 });
    expect(saved.byName.get('app_server_rps')!.ref).toBeUndefined();
    expect(saved.byName.get('cache_node_memory')).toMatchObject({ origin: 'default', ref: 'H8' });
    // Cut in place: every other line as written.
    expect(text).toContain('  app_server_rps: { value: 2000 request/s/server }\n');
    const body = (t: string) =>
      t.split('\n').filter((l) => !l.startsWith('#') && !l.startsWith('name:') && !l.includes('app_server_rps: {'));
    expect(body(text)).toEqual(body(scenarioText('twitter')));
  });

  it('cuts the pair and its comma from the middle of a flow mapping, and whole lines from a block one', () => {
    const text = [
      'assumptions:',
      '  ratio: { value: 100, origin: default, ref: M7, note: reads per write }',
      '  copies:',
      '    value: 3',
      '    origin: default  # bote adds it',
      '    ref: M10',
      '    note: replicas',
      'derived:',
      '  out: ratio * copies',
      '',
    ].join('\n');
    const m = compile(text);
    const saved = ok(saveScenario(m, edits(['ratio', '10'], ['copies', '2'])));
    expect(saved).toBe(
      text
        .replace(
          '{ value: 100, origin: default, ref: M7, note: reads per write }',
          '{ value: 10, note: reads per write }',
        )
        .replace('    value: 3\n    origin: default  # bote adds it\n    ref: M10\n', '    value: 2\n'),
    );
  });
});
