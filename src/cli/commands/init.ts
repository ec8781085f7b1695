import { defineCommand } from '../command.js';
import type { InitFlags } from '../actions/init.js';

export const init = defineCommand({
  name: 'init',
  summary: 'write <name>.yaml: a commented starting point, or a copy of a scenario',
  args: [{ name: 'name', kind: 'file', help: 'the new file (".yaml" is added when there is no extension)' }],
  options: [
    {
      flags: '--from <scenario>',
      help: 'copy this scenario (a built-in name or a path), without its published figures',
      kind: 'scenario',
    },
    {
      flags: '--extends <scenario>',
      help: 'a variant: a short file that extends this scenario (a name or a path) and says only what differs',
      kind: 'scenario',
    },
    { flags: '--keep-expect', help: "with --from: copy the source's published figures (expect:) too" },
    {
      flags: '--force',
      help: 'replace the file if it exists; through a symbolic link, the file it points to (replaced whole, the link kept)',
    },
  ],
  help: `
Examples:
  bote init my-service
  bote init my-shortener --from url-shortener
  bote init twitter-2x --extends twitter`,
  async action({ io }, [name]: [string], flags: InitFlags) {
    const { initCommand } = await import('../actions/init.js');
    return initCommand(io, name, flags);
  },
});
