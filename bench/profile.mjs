// `node bench/profile.mjs [bote arguments]`: where the start-up of one bote
// command goes. Runs it under `node --cpu-prof`, then prints the five costliest
// files by self time (a script's code-cache deserialising, compile and
// top-level run, and every function of it that ran; Node's own modules by
// name), and which of bote's scripts it loaded, with what became of each one's
// code cache (bin/load-bundle.js).
// `BOTE_NO_MINIFY=1 npm run build` first gives function names worth reading.
// Default command: estimate twitter --json. docs/performance.md quotes it.
// BOTE_ROOT=/another/checkout profiles that one's build instead (before/after).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.BOTE_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.length > 2 ? process.argv.slice(2) : ['estimate', 'twitter', '--json'];
const dir = mkdtempSync(join(tmpdir(), 'bote-prof-'));
try {
  const bote = join(root, 'bin', 'bote.js');
  spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '100', bote, ...args], {
    cwd: root,
  });
  // A second run, without the profiler, says which scripts load and whether their caches are taken.
  const program = `
    const m = await import(${JSON.stringify(join(root, 'bin', 'load-bundle.js'))});
    const cli = m.loadCli();
    const io = cli.processIo();
    io.stdout = () => {};
    await cli.run(${JSON.stringify(args)}, io);
    console.log(JSON.stringify(m.loadedScripts()));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', program], { cwd: root, encoding: 'utf8' });
  // A build from before the code cache (BOTE_ROOT) has no loader to ask.
  const loaded =
    r.status === 0
      ? JSON.parse(r.stdout).map((s) => `${basename(s.path)} (code cache ${s.cache})`)
      : ['ES module files (a build without bin/load-bundle.js)'];
  const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const url = n.callFrame.url;
    const key = url ? (url.startsWith('file://') ? basename(url) : url) : `(${n.callFrame.functionName || 'program'})`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  const total = deltas.reduce((a, b) => a + b, 0) / 1000;
  console.log(`bote ${args.join(' ')}: ${total.toFixed(1)} ms profiled; loads ${loaded.join(', ')}`);
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 5));
  for (const [key, ms] of top) console.log(`  ${ms.toFixed(1).padStart(6)} ms  ${key}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
