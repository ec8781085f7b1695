// `npm run bench`: every benchmark, each with its budget and whether it holds.
// 1. Start-up (issue 16): each command's cold wall time as a ratio to
//    `node -e 0`, pair by pair (node -e 0, then the command, in turn, so that
//    both see the same machine load), the median of the ratios; and the peak
//    memory (max RSS, by /usr/bin/time) of `estimate twitter --json` against
//    `node -e 0`'s.
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
  for (const c of [floor, ...startup]) timeProcess(c.cmd, c.cwd); // warm the file cache
  const ratios = new Map(startup.map((c) => [c, []]));
  const times = new Map([floor, ...startup].map((c) => [c, []]));
  for (let i = 0; i < runs; i++) {
    for (const c of startup) {
      const base = timeProcess(floor.cmd, floor.cwd);
      const ms = timeProcess(c.cmd, c.cwd);
      times.get(floor).push(base);
      times.get(c).push(ms);
      ratios.get(c).push(ms / base);
    }
  }
  console.log(`\nStart-up: wall time, median of ${runs} runs; ratio: the median of ${runs} pairs (node -e 0, command)`);
  console.log(`  ${'node -e 0'.padEnd(42)} ${median(times.get(floor)).toFixed(1).padStart(7)} ms`);
  for (const c of startup) {
    const ratio = median(ratios.get(c));
    const ok = ratio <= c.budget;
    console.log(
      `  ${c.name.padEnd(42)} ${median(times.get(c)).toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x  budget ${c.budget.toFixed(1)}x  ${ok ? 'holds' : 'OVER'}`,
    );
    verdicts.push({ name: `${c.name}: ${ratio.toFixed(2)}x node -e 0 (budget ${c.budget.toFixed(1)}x)`, ok });
  }
  verdicts.push(peakMemory());
  console.log(`  (${load()})`);

  verdicts.push(...(await benchSamples({ root, tmp, runs: Number(process.env.BENCH_SAMPLE_RUNS ?? 11) })));
  verdicts.push(...(await benchScale({ root, tmp, runs: Number(process.env.BENCH_SCALE_RUNS ?? 3) })));
  verdicts.push(await benchWatch({ root, tmp, runs: Number(process.env.BENCH_WATCH_RUNS ?? 20) }));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log('\nBudgets');
for (const v of verdicts) console.log(`  ${v.ok ? 'holds' : 'OVER '}  ${v.name}`);

/** Peak memory of `estimate twitter --json` against `node -e 0`, as /usr/bin/time measures each. */
function peakMemory() {
  const budget = 1.2;
  const name = 'peak memory of bote estimate twitter --json';
  if (!existsSync('/usr/bin/time')) {
    console.log(`  ${name}: not measured (no /usr/bin/time)`);
    return { name: `${name}: not measured (no /usr/bin/time)`, ok: false };
  }
  const peak = (cmd) => {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd[0], ...cmd[1]], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd[1].join(' ')} exited ${r.status}: ${r.stderr}`);
    return Number(r.stderr.trim().split('\n').pop()) / 1024;
  };
  const a = [];
  const b = [];
  for (let i = 0; i < Math.min(runs, 11); i++) {
    b.push(peak(floor.cmd));
    a.push(peak(startup[0].cmd));
  }
  const ratio = median(a) / median(b);
  const ok = ratio <= budget;
  console.log(
    `  ${name.padEnd(42)} ${median(a).toFixed(1).padStart(7)} MiB ${ratio.toFixed(2)}x  budget ${budget.toFixed(1)}x  ${ok ? 'holds' : 'OVER'}   (node -e 0: ${median(b).toFixed(1)} MiB)`,
  );
  return { name: `${name}: ${ratio.toFixed(2)}x node -e 0 (budget ${budget.toFixed(1)}x)`, ok };
}
