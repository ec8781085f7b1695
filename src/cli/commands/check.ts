import { defineCommand } from '../command.js';
import { outputOptions } from '../options.js';
import type { CheckFlags } from '../actions/check.js';

export const check = defineCommand({
  name: 'check',
  summary: "compare each scenario's published figures with the computed ones; errata are reported, not failed",
  args: [
    {
      name: 'scenarios',
      kind: 'scenario',
      optional: true,
      variadic: true,
      help: 'scenario names or .yaml paths (default: every scenario `bote list` shows, built-ins included)',
    },
  ],
  options: outputOptions(),
  help: `
"~" in a published figure allows 10%; otherwise 1%. Exit code 1 if any figure
disagrees without an erratum.

Examples:
  bote check
  bote check url-shortener ./my-service.yaml`,
  async action({ io }, [scenarios]: [string[]], flags: CheckFlags) {
    const { checkCommand } = await import('../actions/check.js');
    return checkCommand(io, scenarios, flags);
  },
});
