import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema, validateScenarioData } from '../../src/core/scenario/schema.js';

// validateScenarioData does not walk `derived:` through the schema when every
// figure is a formula written as text under a valid name: it must give what
// the schema gives, data (key order included) and issues alike.
const name = fc.oneof(
  fc.constantFrom('dau', 'qps', 'x1', '_y', 'peak_qps'),
  fc.constantFrom('1bad', 'bad-name', 'é', ''),
);
const entry = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('dau * 2', 'qps / 86400', '1', '') },
  { weight: 1, arbitrary: fc.constantFrom(3, null, true, ['a']) },
  { weight: 1, arbitrary: fc.constantFrom({ expr: 'dau * 2' }, { expr: 'x', unit: 'GB' }, { unit: 'GB' }) },
);
const derived = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(name, entry, { maxKeys: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, 'text', [], 5) },
);

describe('validateScenarioData', () => {
  it('gives what the schema gives, for formulas as text or not', () => {
    fc.assert(
      fc.property(derived, fc.boolean(), fc.boolean(), (d, first, badTitle) => {
        const rest = { name: 'demo', ...(badTitle ? { title: [] } : { title: 'Demo' }), assumptions: { a: '1' } };
        const data = first ? { derived: d, ...rest } : { ...rest, derived: d };
        const fast = validateScenarioData(data);
        const schema = ScenarioSchema.safeParse(data);
        expect(fast.ok).toBe(schema.success);
        if (fast.ok && schema.success) {
          expect(fast.data).toEqual(schema.data);
          expect(JSON.stringify(fast.data)).toBe(JSON.stringify(schema.data));
        }
        if (!fast.ok && !schema.success) expect(fast.issues).toEqual(schema.error.issues);
      }),
      { numRuns: 1000 },
    );
  });
});
