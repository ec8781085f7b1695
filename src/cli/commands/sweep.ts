import { defineCommand } from '../command.js';
import { outputOptions, setOption, wholeIn } from '../options.js';
import type { SweepFlags } from '../actions/sweep.js';

export const sweep = defineCommand({
  name: 'sweep',
  summary: 'vary one assumption over a range and tabulate and chart chosen results',
  args: [{ name: 'scenario', kind: 'scenario', help: 'a built-in scenario name or a path to a .yaml file' }],
  options: [
    {
      flags: '--vary <name=FROM..TO>',
      help: 'the assumption and its range, e.g. dau=10M..1bn',
      kind: 'setting',
      required: true,
    },
    {
      flags: '--show <results>',
      help: 'comma-separated results, e.g. peak_qps,media_storage_total; the headline results by default',
      kind: 'figures',
    },
    // More points than a chart or a spreadsheet wants; the bound also bounds the work.
    {
      flags: '--steps <n>',
      help: 'points along the range',
      kind: 'number',
      parse: wholeIn('--steps', 2, 10_000),
      default: 11,
    },
    { flags: '--log', help: 'space the points evenly on a log scale' },
    setOption,
    ...outputOptions(),
  ],
  help: `
Examples:
  bote sweep twitter --vary dau=10M..1bn --log      the headline results, as dau grows
  bote sweep twitter --vary dau=10M..1bn --log --show peak_qps,media_storage_total
  bote sweep url-shortener --vary read_write_ratio=1..100 --steps 5 --show read_qps --format csv`,
  async action({ io }, [scenario]: [string], flags: SweepFlags) {
    const { sweepCommand } = await import('../actions/sweep.js');
    return sweepCommand(io, scenario, flags);
  },
});
