import type { Command } from 'commander';
import { bashScript } from '../completion/bash.js';
import { fishScript } from '../completion/fish.js';
import { specFromProgram } from '../completion/spec.js';
import { zshScript } from '../completion/zsh.js';
import { CliError, type Io } from '../io.js';

const SHELLS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

/**
 * `bote completion <shell>`: prints the completion script of bash, zsh or
 * fish, generated from the program's own commands and flags.
 */
export function completionCommand(io: Io, shell: string, program: Command): void {
  if (!Object.hasOwn(SHELLS, shell)) {
    throw new CliError(`unknown shell \`${shell}\` (bash, zsh or fish)\nusage: ${program.name()} completion bash|zsh|fish`, 2);
  }
  const spec = specFromProgram(program);
  // This command's own argument: its shells, which commander does not know as choices.
  const self = spec.commands.find((c) => c.name === 'completion')?.args[0];
  if (self && self.value === 'any') Object.assign(self, { value: 'choices', choices: Object.keys(SHELLS) });
  io.stdout(SHELLS[shell as keyof typeof SHELLS](spec));
}
