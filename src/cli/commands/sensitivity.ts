import { defineCommand } from '../command.js';
import { outputOptions, samplesOption, seedOption, setOption } from '../options.js';
import type { SensitivityFlags } from '../actions/sensitivity.js';

export const sensitivity = defineCommand({
  name: 'sensitivity',
  summary: 'which assumption moves a result most: one-at-a-time swings (tornado) and, with ranges, shares of variance',
  args: [
    { name: 'scenario', kind: 'scenario', help: 'a built-in scenario name or a path to a .yaml file' },
    {
      name: 'result',
      kind: 'figure',
      optional: true,
      help: 'the figure to study; without it, every headline figure of the scenario',
    },
  ],
  options: [
    setOption,
    samplesOption('Monte Carlo samples for the variance shares'),
    seedOption('random seed'),
    ...outputOptions(),
  ],
  help: `
Each assumption swings from its low to its high end, or by ±50% where it is
not a range, while the others keep their values.

Without a result, one tornado per headline figure: the results the scenario
marks \`headline: true\`, else those with a published figure, else all.

Examples:
  bote sensitivity twitter
  bote sensitivity twitter media_storage_total
  bote sensitivity twitter peak_qps --set dau="100M to 300M" --json`,
  async action({ io }, [scenario, result]: [string, string | undefined], flags: SensitivityFlags) {
    const { sensitivityCommand } = await import('../actions/sensitivity.js');
    return sensitivityCommand(io, scenario, result, flags);
  },
});
