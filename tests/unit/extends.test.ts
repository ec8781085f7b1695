import { describe, expect, it } from 'vitest';
import { compileChain } from '../../src/core/scenario/compile.js';
import {
  MAX_EXTENDS_DEPTH,
  mergeChain,
  readChain,
  type ReadParent,
  type ScenarioText,
} from '../../src/core/scenario/extends.js';
import { validateScenarioData } from '../../src/core/scenario/schema.js';
import { parseScenarioSource } from '../../src/core/scenario/source.js';

// core/scenario/extends.ts without files: a reader over a map of texts.

const files = (texts: Record<string, string>): ReadParent => {
  return (ref) =>
    ref in texts
      ? { ok: true, value: { file: ref, text: texts[ref]!, id: ref } }
      : { ok: false, message: `no scenario named \`${ref}\``, hint: 'check the name' };
};
const start = (text: string, file = 'kid.yaml'): ScenarioText => ({ file, text, id: file });
const parse = (t: ScenarioText) => parseScenarioSource(t.text, t.file);

function data(text: string) {
  const parsed = parseScenarioSource(text);
  if (!parsed.ok) throw new Error(parsed.diagnostics[0]!.message);
  const d = parsed.value.data as Record<string, unknown>;
  const valid = validateScenarioData({ assumptions: {}, ...d });
  if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
  return valid.data;
}

