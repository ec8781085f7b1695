import { defineCommand } from '../command.js';
import { outputOptions, setOption } from '../options.js';
import type { ExplainFlags } from '../actions/explain.js';

export const explain = defineCommand({
  name: 'explain',
  summary: 'show how each figure follows from the assumptions, step by step',
  args: [
    { name: 'scenario', kind: 'scenario', help: 'a built-in scenario name or a path to a .yaml file' },
    {
      name: 'names',
      kind: 'figure',
      optional: true,
      variadic: true,
      help: 'the figures to explain (default: all, in dependency order)',
    },
  ],
  options: [
    setOption,
    {
      flags: '--mental',
      help: 'beside each step, the whiteboard: powers of ten, rounded inputs, named shortcuts, and how far it lands',
    },
    ...outputOptions('the steps as data; same as --format json'),
  ],
  help: `
Examples:
  bote explain twitter peak_qps
  bote explain url-shortener storage_total --set service_life="5 year"
  bote explain uber --json
  bote explain twitter qps --mental          the mental math beside the exact (docs/mental-math.md)`,
  async action({ io }, [scenario, names]: [string, string[]], flags: ExplainFlags) {
    const { explainCommand } = await import('../actions/explain.js');
    return explainCommand(io, scenario, names, flags);
  },
});
