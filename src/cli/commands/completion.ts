import { defineCommand } from '../command.js';
import { SHELLS } from '../completion/shells.js';

export const completion = defineCommand({
  name: 'completion',
  summary: 'print a shell completion script: commands, flags, scenario names and, after --set, assumption names',
  // Not enforced: an unknown shell gets completion's own usage line.
  args: [{ name: 'shell', kind: 'choice', choices: SHELLS, help: 'bash, zsh or fish' }],
  readsProgram: true,
  help: `
Examples:
  bote completion bash > ~/.local/share/bash-completion/completions/bote
  bote completion zsh > "\${fpath[1]}/_bote"
  bote completion fish > ~/.config/fish/completions/bote.fish`,
  async action(ctx, [shell]: [string], _flags: object) {
    const { completionCommand } = await import('../actions/completion.js');
    return completionCommand(ctx, shell);
  },
});