describe('readChain', () => {
  it('follows extends: to a file that extends nothing, child first', () => {
    const chain = readChain(
      start('extends: mid\n'),
      files({ mid: 'extends: root\n', root: 'assumptions: { a: 1 }\n' }),
      parse,
    );
    expect(chain.texts.map((t) => t.file)).toEqual(['kid.yaml', 'mid', 'root']);
    expect(chain.sources.ok && chain.sources.value.map((s) => s.file)).toEqual(['kid.yaml', 'mid', 'root']);
  });

  it("refuses a parent it cannot read, at the extends value, with the reader's hint", () => {
    const text = 'title: t\nextends: nope\n';
    const chain = readChain(start(text), files({}), parse);
    expect(chain.sources.ok).toBe(false);
    if (chain.sources.ok) return;
    const [d] = chain.sources.diagnostics;
    expect(d).toMatchObject({ code: 'bad-extends', file: 'kid.yaml', message: 'extends: no scenario named `nope`' });
    expect(text.slice(d!.span!.start, d!.span!.end)).toBe('nope');
    expect(d!.hint).toBe('check the name');
  });

  it('reports a parse error of the parent in the parent, keeping its text for the message', () => {
    const chain = readChain(start('extends: bad\n'), files({ bad: 'assumptions:\n  a: [1\n' }), parse);
    expect(chain.sources.ok).toBe(false);
    if (chain.sources.ok) return;
    expect(chain.sources.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', file: 'bad' });
    expect(chain.texts.map((t) => t.file)).toEqual(['kid.yaml', 'bad']);
  });

  it('names a cycle from the file it starts at, at the extends: line that closes it', () => {
    const chain = readChain(start('extends: a\n'), files({ a: 'extends: b\n', b: 'extends: a\n' }), parse);
    expect(chain.sources.ok).toBe(false);
    if (chain.sources.ok) return;
    expect(chain.sources.diagnostics[0]).toMatchObject({
      code: 'cycle',
      file: 'b',
      message: 'these scenarios extend each other in a circle: a → b → a',
    });
  });

  it(`takes ${MAX_EXTENDS_DEPTH} steps, not one more`, () => {
    // f0 extends f1 ... extends f(n); f(n) extends nothing: n steps.
    const chainOf = (steps: number) => {
      const texts: Record<string, string> = {};
      for (let i = 1; i < steps; i++) texts[`f${i}`] = `extends: f${i + 1}\n`;
      texts[`f${steps}`] = 'assumptions: { a: 1 }\n';
      return readChain(start('extends: f1\n', 'f0'), files(texts), parse);
    };
    expect(chainOf(MAX_EXTENDS_DEPTH).sources.ok).toBe(true);
    const deep = chainOf(MAX_EXTENDS_DEPTH + 1).sources;
    expect(deep.ok).toBe(false);
    if (deep.ok) return;
    expect(deep.diagnostics[0]).toMatchObject({ code: 'bad-extends', file: `f${MAX_EXTENDS_DEPTH}` });
    expect(deep.diagnostics[0]!.message).toContain(`more than ${MAX_EXTENDS_DEPTH} levels deep: f0 → f1`);
  });
});

describe('mergeChain', () => {
  const parent = data(
    'title: P\nsource: book\nnouns: [tweet]\nconventions: { day: 100000 s }\nassumptions:\n  a: 1\n  b: { value: 2, note: two }\nderived:\n  c: a + b\nexpect:\n  c: 3\n',
  );

  it('merges by name, key by key and as a union, each entry knowing its file', () => {
    const child = data('nouns: [order, tweet]\nassumptions:\n  b: 5\n  d: 4\nconventions: { month: 30 day }\n');
    const merged = mergeChain([child, parent]);
    expect(merged.data.title).toBe('P');
    expect(merged.data.nouns).toEqual(['tweet', 'order']);
    expect(merged.data.conventions).toEqual({ day: '100000 s', month: '30 day' });
    // b keeps its place, replaced whole (no note); d comes after.
    expect(merged.data.assumptions).toEqual({ a: '1', b: '5', d: '4' });
    expect(merged.writtenAt(['assumptions', 'b', 'value'])).toEqual({ index: 0, path: ['assumptions', 'b', 'value'] });
    expect(merged.writtenAt(['assumptions', 'a'])).toEqual({ index: 1, path: ['assumptions', 'a'] });
    expect(merged.writtenAt(['nouns', 1])).toEqual({ index: 0, path: ['nouns', 0] });
    expect(merged.writtenAt([])).toEqual({ index: 0, path: [] });
  });

  it('lets a child define as a formula what the parent assumed', () => {
    const merged = mergeChain([data('derived:\n  a: 7 * 1\n'), parent]);
    expect(merged.data.assumptions).toEqual({ b: { value: '2', note: 'two' } });
    expect(Object.keys(merged.data.derived!)).toEqual(['c', 'a']);
  });

  it('tells a changed value from a restated one, and a changed calendar', () => {
    const noted = mergeChain([data('assumptions:\n  b: { value: 2, note: again }\n'), parent]);
    expect(noted.differsFrom(1, 'b')).toBe(false);
    const changed = mergeChain([data('assumptions:\n  b: 3\n'), parent]);
    expect(changed.differsFrom(1, 'b')).toBe(true);
    expect(changed.differsFrom(1, 'a')).toBe(false);
    expect(changed.calendarDiffersFrom(1)).toBe(false);
    expect(mergeChain([data('conventions: { day: 86400 s }\n'), parent]).calendarDiffersFrom(1)).toBe(true);
  });
});

describe('compileChain: inherited published figures', () => {
  const parse = (text: string, file: string) => {
    const r = parseScenarioSource(text, file);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    return r.value;
  };
  const parent = parse(
    'assumptions:\n  a: 1\n  b: 2\n  z: 9\nderived:\n  c: a + b\n  d: c * 2\n  y: z * 1\nexpect:\n  d: 6\n  y: 9\n',
    'p.yaml',
  );

  it('sets aside those that depend, transitively, on what the child changes; checks the rest', () => {
    const r = compileChain([parse('extends: p\nassumptions:\n  a: 10\n', 'k.yaml'), parent]);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    // d = (a + b) × 2 uses a through c: set aside; y = z does not.
    expect(r.value.setAside).toEqual(['d']);
    expect(r.value.expectations.map((e) => [e.name, e.file])).toEqual([['y', 'p.yaml']]);
  });

  it("checks the child's own published figures, even of what it changes", () => {
    const r = compileChain([parse('extends: p\nassumptions:\n  a: 10\nexpect:\n  d: 24\n', 'k.yaml'), parent]);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.setAside).toEqual([]);
    expect(r.value.expectations.map((e) => [e.name, e.file])).toEqual([
      ['d', 'k.yaml'],
      ['y', 'p.yaml'],
    ]);
  });
});
