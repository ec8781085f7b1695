import { defineCommand } from '../command.js';
import { outputOptions } from '../options.js';
import type { FormatFlags } from '../output.js';

export const list = defineCommand({
  name: 'list',
  summary: 'list the scenarios a name reaches (./scenarios, BOTE_PATH, built-ins) with titles and sources',
  options: outputOptions(undefined, { color: false }),
  async action({ io }, _args: [], flags: FormatFlags) {
    const { list } = await import('../actions/list.js');
    return list(io, flags);
  },
});
