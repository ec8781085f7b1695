// Start-up benchmark: the cold wall time of `bote estimate twitter --json`
// against `node -e 0`, as the median of alternated runs in one go, so that
// both see the same machine load. Budget (issue #2): at most 2.0x.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

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
console.log(`\nbote estimate twitter --json: ${ratio.toFixed(2)}x node -e 0 (budget ${budget.toFixed(1)}x) ${ratio <= budget ? 'within budget' : 'OVER BUDGET'}`);
