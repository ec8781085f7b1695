import { defineCommand } from '../command.js';
import type { SchemaFlags } from '../actions/schema.js';

export const schema = defineCommand({
  name: 'schema',
  summary: 'print the JSON Schema of scenario files, for editors (--output: of the --json documents)',
  options: [
    { flags: '--output', help: 'the JSON Schema of what --json prints, for scripts (schema/output.schema.json)' },
  ],
  help: `
Examples:
  bote schema > scenario.schema.json         what editors check a scenario file against
  bote schema --output > output.schema.json  what every command's --json document follows`,
  async action({ io }, _args: [], flags: SchemaFlags) {
    const { schemaCommand } = await import('../actions/schema.js');
    return schemaCommand(io, flags);
  },
});
