import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import type { Model } from '../../src/core/scenario/model.js';
import { compileProgram } from '../../src/core/scenario/program.js';
import { evaluateModel } from '../../src/core/scenario/run.js';

// evaluateModel without --set reads the values computed when each formula was
// checked (Checked's `evaluated`) instead of running the compiled program. The
// two must agree bit for bit, NaN and infinities included (evaluateModel then
// names the figure): here the program is run as evaluateModel ran it before.

/** Every value as the compiled program gives it, one sample. */
function programValues(model: Model): Float64Array {
  const columns = model.figures.map((f) => Float64Array.of(f.value ?? 0));
  compileProgram(model)(columns, 1);
  return Float64Array.from(columns, (c) => c[0]!);
}

/** The values checking computed, as evaluateModel reads them (ok or not). */
function checkedValues(model: Model): Float64Array {
  return Float64Array.from(model.figures, (f) => (f.kind === 'derived' ? f.evaluated! : f.value!));
}

function expectSameBits(model: Model): void {
  const [ran, checked] = [programValues(model), checkedValues(model)];
  for (const f of model.figures) expect(Object.is(checked[f.index], ran[f.index]), f.name).toBe(true);
  const evaluated = evaluateModel(model);
  if (evaluated.ok) expect([...evaluated.value]).toEqual([...ran]);
}

describe('values computed when checked', () => {
  it('are what the program gives, for every scenario in scenarios/', () => {
    const dir = join(import.meta.dirname, '..', '..', 'scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.startsWith('_'));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) {
      const compiled = compileScenario(readFileSync(join(dir, name), 'utf8'), { file: name });
      // A variant (extends:) needs its parent read from disk: compiled with it by the golden tests.
      if (!compiled.ok) continue;
      expectSameBits(compiled.value);
    }
  });

  const NUMBERS = ['0', '1', '-1', '0.1', '3', '1e-300', '1e300', '-0', '86400', '0.7', '2.5e9'];
  const PLAIN = ['a', 'b', 'c', ...NUMBERS];
  const unary = ['ceil', 'floor', 'round', 'abs', 'sqrt', 'log', 'log2', 'log10'];
  const formula: fc.Memo<string> = fc.memo((depth) =>
    depth <= 1
      ? fc.constantFrom(...PLAIN)
      : fc.oneof(
          fc.constantFrom(...PLAIN),
          fc
            .tuple(formula(depth - 1), fc.constantFrom('+', '-', '*', '/', '^'), formula(depth - 1))
            .map(([x, op, y]) => `(${x} ${op} ${y})`),
          formula(depth - 1).map((x) => `-${x}`),
          fc.tuple(fc.constantFrom(...unary), formula(depth - 1)).map(([f, x]) => `${f}(${x})`),
          fc
            .tuple(fc.constantFrom('min', 'max', 'log'), formula(depth - 1), formula(depth - 1))
            .map(([f, x, y]) => `${f}(${x}, ${y})`),
          fc
            .tuple(formula(depth - 1), formula(depth - 1), fc.constantFrom('', ', 0.7', ', 0.7, 2'))
            .map(([x, y, rest]) => `servers(${x}, ${y}${rest})`),
          fc.tuple(formula(depth - 1), formula(depth - 1)).map(([x, y]) => `shards(${x}, ${y})`),
        ),
  );

  it('are what the program gives, for generated formulas (NaN and infinities included)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMBERS),
        fc.constantFrom(...NUMBERS),
        fc.array(formula(4), { minLength: 1, maxLength: 4 }),
        (a, b, formulas) => {
          const text = [
            'name: generated',
            'assumptions:',
            `  a: ${a}`,
            `  b: ${b}`,
            'derived:',
            '  c: a * b + 1',
            ...formulas.map((f, i) => `  d${i}: "${f}${i > 0 ? ` + d${i - 1}` : ''}"`),
          ].join('\n');
          const compiled = compileScenario(text);
          // Folding refuses a constant part that is not finite (log(-1)): nothing to evaluate.
          fc.pre(compiled.ok);
          if (compiled.ok) expectSameBits(compiled.value);
        },
      ),
      { numRuns: 500 },
    );
  });
});
