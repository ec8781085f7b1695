// bote's conversions against GNU units (Debian package `units`), to 6
// significant digits, for units both know with the same meaning. Excluded:
// year and month (GNU units' year is the tropical year, bote's is 365 days),
// KB (GNU units has no KB), `b` (a barn there, a bit here).
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from '../../src/core/calc.js';

const hasUnits = spawnSync('units', ['--version']).status === 0;

/** Units of one dimension, as both tools spell them. */
const FAMILIES: string[][] = [
  [
    'B',
    'kB',
    'MB',
    'GB',
    'TB',
    'PB',
    'KiB',
    'MiB',
    'GiB',
    'TiB',
    'PiB',
    'bit',
    'kbit',
    'Mbit',
    'Gbit',
    'Tbit',
    'Kibit',
    'Mibit',
  ],
  ['ns', 'us', 'ms', 's', 'min', 'hour', 'day', 'week'],
  [
    'B/s',
    'kB/s',
    'MB/s',
    'GB/s',
    'MiB/s',
    'GiB/s',
    'bps',
    'kbps',
    'Mbps',
    'Gbps',
    'Tbps',
    'TB/day',
    'GB/hour',
    'PB/week',
  ],
  ['1/s', '1/min', '1/hour', '1/day', '1/week'],
  ['B*s', 'MB*hour', 'GiB*day'],
];

const conversion = fc
  .tuple(
    fc.integer({ min: 0, max: FAMILIES.length - 1 }),
    fc.nat(),
    fc.nat(),
    fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
  )
  .map(([f, i, j, x]) => {
    const family = FAMILIES[f]!;
    return { from: family[i % family.length]!, to: family[j % family.length]!, x: Number(x.toPrecision(6)) };
  });

/**
 * GNU units' answers, one process for them all: it reads "have" and "want"
 * lines in turn on stdin and prints one line per answer (`-t`, terse).
 */
function gnu(queries: ReadonlyArray<readonly [expression: string, target: string]>): number[] {
  const r = spawnSync('units', ['-t'], { input: queries.map(([e, t]) => `${e}\n${t}\n`).join(''), encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  if (r.status !== 0 || lines.length !== queries.length || lines.some((l) => !Number.isFinite(Number(l)) || l === '')) {
    throw new Error(`units did not answer each of ${queries.length} queries:\n${r.stdout}${r.stderr}`);
  }
  return lines.map(Number);
}

describe.skipIf(!hasUnits)('conversions agree with GNU units (install Debian package `units` to run)', () => {
  it('on 300 generated conversions, to 6 significant digits', () => {
    const samples = fc.sample(conversion, { numRuns: 300, seed: 20261123 });
    const answers = gnu(samples.map(({ from, to, x }) => [`${x} (${from})`, to] as const));
    for (const [i, { from, to, x }] of samples.entries()) {
      const ours = calculate(`${x} (${from}) -> ${to}`);
      if (!ours.ok) throw new Error(`bote refused ${x} ${from} -> ${to}: ${ours.diagnostics[0]!.message}`);
      const theirs = answers[i]!;
      const relative = Math.abs(ours.value.value - theirs) / Math.abs(theirs);
      expect(relative, `${x} ${from} -> ${to}: bote ${ours.value.value}, units ${theirs}`).toBeLessThan(5e-6);
    }
  });

  it.each([
    ['150e6 / day * 2', '1/s'],
    ['30 TB/day * 5 * 365 day', 'PB'],
    ['1 Gbps * 1 hour', 'GiB'],
    ['100 GB / (3 Gbps)', 'min'],
  ])('%s -> %s', (expression, target) => {
    const ours = calculate(`${expression} -> ${target}`);
    if (!ours.ok) throw new Error(ours.diagnostics[0]!.message);
    expect(ours.value.value / gnu([[expression, target]])[0]!).toBeCloseTo(1, 6);
  });
});
