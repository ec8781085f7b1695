import type { Command, Option } from 'commander';
import type { CommandDescription, Kind, OptionDescription } from '../command.js';

/**
 * What a completion script needs to know about the CLI: its visible commands,
 * their flags and their positional arguments, each with what its value is.
 * Read from the commands' descriptions (cli/commands/*.ts) and from the
 * commander program built from them, which adds `help` and `--help`: nothing
 * here is written twice.
 */
export interface CliSpec {
  /** The program's name, `bote`. */
  bin: string;
  /** Flags of the program itself (`--version`, `--help`). */
  options: OptionSpec[];
  commands: CommandSpec[];
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  args: ArgSpec[];
}

/**
 * What the scripts offer for a value (a description's Kind, as completion sees it):
 * - `scenario`: a scenario name (from `bote __complete scenarios`) or a YAML file;
 * - `setting`: `name=` of the scenario already on the line (`--set`, `--vary`);
 * - `figure`: a result of the scenario already on the line (`explain`, `sensitivity`);
 * - `figures`: the same, comma-separated (`--show a,b`);
 * - `file`: a file or folder;
 * - `choices`: one of `choices`;
 * - `any`: free text, nothing to offer.
 */
export type ValueKind = 'scenario' | 'setting' | 'figure' | 'figures' | 'file' | 'choices' | 'any';

export interface OptionSpec {
  /** `-s`, `--set`: every spelling; `--no-color` is its own option. */
  names: string[];
  description: string;
  /** Takes a value: `--set <x>` (the next word, or `--set=x`). */
  takesValue: boolean;
  value: ValueKind;
  choices: string[];
}

export interface ArgSpec {
  name: string;
  description: string;
  variadic: boolean;
  value: ValueKind;
  choices: string[];
}

/** The spec of a program built from `commands` (commander's own `help` command and `--help` flags included). */
export function specFromProgram(program: Command, commands: readonly CommandDescription[]): CliSpec {
  const help = program.createHelp();
  const visible = help.visibleCommands(program);
  return {
    bin: program.name(),
    options: help.visibleOptions(program).map((o) => optionSpec(o)),
    commands: visible.map((cmd) => {
      const described = commands.find((d) => d.name === cmd.name());
      return {
        name: cmd.name(),
        description: oneLine(cmd.description()),
        options: help.visibleOptions(cmd).map((o) =>
          optionSpec(
            o,
            described?.options?.find((d) => d.flags === o.flags),
          ),
        ),
        args: cmd.registeredArguments.map((a, i): ArgSpec => {
          const arg = described?.args?.[i];
          // `bote help <command>`: commander's, and its choices are the commands.
          const kind: Kind = arg?.kind ?? (cmd.name() === 'help' ? 'command' : 'text');
          const choices = kind === 'command' ? visible.map((c) => c.name()) : [...(arg?.choices ?? [])];
          return {
            name: a.name(),
            description: oneLine(a.description),
            variadic: a.variadic,
            value: valueKind(kind),
            choices,
          };
        }),
      };
    }),
  };
}

function optionSpec(o: Option, described?: OptionDescription): OptionSpec {
  const names = [o.short, o.long].filter((n): n is string => Boolean(n));
  const takesValue = o.required || o.optional;
  const value = takesValue ? valueKind(described?.kind ?? 'text') : 'any';
  return { names, description: oneLine(o.description), takesValue, value, choices: [...(described?.choices ?? [])] };
}

function valueKind(kind: Kind): ValueKind {
  switch (kind) {
    case 'scenario':
    case 'setting':
    case 'figure':
    case 'figures':
    case 'file':
      return kind;
    case 'choice':
    case 'command':
      return 'choices';
    case 'expression':
    case 'text':
    case 'number':
      return 'any';
    default:
      return kind satisfies never;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Names that are safe to paste into shell code unquoted: commands, flags, choices. */
export function checkWord(word: string): string {
  if (!/^[A-Za-z0-9_.:+-]+$/.test(word)) throw new Error(`cannot put ${JSON.stringify(word)} into a completion script`);
  return word;
}

/** A value's kind as the scripts' tables write it: `choices a b c`, or the kind alone. */
export function kindWords(value: ValueKind, choices: readonly string[]): string {
  return value === 'choices' ? ['choices', ...choices.map(checkWord)].join(' ') : value;
}
