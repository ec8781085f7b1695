import type { CommandContext } from '../command.js';
import { bashScript } from '../completion/bash.js';
import { fishScript } from '../completion/fish.js';
import { specFromProgram } from '../completion/spec.js';
import { SHELLS, type Shell } from '../completion/shells.js';
import { zshScript } from '../completion/zsh.js';
import { CliError } from '../io.js';

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript } satisfies Record<Shell, unknown>;

/**
 * `bote completion <shell>`: prints the completion script of bash, zsh or
 * fish, generated from the commands' descriptions and the program built from them.
 */
export function completionCommand({ io, program, commands }: CommandContext, shell: string): void {
  if (!Object.hasOwn(SCRIPTS, shell)) {
    throw new CliError(
      `unknown shell \`${shell}\` (bash, zsh or fish)\nusage: ${program.name()} completion ${SHELLS.join('|')}`,
      2,
    );
  }
  io.stdout(SCRIPTS[shell as Shell](specFromProgram(program, commands)));
}
