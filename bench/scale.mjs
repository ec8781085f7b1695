// Scale benchmark: `bote estimate` on generated scenarios of 1,000, 10,000 and
// 100,000 derived figures, as a long chain and as wide fan-ins (see
// generate.mjs), written to a temp folder.
//  - cold process: the wall time of `bote estimate <file> --json` (median of
//    `runs`), and the cost per figure above `bote estimate twitter --json`;
//  - in process: compileScenario + evaluateModel in a bundle of src/ whose
//    1 MB file limit is lifted, so that 100,000 figures can be timed too
//    (median of `runs`, one process).
// Budgets: a 10,000-figure scenario cold < 1 s; 100,000 figures loaded,
// checked and evaluated in process < 3 s, the cost per figure about the same
// from 1,000 to 100,000 (linear growth).
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCore } from './core-bundle.mjs';
import { generateScenario } from './generate.mjs';
import { median, timeProcess } from './util.mjs';

const LIMIT = 1 << 20; // MAX_FILE_BYTES of src/core/scenario/source.ts

export async function benchScale({ root, tmp, runs }) {
  const core = await loadCore(root, tmp, { maxFileBytes: 1 << 28 });
  const bote = join(root, 'bin', 'bote.js');
  const base = median(
    Array.from({ length: runs }, () => timeProcess([process.execPath, [bote, 'estimate', 'twitter', '--json']], root)),
  );
  const budget = 1000;
  const verdicts = [];
  console.log(
    `\nGenerated scenarios: cold \`bote estimate <file> --json\`, median of ${runs}; per figure: (time - ${base.toFixed(0)} ms of \`bote estimate twitter --json\`) / figures`,
  );
  console.log(
    `  ${'scenario'.padEnd(14)} ${'file'.padStart(9)} ${'terms'.padStart(9)} ${'cold process'.padStart(13)} ${'per figure'.padStart(11)}   ${'in process'.padStart(11)} ${'per figure'.padStart(11)}`,
  );
  for (const shape of ['chain', 'fanin']) {
    const perFigureAt = [];
    for (const n of [1_000, 3_000, 10_000, 30_000, 100_000]) {
      const text = generateScenario(shape, n);
      const file = join(tmp, `${shape}-${n}.yaml`);
      writeFileSync(file, text);
      const bytes = statSync(file).size;
      const terms = (text.match(/x\d+|\ba\b/g) ?? []).length - n - 1; // references in formulas
      let cold = '';
      let perFigure = '';
      if (bytes > LIMIT) {
        // The CLI refuses files over 1 MB before parsing them (exit 1).
        const ms = timeProcess([process.execPath, [bote, 'estimate', file, '--json']], root, 1);
        cold = `refused >1MB`;
        perFigure = `(${ms.toFixed(0)} ms)`;
      } else {
        const ms = median(
          Array.from({ length: runs }, () => timeProcess([process.execPath, [bote, 'estimate', file, '--json']], root)),
        );
        cold = `${ms.toFixed(0)} ms`;
        perFigure = `${((1000 * (ms - base)) / n).toFixed(1)} us`;
        if (n === 10_000)
          verdicts.push({ name: `${shape}-10000 cold: ${ms.toFixed(0)} ms (budget < ${budget} ms)`, ok: ms < budget });
      }
      // The median of `runs`, as the cold rows: one run of seconds on a shared machine moves by a tenth.
      const times = [];
      for (let run = 0; run < runs; run++) {
        const start = performance.now();
        const compiled = core.compileScenario(text, { file });
        if (!compiled.ok) throw new Error(`${shape}-${n}: ${compiled.diagnostics[0].message}`);
        const values = core.evaluateModel(compiled.value);
        if (!values.ok) throw new Error(`${shape}-${n}: ${values.diagnostics[0].message}`);
        times.push(performance.now() - start);
      }
      const inProcess = median(times);
      perFigureAt.push([n, (1000 * inProcess) / n]);
      if (n === 100_000)
        verdicts.push({
          name: `${shape}-100000 in process: ${(inProcess / 1000).toFixed(2)} s (budget < 3 s)`,
          ok: inProcess < 3000,
        });
      console.log(
        `  ${`${shape}-${n}`.padEnd(14)} ${`${(bytes / 1024).toFixed(0)} KiB`.padStart(9)} ${terms.toLocaleString('en-US').padStart(9)} ${cold.padStart(13)} ${perFigure.padStart(11)}   ${`${inProcess.toFixed(0)} ms`.padStart(11)} ${`${((1000 * inProcess) / n).toFixed(1)} us`.padStart(11)}`,
      );
    }
    // Linear: the cost per figure at 100,000 within 2x of the least at any size (the smallest pay the warm-up).
    const least = Math.min(...perFigureAt.map(([, us]) => us));
    const [, largest] = perFigureAt.at(-1);
    const linear = largest <= 2 * least;
    console.log(
      `  ${shape}: in process per figure ${perFigureAt.map(([n, us]) => `${n / 1000}k ${us.toFixed(1)} us`).join(', ')}: ${linear ? 'linear' : 'NOT LINEAR'}`,
    );
    verdicts.push({
      name: `${shape} in process per figure, 1,000 to 100,000: ${perFigureAt.map(([, us]) => us.toFixed(1)).join(', ')} us (linear: 100k within 2x of the least)`,
      ok: linear,
    });
  }
  return verdicts;
}
