// Monte Carlo benchmark: 100,000 samples of bench/twitter-ranges.yaml (the
// twitter scenario with a range on every assumption).
//  - in process: sampleModel plus p5/p50/p95 of every derived figure, as
//    `bote estimate` does (the inputs' draws not kept, the percentiles selected
//    in place, in the columns), on a freshly compiled model each run (so the
//    generated program is compiled and optimised again, as in a new process);
//  - whole process: `bote estimate bench/twitter-ranges.yaml --samples 100000 --json`
//    as a ratio to `node -e 0`, alternated in the same run.
// Budgets: 100,000 samples < 50 ms in process; 1,000,000 < 400 ms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCore } from './core-bundle.mjs';
import { median, timeProcess } from './util.mjs';

export async function benchSamples({ root, tmp, runs }) {
  const core = await loadCore(root, tmp);
  const file = join(root, 'bench', 'twitter-ranges.yaml');
  const text = readFileSync(file, 'utf8');
  const n = 100_000;
  const inProcess = [];
  const samplingOnly = [];
  for (let run = 0; run < runs; run++) {
    const compiled = core.compileScenario(text, { file: 'bench/twitter-ranges.yaml' });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
    const model = compiled.value;
    const start = performance.now();
    const result = core.sampleModel(model, new Map(), { samples: n, seed: 1 + run }, undefined, 'wanted only');
    const sampled = performance.now();
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    for (const f of model.figures)
      if (f.kind === 'derived')
        core.percentiles(result.value.columns[f.index], [5, 50, 95], result.value.columns[f.index]);
    inProcess.push(performance.now() - start);
    samplingOnly.push(sampled - start);
  }

  const bote = join(root, 'bin', 'bote.js');
  const commands = {
    'node -e 0': [process.execPath, ['-e', '0']],
    'bote estimate twitter-ranges --samples 100000 --json': [
      process.execPath,
      [bote, 'estimate', 'bench/twitter-ranges.yaml', '--samples', '100000', '--json'],
    ],
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const c of Object.values(commands)) timeProcess(c, root);
  for (let i = 0; i < runs; i++) for (const [k, c] of Object.entries(commands)) times[k].push(timeProcess(c, root));
  const floor = median(times['node -e 0']);
  const whole = median(times['bote estimate twitter-ranges --samples 100000 --json']);

  const budget = 50;
  const med = median(inProcess);
  console.log(
    `\nMonte Carlo: ${n.toLocaleString('en-US')} samples of bench/twitter-ranges.yaml (7 ranged assumptions, 5 derived figures), ${runs} runs`,
  );
  console.log(
    `  in process, sampleModel only            median ${fmt(median(samplingOnly))} ms   (first run ${fmt(samplingOnly[0])} ms)`,
  );
  console.log(
    `  in process, with p5/p50/p95 of 5 results median ${fmt(med)} ms   (first run ${fmt(inProcess[0])} ms)   budget < ${budget} ms: ${med < budget ? 'within budget' : 'OVER BUDGET'}`,
  );
  console.log(
    `  whole process (bote estimate ... --samples 100000 --json) ${fmt(whole)} ms = ${(whole / floor).toFixed(2)}x node -e 0 (${fmt(floor)} ms)`,
  );
  // A million: the same steps, fewer runs (each allocates columns of a million numbers).
  const million = [];
  for (let run = 0; run < Math.max(3, Math.ceil(runs / 3)); run++) {
    const compiled = core.compileScenario(text, { file: 'bench/twitter-ranges.yaml' });
    const model = compiled.value;
    const start = performance.now();
    const result = core.sampleModel(model, new Map(), { samples: 1_000_000, seed: 1 + run }, undefined, 'wanted only');
    for (const f of model.figures)
      if (f.kind === 'derived')
        core.percentiles(result.value.columns[f.index], [5, 50, 95], result.value.columns[f.index]);
    million.push(performance.now() - start);
  }
  const budgetMillion = 400;
  const medMillion = median(million);
  console.log(
    `  in process, 1,000,000 samples with p5/p50/p95 median ${fmt(medMillion)} ms (${million.length} runs)   budget < ${budgetMillion} ms: ${medMillion < budgetMillion ? 'within budget' : 'OVER BUDGET'}`,
  );
  return [
    { name: `100,000 twitter samples in process: ${fmt(med)} ms (budget < ${budget} ms)`, ok: med < budget },
    {
      name: `1,000,000 twitter samples in process: ${fmt(medMillion)} ms (budget < ${budgetMillion} ms)`,
      ok: medMillion < budgetMillion,
    },
  ];
}

const fmt = (ms) => ms.toFixed(1).padStart(6);
