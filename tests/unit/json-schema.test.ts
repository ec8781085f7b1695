import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/core/scenario/json-schema.js';

const root = new URL('../../', import.meta.url);

describe('schema/scenario.schema.json', () => {
  it('is what the zod schema generates now (run `npm run build` after changing the schema)', () => {
    const shipped = JSON.parse(readFileSync(new URL('schema/scenario.schema.json', root), 'utf8'));
    expect(shipped).toEqual(scenarioJsonSchema());
  });

  it('is draft-07, closed to unknown keys, and names the keys of a scenario', () => {
    const schema = scenarioJsonSchema() as {
      $schema: string;
      additionalProperties: boolean;
      required?: string[];
      anyOf: unknown[];
      properties: Record<string, unknown>;
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    // Issue 14: a variant (`extends:`) may leave `assumptions` out; a scenario that extends nothing may not.
    expect(schema.required).toBeUndefined();
    expect(schema.anyOf).toEqual([{ required: ['assumptions'] }, { required: ['extends'] }]);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'extends',
        'name',
        'title',
        'source',
        'nouns',
        'conventions',
        'assumptions',
        'derived',
        'expect',
        'omitted',
      ]),
    );
    // The keys issue 10 added, for editors to complete: origin and ref of an assumption, section and headline of a result.
    const text = JSON.stringify(schema);
    for (const key of ['"origin"', '"ref"', '"section"', '"headline"']) expect(text).toContain(key);
  });

  it('is named by the first line of every built-in scenario', () => {
    const dir = new URL('scenarios/', root);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const first = readFileSync(new URL(file, dir), 'utf8').split('\n')[0];
      expect(first, file).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
    }
  });
});
