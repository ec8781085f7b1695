import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { brokenInvariant } from '../helpers/invariant.js';

// Generated scenarios, and generated --set and --vary values, through every
// command that computes: whatever they hold, the output keeps the invariant
// of tests/helpers/invariant.ts (exit 0, 1 or 2; finite numbers on 0; an
// error with a place on 1; never a stack trace). In process, to stay quick.
const dir = mkdtempSync(join(tmpdir(), 'bote-invariant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NUMBERS = ['0', '-1', '1', '0.5', '2', '1e308', '1.7976931348623157e308', '1e-308', '5e-324', '-1e308', '3e15'];
const UNITS = ['', 'user', 'req/s', 'req/s/server', 'B', 'GB', 'TB/day', 'day', 'year', '%', 'ms', 'GB/shard'];

const number = fc.oneof(fc.constantFrom(...NUMBERS), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String));
const quantity = fc
  .tuple(number, fc.constantFrom(...UNITS))
  .map(([n, u]) => (u === '%' ? `${n}%` : u ? `${n} ${u}` : n));
const value = fc.oneof(
  { weight: 3, arbitrary: quantity },
  { weight: 1, arbitrary: fc.tuple(number, number, fc.constantFrom(...UNITS)).map(([a, b, u]) => `${a} to ${b} ${u}`) },
);

const NAMES = ['in1', 'in2', 'out1', 'out2'];
const operand = fc.oneof(fc.constantFrom(...NAMES), number);
const formula = fc.oneof(
  fc.tuple(operand, fc.constantFrom('+', '-', '*', '/', '^'), operand).map(([x, op, y]) => `${x} ${op} ${y}`),
  fc
    .tuple(fc.constantFrom('servers', 'shards', 'ceil', 'log', 'sqrt', 'max', 'cache_80_20'), operand, operand)
    .map(([f, x, y]) => (['servers', 'shards', 'max'].includes(f) ? `${f}(${x}, ${y})` : `${f}(${x})`)),
  fc.tuple(operand, operand, operand).map(([x, y, z]) => `servers(${x}, ${y}, ${z})`),
);

/** Two assumptions (in1, in2) and two formulas (out1, out2): small, so that the mistakes are the subject. */
const scenario = fc
  .record({ in1: value, in2: value, out1: formula, out2: formula })
  .map(
    (s) =>
      `name: generated\nassumptions:\n  in1: "${s.in1}"\n  in2: "${s.in2}"\nderived:\n  out1: "${s.out1}"\n  out2: "${s.out2}"\n`,
  );

const command = fc.oneof(
  fc.constantFrom<string[]>(['estimate'], ['estimate', '--json'], ['estimate', '--format', 'csv'], ['validate']),
  fc.constantFrom<string[]>(['explain', 'out2'], ['explain', 'out2', '--mental'], ['estimate', '--mental', '--json']),
  fc.constantFrom('out1', 'out2').map((n) => ['sensitivity', n, '--samples', '200', '--json']),
  fc
    .tuple(fc.constantFrom('in1', 'in2'), number, number, fc.constantFrom('out1', 'out2'))
    .map(([n, x, y, show]) => ['sweep', '--vary', `${n}=${x}..${y}`, '--show', show, '--steps', '5', '--json']),
);

const settings = fc.array(
  fc.tuple(fc.constantFrom(...NAMES), value).map(([n, v]) => ['--set', `${n}=${v}`]),
  { maxLength: 2 },
);

describe('the invariant every output holds', () => {
  it('over generated scenarios, --set and --vary values', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(scenario, command, settings, async (text, cmd, sets) => {
        const path = join(dir, `s${n++}.yaml`);
        writeFileSync(path, text);
        const args = [cmd[0]!, path, ...cmd.slice(1), ...sets.flat(), '--seed', '1'].filter(
          (a, i, all) =>
            !(
              cmd[0] === 'validate' &&
              (a === '--seed' || all[i - 1] === '--seed' || a === '--set' || all[i - 1] === '--set')
            ),
        );
        const r = await runInProcess(args, { cwd: dir });
        const broken = brokenInvariant(args, r);
        expect(broken, `${args.join(' ')}\n${text}\n${r.stdout}${r.stderr}`).toBeUndefined();
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('over calc expressions of extreme numbers and building blocks', async () => {
    await fc.assert(
      fc.asyncProperty(
        formula.map((f) => f.replace(/\b(in|out)[12]\b/g, '1 req/s')),
        async (expr) => {
          const args = ['calc', '--', expr];
          const r = await runInProcess(args);
          expect(brokenInvariant(args, r), `${expr}\n${r.stdout}${r.stderr}`).toBeUndefined();
        },
      ),
      { numRuns: 200, seed: 15 },
    );
  });
});
