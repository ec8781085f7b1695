// `npm run bench`: every benchmark, with its budget.
// 1. Start-up: the cold wall time of `bote estimate twitter --json` against
//    `node -e 0`, as the median of alternated runs in one go, so that both see
//    the same machine load. Budget (issue #2): at most 2.0x.
// 2. Monte Carlo (samples.mjs): 100,000 samples of bench/twitter-ranges.yaml.
// 3. Scale (scale.mjs): generated scenarios of 1,000 to 100,000 figures.
// 4. Watch (watch.mjs): from a save to the new estimate, `estimate --watch`.
// Generated files and bundles go to a temp folder, removed at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { benchSamples } from './samples.mjs';
import { benchScale } from './scale.mjs';
import { benchWatch } from './watch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const bote = join(root, 'bin', 'bote.js');

const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'bote estimate twitter --json': [process.execPath, [bote, 'estimate', 'twitter', '--json']],
  'bote estimate twitter (table)': [process.execPath, [bote, 'estimate', 'twitter', '--no-color']],
  'bote --version': [process.execPath, [bote, '--version']],
};

function time([cmd, args]) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (const c of Object.values(commands)) time(c); // warm the file cache
for (let i = 0; i < runs; i++) {
  for (const [name, c] of Object.entries(commands)) samples[name].push(time(c));
}

const floor = median(samples['node -e 0']);
console.log(`start-up, median of ${runs} alternated runs (ms), ratio to node -e 0`);
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(`  ${name.padEnd(32)} ${m.toFixed(1).padStart(7)} ms  ${(m / floor).toFixed(2)}x`);
}
const ratio = median(samples['bote estimate twitter --json']) / floor;
const budget = 2.0;
console.log(
  `\nbote estimate twitter --json: ${ratio.toFixed(2)}x node -e 0 (budget ${budget.toFixed(1)}x) ${ratio <= budget ? 'within budget' : 'OVER BUDGET'}`,
);

const tmp = mkdtempSync(join(tmpdir(), 'bote-bench-'));
const verdicts = [
  { name: `start-up: ${ratio.toFixed(2)}x node -e 0 (budget <= ${budget.toFixed(1)}x)`, ok: ratio <= budget },
];
try {
  verdicts.push(await benchSamples({ root, tmp, runs: Number(process.env.BENCH_SAMPLE_RUNS ?? 11) }));
  verdicts.push(...(await benchScale({ root, tmp, runs: Number(process.env.BENCH_SCALE_RUNS ?? 3) })));
  verdicts.push(await benchWatch({ root, tmp, runs: Number(process.env.BENCH_WATCH_RUNS ?? 20) }));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log('\nBudgets');
for (const v of verdicts) console.log(`  ${v.ok ? 'ok  ' : 'OVER'}  ${v.name}`);
