import type { Command } from 'commander';
import type { Io } from './io.js';

/**
 * What an argument, or an option's value, is: completion offers by it.
 * - `scenario`: a scenario name (`bote list`) or a path to a .yaml file;
 * - `figure`: a result of the scenario already on the line (`explain`, `sensitivity`);
 * - `figures`: results of the scenario on the line, comma-separated (`sweep --show`);
 * - `setting`: `name=` of the scenario on the line (`--set`, `--vary`);
 * - `file`: a path, existing or not (`init`);
 * - `choice`: one of `choices` (a reference table, a shell, a format);
 * - `command`: a command of bote (`help`);
 * - `expression`, `text`, `number`: typed by the user, with nothing to offer.
 */
export type Kind =
  | 'scenario'
  | 'figure'
  | 'figures'
  | 'setting'
  | 'file'
  | 'choice'
  | 'command'
  | 'expression'
  | 'text'
  | 'number';

export interface ArgDescription {
  name: string;
  kind: Kind;
  help: string;
  /** `[name]` rather than `<name>`. */
  optional?: boolean;
  /** `name...`: takes every word from its place on; only the last may be. */
  variadic?: boolean;
  /**
   * For `choice`: the words completion offers. They are not enforced, so that
   * the command can answer a typo with its own did-you-mean.
   */
  choices?: readonly string[];
  /** Help lists `choices` after `help`, unless `help` names them already. */
  choicesInHelp?: boolean;
}

export interface OptionDescription {
  /** As commander reads them: `-s, --set <name=quantity>`, `--log`, `--no-color`. */
  flags: string;
  help: string;
  /** What the value is, for an option that takes one. */
  kind?: Kind;
  /** Enforced: any other value is bad usage (exit 2), listed in help. */
  choices?: readonly string[];
  /** Reads (and checks) each value; `previous` collects a repeated option. */
  parse?: (value: string, previous: never) => unknown;
  default?: unknown;
  /** The command cannot run without it. */
  required?: boolean;
  /** Options it cannot be given with: `--format` and `--json`. */
  conflicts?: string;
}

/** What every action is given besides its arguments and flags. */
export interface CommandContext {
  io: Io;
  /** The commander program, as built from `commands` (completion reads both). */
  program: Command;
  commands: readonly CommandDescription[];
}

/**
 * A command of bote, as data: cli/main.ts builds the commander program from
 * these, and shell completion reads them. `action` loads the command's code
 * when the command runs, so that one command never loads another's.
 */
export interface CommandDescription<Args extends unknown[] = unknown[], Flags = never> {
  name: string;
  /** One line: `bote --help` lists it beside the name. */
  summary: string;
  args?: readonly ArgDescription[];
  options?: readonly OptionDescription[];
  /** Shown after the options: examples and notes. Starts with a newline. */
  help?: string;
  /** Out of help and completion: `__complete`. */
  hidden?: boolean;
  /** Unknown flags are handed on instead of refused. */
  allowUnknownOptions?: boolean;
  /** Reads the whole program (CommandContext.program), as completion does: commander gets every command. */
  readsProgram?: boolean;
  /** What to say instead of commander's "unknown option": calc's `-5 + 3` and `->` are an expression, not options. */
  unknownOption?: (flag: string) => { message: string; hint: string } | undefined;
  /** Commander passes each argument in order (an array for a variadic one), then the flags. */
  action(ctx: CommandContext, args: Args, flags: Flags): Promise<void>;
}

/** Checks a description against its action's types; the list in main.ts holds them all alike. */
export function defineCommand<Args extends unknown[], Flags>(
  description: CommandDescription<Args, Flags>,
): CommandDescription {
  return description as unknown as CommandDescription;
}
