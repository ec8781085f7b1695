import type { Command, Option } from 'commander';

/**
 * What a completion script needs to know about the CLI, read from the
 * commander program itself: its visible commands, their flags and their
 * positional arguments. Nothing here is written twice: a flag added to
 * main.ts is completed the next time the script is generated.
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
 * What a value is, where the shell can offer something:
 * - `scenario`: a scenario name (from `bote __complete scenarios`) or a YAML file;
 * - `setting`: `name=` of the scenario already on the line (`--set`, `--vary`);
 * - `figure`: a figure of the scenario already on the line (`explain`, `sensitivity`);
 * - `choices`: one of `choices`;
 * - `any`: free text, nothing to offer.
 */
export type ValueKind = 'scenario' | 'setting' | 'figure' | 'choices' | 'any';

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

/** Arguments named so take scenarios; the first of them is "the scenario on the line". */
const SCENARIO_ARGS = new Set(['scenario', 'scenarios', 'files']);
/** Arguments named so, after a scenario, take its derived figures. */
const FIGURE_ARGS = new Set(['names', 'result', 'results', 'figure', 'figures']);

/** Reads the spec from a commander program (visible commands and flags only, with `help`). */
export function specFromProgram(program: Command): CliSpec {
  const help = program.createHelp();
  return {
    bin: program.name(),
    options: help.visibleOptions(program).map(optionSpec),
    commands: help.visibleCommands(program).map((cmd) => {
      const takesScenario = cmd.registeredArguments.some((a) => SCENARIO_ARGS.has(a.name()));
      return {
        name: cmd.name(),
        description: oneLine(cmd.description()),
        options: help.visibleOptions(cmd).map(optionSpec),
        args: cmd.registeredArguments.map((a): ArgSpec => {
          const choices = [...(a.argChoices ?? [])];
          const value: ValueKind = choices.length ? 'choices'
            : SCENARIO_ARGS.has(a.name()) ? 'scenario'
            : takesScenario && FIGURE_ARGS.has(a.name()) ? 'figure'
            : cmd.name() === 'help' ? 'choices'
            : 'any';
          // `bote help <command>`: the commands are its choices.
          const offered = cmd.name() === 'help' && !choices.length ? help.visibleCommands(program).map((c) => c.name()) : choices;
          return { name: a.name(), description: oneLine(a.description), variadic: a.variadic, value, choices: offered };
        }),
      };
    }),
  };
}

function optionSpec(o: Option): OptionSpec {
  const names = [o.short, o.long].filter((n): n is string => Boolean(n));
  const takesValue = o.required || o.optional;
  const choices = [...(o.argChoices ?? [])];
  // The value's placeholder says what it is: `--set <name=quantity>`, `--from <scenario>`.
  const placeholder = /[<[]([^>\]]*)[>\]]/.exec(o.flags)?.[1] ?? '';
  const value: ValueKind = !takesValue ? 'any'
    : choices.length ? 'choices'
    : /^name=/.test(placeholder) ? 'setting'
    : SCENARIO_ARGS.has(placeholder) ? 'scenario'
    : 'any';
  return { names, description: oneLine(o.description), takesValue, value, choices };
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
