// `npm run bench`: every benchmark, each with its budget and whether it holds.
// 1. Start-up (issue 16): each command's cold wall time as a ratio to
//    `node -e 0`, pair by pair (node -e 0, then the command, in turn, so that
//    both see the same machine load), the median of the ratios, with the CPU
//    time's beside it; and the peak memory (max RSS) of `estimate twitter
//    --json` against `node -e 0`'s. CPU time and memory are /usr/bin/time's.
// 2. Monte Carlo (samples.mjs): 100,000 and 1,000,000 samples of twitter.
// 3. Scale (scale.mjs): generated scenarios of 1,000 to 100,000 figures.
// 4. Watch (watch.mjs): from a save to the new estimate, `estimate --watch`.
// Generated files and bundles go to a temp folder, removed at the end.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSamples } from './samples.mjs';
import { benchScale } from './scale.mjs';
import { median, timeProcess } from './util.mjs';
import { benchWatch } from './watch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const bote = join(root, 'bin', 'bote.js');
const node = process.execPath;
const tmp = mkdtempSync(join(tmpdir(), 'bote-bench-'));
// A user's file: a copy of twitter on disk, read through the YAML parser and the schema.
copyFileSync(join(root, 'scenarios', 'twitter.yaml'), join(tmp, 'a-user-file.yaml'));

class Skip extends Error {}
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const floor = { name: 'node -e 0', cmd: [node, ['-e', '0']], cwd: root };
const startup = [
  { name: 'bote estimate twitter --json', args: ['estimate', 'twitter', '--json'], budget: 1.5 },
  { name: 'bote estimate twitter (table, piped)', args: ['estimate', 'twitter'], budget: 1.6 },
  {
    name: 'bote estimate ./a-user-file.yaml --json',
    args: ['estimate', './a-user-file.yaml', '--json'],
    budget: 1.8,
    cwd: tmp,
  },
  { name: 'bote calc "1 Gbps * 1 hour -> GiB"', args: ['calc', '1 Gbps * 1 hour -> GiB'], budget: 1.4 },
  { name: 'bote --version', args: ['--version'], budget: 1.3 },
].map((c) => ({ ...c, cmd: [node, [bote, ...c.args]], cwd: c.cwd ?? root }));

const verdicts = [];
try {
  const load = () =>
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`;
  console.log(`Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${load()}`);
  for (const c of [floor, ...startup]) measure(c); // warm the file cache
  const runsOf = new Map([floor, ...startup].map((c) => [c, []]));
  const pairs = new Map(startup.map((c) => [c, { wall: [], cpu: [] }]));
  for (let i = 0; i < runs; i++) {
    for (const c of startup) {
      const base = measure(floor);
      const run = measure(c);
      runsOf.get(floor).push(base);
      runsOf.get(c).push(run);
      pairs.get(c).wall.push(run.wall / base.wall);
      if (run.cpu !== undefined) pairs.get(c).cpu.push(run.cpu / base.cpu);
    }
  }
  const med = (c, key) => median(runsOf.get(c).map((r) => r[key]));
  console.log(
    `\nStart-up: median of ${runs} runs; ratio: the median of ${runs} pairs (node -e 0, command), wall time (the budget) and CPU time (user + system, less moved by a busy machine)`,
  );
  console.log(`  ${'node -e 0'.padEnd(42)} ${med(floor, 'wall').toFixed(1).padStart(7)} ms`);
  for (const c of startup) {
    const ratio = median(pairs.get(c).wall);
    const cpu = pairs.get(c).cpu.length ? `cpu ${median(pairs.get(c).cpu).toFixed(2)}x` : '';
    const ok = ratio <= c.budget;
    console.log(
      `  ${c.name.padEnd(42)} ${med(c, 'wall').toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x  budget ${c.budget.toFixed(1)}x  ${ok ? 'holds' : 'OVER '}  ${cpu}`,
    );
    verdicts.push({ name: `${c.name}: ${ratio.toFixed(2)}x node -e 0 (budget ${c.budget.toFixed(1)}x)`, ok });
  }
  // Peak memory, from the same runs: max RSS of estimate twitter --json against node -e 0's.
  const name = 'peak memory of bote estimate twitter --json';
  if (runsOf.get(floor)[0].peak === undefined) {
    console.log(`  ${name}: not measured (no /usr/bin/time)`);
    verdicts.push({ name: `${name}: not measured (no /usr/bin/time)`, ok: false });
  } else {
    const [a, b] = [med(startup[0], 'peak'), med(floor, 'peak')];
    const ok = a / b <= 1.2;
    console.log(
      `  ${name.padEnd(42)} ${a.toFixed(1).padStart(7)} MiB ${(a / b).toFixed(2)}x  budget 1.2x  ${ok ? 'holds' : 'OVER '}  (node -e 0: ${b.toFixed(1)} MiB)`,
    );
    verdicts.push({ name: `${name}: ${(a / b).toFixed(2)}x node -e 0 (budget 1.2x)`, ok });
  }
  console.log(`  (${load()})`);

  // BENCH_ONLY=startup: the start-up rows alone.
  if (process.env.BENCH_ONLY === 'startup') throw new Skip();
  verdicts.push(...(await benchSamples({ root, tmp, runs: Number(process.env.BENCH_SAMPLE_RUNS ?? 11) })));
  verdicts.push(...(await benchScale({ root, tmp, runs: Number(process.env.BENCH_SCALE_RUNS ?? 3) })));
  verdicts.push(await benchWatch({ root, tmp, runs: Number(process.env.BENCH_WATCH_RUNS ?? 20) }));
} catch (e) {
  if (!(e instanceof Skip)) throw e;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log('\nBudgets');
for (const v of verdicts) console.log(`  ${v.ok ? 'holds' : 'OVER '}  ${v.name}`);

/**
 * One run: wall time in ms (as timeProcess, which throws unless it exits 0),
 * and, through /usr/bin/time where there is one, CPU time (user + system, ms)
 * and peak memory (max RSS, MiB).
 */
function measure({ cmd: [file, args], cwd }) {
  if (!time) return { wall: timeProcess([file, args], cwd) };
  const start = process.hrtime.bigint();
  const r = spawnSync(time, ['-f', '%U %S %M', file, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const [user, sys, kib] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: (user + sys) * 1000, peak: kib / 1024 };
}
