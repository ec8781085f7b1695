import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, type Document } from 'yaml';
import { MAX_NESTING, readDocument, YAML_OPTIONS } from '../../src/core/scenario/source.js';

// source.ts lexes a file with a flow collection once, reads its depth off the
// tokens and hands them to the parser (readDocument), where parseDocument
// would lex it again: the document must be the one parseDocument makes, with
// the same errors at the same places, for any text.

const piece = fc.constantFrom(
  'a',
  'name',
  'x_1',
  ': ',
  ':',
  ', ',
  ',',
  '{',
  '}',
  '[',
  ']',
  '{ ',
  ' }',
  "'q'",
  "'it''s'",
  '"d\\"q"',
  '"',
  "'",
  '# c',
  ' #x',
  '\n',
  '\n  ',
  '\n    ',
  '\t',
  '- ',
  '---\n',
  '...\n',
  '&a ',
  '*a',
  '!t ',
  '|\n  b',
  '>-\n  f',
  '%YAML 1.2\n',
  '1e3',
  '50%',
  '$0.02/GB',
  'é',
  '✓',
);
const text = fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(''));

/** What tells two documents apart: their data, errors, warnings and where the contents stand. */
function shape(doc: Document) {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    data = `throws ${(e as Error).name}`;
  }
  const problems = (list: readonly { code: string; pos: [number, number]; message: string }[]) =>
    list.map((e) => ({ code: e.code, pos: e.pos, message: e.message }));
  return {
    data,
    errors: problems(doc.errors),
    warnings: problems(doc.warnings),
    range: doc.contents?.range ?? null,
    range0: doc.range,
  };
}

describe('a scenario text is read as parseDocument reads it, lexed once', () => {
  it('the same document, errors and places for any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const read = readDocument(t);
        if ('deep' in read) return; // nested past the limit: refused before any parse
        expect(shape(read)).toEqual(shape(parseDocument(t, YAML_OPTIONS)));
      }),
      { numRuns: 2000 },
    );
  });

  it('the built-in scenarios too', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const t = readFileSync(new URL(f, dir), 'utf8');
      const read = readDocument(t);
      expect('deep' in read, f).toBe(false);
      expect(shape(read as Document), f).toEqual(shape(parseDocument(t, YAML_OPTIONS)));
    }
  });

  it('refuses a flow collection nested past the limit at the bracket that passes it', () => {
    const t = `a: ${'['.repeat(MAX_NESTING + 1)}1${']'.repeat(MAX_NESTING + 1)}\n`;
    expect(readDocument(t)).toEqual({ deep: 3 + MAX_NESTING });
  });
});
