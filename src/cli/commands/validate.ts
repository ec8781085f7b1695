import { defineCommand } from '../command.js';
import { outputOptions } from '../options.js';
import type { FormatFlags } from '../output.js';

export const validate = defineCommand({
  name: 'validate',
  summary: 'check scenario files without printing results: every problem of every file, with file:line:col',
  args: [{ name: 'files', kind: 'scenario', variadic: true, help: 'scenario files or names' }],
  options: outputOptions('the problems as JSON diagnostics; same as --format json', { color: false }),
  help: `
Examples:
  bote validate scenarios/*.yaml
  bote validate my-service.yaml --json`,
  async action({ io }, [files]: [string[]], flags: FormatFlags) {
    const { validateCommand } = await import('../actions/validate.js');
    return validateCommand(io, files, flags);
  },
});
