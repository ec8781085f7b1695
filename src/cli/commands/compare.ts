import type { CompareFlags } from '../actions/compare.js';
import { defineCommand } from '../command.js';
import { outputOptions, setOption, variantOption } from '../options.js';

export const compare = defineCommand({
  name: 'compare',
  summary: 'results of scenarios, or variants of one, side by side, each with its change against the first',
  args: [
    {
      name: 'scenarios',
      kind: 'scenario',
      variadic: true,
      help: 'scenario names or paths (- reads one from standard input); the first is the base',
    },
  ],
  options: [
    variantOption,
    { ...setOption, help: 'override an assumption or figure in every column; repeatable' },
    ...outputOptions(),
  ],
  help: `
Figures are aligned by name and grouped by section; a figure a column lacks
shows as missing, never 0. Each figure is shown in the unit of the first
column. The assumptions that differ follow the results. Ranges count at
their median (bote estimate gives their percentiles).

Examples:
  bote compare twitter ./twitter-2x.yaml
  bote compare twitter --variant mau=600M --variant "media_share=20%;media_size=2 MB/tweet"
  cat variant.yaml | bote compare twitter - --json`,
  async action({ io }, [scenarios]: [string[]], flags: CompareFlags) {
    const { compareCommand } = await import('../actions/compare.js');
    return compareCommand(io, scenarios, flags);
  },
});
