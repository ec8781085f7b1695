import { defineCommand } from '../command.js';
import { outputOptions, samplesOption, seedOption, setOption } from '../options.js';
import type { EstimateFlags } from '../actions/estimate.js';

export const estimate = defineCommand({
  name: 'estimate',
  summary: 'derive the figures of a scenario and print them',
  args: [
    {
      name: 'scenario',
      kind: 'scenario',
      help: 'a scenario name (./NAME.yaml, else ./scenarios/, BOTE_PATH, the built-ins: see `bote list`), a path to a .yaml file, or - for standard input',
    },
  ],
  options: [
    setOption,
    samplesOption('Monte Carlo samples when an assumption is a range'),
    seedOption('random seed, for the same percentiles twice'),
    {
      flags: '-i, --interactive',
      help: 'what-if loop: change assumptions, see every result change, save a new scenario (needs a terminal; Ctrl-C exits 130)',
    },
    { flags: '--chart', help: 'chart the growth of results that accumulate over a horizon (storage over years)' },
    { flags: '--mental', help: 'add each result as mental math gives it (powers of ten, shortcuts) and its error' },
    {
      flags: '-w, --watch',
      help: 'estimate again whenever the file, or a file it extends, changes (Ctrl-C exits 130)',
    },
    ...outputOptions(),
  ],
  help: `
Examples:
  bote estimate twitter
  bote estimate twitter --set dau=200M --set media_size="2 MB/tweet"
  bote estimate uber --json | jq .results.rps.value
  bote estimate ./scenarios/my-service.yaml --format csv > figures.csv
  bote estimate twitter --mental             each result on the whiteboard, and how far it lands
  bote estimate ./my-service.yaml --watch
  cat my-service.yaml | bote estimate - --json

Quantities take units (MB, GiB, Gbps, ms, day, year, USD or $), scale words
and suffixes (300M, 2bn, 1.5k, "300 million"), and percentages (50%).

A guess may be a range: --set dau="100M to 300M". "a to b" is a 90% interval,
lognormal as in Squiggle and Guesstimate (not Causal's triangle); normal
where the low end is zero or below. Results then show p5, p50 and p95.`,
  async action({ io }, [scenario]: [string], flags: EstimateFlags) {
    if (flags.watch) {
      const { watchEstimate } = await import('../watch.js');
      return watchEstimate(io, scenario, flags);
    }
    if (flags.interactive) {
      const { interactive } = await import('../interactive/loop.js');
      return interactive(io, scenario, flags);
    }
    const { estimate } = await import('../actions/estimate.js');
    return estimate(io, scenario, flags);
  },
});
