import { defineCommand } from '../command.js';

export const schema = defineCommand({
  name: 'schema',
  summary: 'print the JSON Schema of scenario files, for editors',
  async action({ io }, _args: [], _flags: object) {
    const { schemaCommand } = await import('../actions/schema.js');
    return schemaCommand(io);
  },
});
