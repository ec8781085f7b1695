import { defineCommand } from '../command.js';

/** Hidden: what the completion scripts ask while the user types (see cli/completion/helper.ts). */
export const complete = defineCommand({
  name: '__complete',
  summary: '',
  hidden: true,
  allowUnknownOptions: true,
  args: [
    { name: 'what', kind: 'text', optional: true, help: '' },
    { name: 'args', kind: 'text', optional: true, variadic: true, help: '' },
  ],
  async action({ io }, [what, args]: [string | undefined, string[]], _flags: object) {
    const { completeHelper } = await import('../completion/helper.js');
    return completeHelper(io, what ?? '', args);
  },
});
