// estimate reads only the derived figures' columns, so sampleModel may draw
// the other inputs a block at a time into reused buffers ('wanted only'),
// each column from its own generator started where the whole-column draw
// would start it. The samples must be those of drawing whole columns in one
// sequence ('inputs too', the draws sensitivity reads again), bit for bit:
// seeded output may not change. Models are made up: ranges of every
// distribution, constants, formulas over them, and --set on inputs and
// formulas (a range, or a value).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillStandardNormal, Mulberry32, skipDraws } from '../../src/core/analysis/random.js';
import { BLOCK, sampleModel } from '../../src/core/analysis/sample.js';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import type { Model } from '../../src/core/scenario/model.js';
import { readOverrides, type Setting } from '../../src/core/scenario/run.js';

const dist = fc.constantFrom('uniform', 'normal', 'lognormal');

/** An input: a range of some distribution, or a plain value. */
const input = fc.oneof(
  fc
    .record({ low: fc.double({ min: 0.5, max: 5, noNaN: true }), width: fc.double({ min: 0.1, max: 10, noNaN: true }) })
    .chain(({ low, width }) => dist.map((d) => `{ low: ${low}, high: ${low + width}, dist: ${d} }`)),
  fc.double({ min: 0.5, max: 50, noNaN: true }).map(String),
);

/** A formula over earlier figures: products, sums and quotients of one to six. */
const formula = (earlier: number) =>
  fc
    .array(fc.tuple(fc.nat(earlier - 1), fc.constantFrom('*', '+', '/')), { minLength: 1, maxLength: 6 })
    .map((terms) => terms.map(([k, op], i) => `${i ? ` ${op} ` : ''}f${k}`).join(''));

const scenario = fc
  .record({ inputs: fc.array(input, { minLength: 1, maxLength: 6 }), formulas: fc.nat({ max: 5 }) })
  .chain(({ inputs, formulas }) =>
    fc.tuple(...Array.from({ length: formulas }, (_, j) => formula(inputs.length + j))).map((exprs) => {
      const lines = ['title: blocks', 'assumptions:', ...inputs.map((text, i) => `  f${i}: ${text}`)];
      if (exprs.length) lines.push('derived:', ...exprs.map((e, j) => `  f${inputs.length + j}: { expr: ${e} }`));
      return lines.join('\n');
    }),
  );

function model(text: string): Model {
  const r = compileScenario(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.value;
}

/** --set on some figures: a range or a value, on an input or a formula. */
const settings = (m: Model) =>
  fc
    .subarray(m.figures)
    .chain((figures) =>
      fc.tuple(...figures.map((f) => fc.constantFrom('2 to 3', '7').map((text): Setting => ({ name: f.name, text })))),
    );

describe("sampleModel, 'wanted only': the inputs drawn a block at a time", () => {
  it('gives every wanted column bit for bit as drawing whole columns in one sequence does', () => {
    fc.assert(
      fc.property(
        scenario.map(model).chain((m) => fc.tuple(fc.constant(m), settings(m))),
        fc.integer({ min: 1, max: 3 * BLOCK + 7 }),
        fc.integer(),
        ([m, set], n, seed) => {
          const overrides = readOverrides(m, set);
          if (!overrides.ok) throw new Error(overrides.diagnostics.map((d) => d.message).join('; '));
          const whole = sampleModel(m, overrides.value, { samples: n, seed }, undefined, 'inputs too');
          const blocks = sampleModel(m, overrides.value, { samples: n, seed }, undefined, 'wanted only');
          expect(blocks.ok).toBe(whole.ok);
          if (!whole.ok || !blocks.ok) {
            expect(blocks).toEqual(whole);
            return;
          }
          const derived = new Set(m.figures.filter((f) => f.kind === 'derived').map((f) => f.index));
          const ranged = new Set(whole.value.ranged);
          for (const [k, column] of whole.value.columns.entries()) {
            const got = blocks.value.columns[k]!;
            // Drawn inputs' columns are not returned; a formula set to a range is wanted, and is.
            if (derived.has(k) || !ranged.has(m.figures[k]!.name)) expect(got).toEqual(column);
            else expect(got.length).toBe(0);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses the same draws with the same message: an input overflowing, or a formula not finite', () => {
    const text = [
      'title: overflow',
      'assumptions:',
      '  small: 1 to 2',
      '  huge: 1e-100 to 1e100',
      'derived:',
      '  product: { expr: small * huge * huge * huge }',
    ].join('\n');
    const m = model(text);
    for (const [name, range] of [
      ['small', '1e-200 to 1e200'],
      ['huge', '1e-100 to 1e100'],
    ] as const) {
      const overrides = readOverrides(m, [{ name, text: range }]);
      if (!overrides.ok) throw new Error('overrides failed');
      const options = { samples: 2 * BLOCK + 1, seed: 11 };
      const whole = sampleModel(m, overrides.value, options, undefined, 'inputs too');
      const blocks = sampleModel(m, overrides.value, options, undefined, 'wanted only');
      expect(whole.ok).toBe(false);
      expect(blocks).toEqual(whole);
    }
  });
});

describe('skipDraws', () => {
  it('leaves the generator where drawing that many would', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 20_000 }), (seed, count) => {
        const drawn = new Mulberry32(seed);
        const skipped = new Mulberry32(seed);
        for (let i = 0; i < count; i++) drawn.uniform();
        skipDraws(skipped, 'uniform', count);
        expect(skipped.state).toBe(drawn.state);
        fillStandardNormal(new Float64Array(count), drawn);
        skipDraws(skipped, 'normal', count);
        expect(skipped.state).toBe(drawn.state);
      }),
      { numRuns: 50 },
    );
  });
});
