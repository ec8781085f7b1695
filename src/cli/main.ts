import { Argument, Command, CommanderError, Option } from 'commander';
import { version } from '../../package.json';
import type { CommandContext, CommandDescription } from './command.js';
import { calc } from './commands/calc.js';
import { check } from './commands/check.js';
import { compare } from './commands/compare.js';
import { complete } from './commands/complete.js';
import { completion } from './commands/completion.js';
import { drill } from './commands/drill.js';
import { estimate } from './commands/estimate.js';
import { explain } from './commands/explain.js';
import { init } from './commands/init.js';
import { list } from './commands/list.js';
import { ref } from './commands/ref.js';
import { schema } from './commands/schema.js';
import { sensitivity } from './commands/sensitivity.js';
import { sweep } from './commands/sweep.js';
import { validate } from './commands/validate.js';
import { CliError, errorText, processIo, type Io } from './io.js';

/** bote's commands, in the order `bote --help` lists them. */
export const COMMANDS: readonly CommandDescription[] = [
  estimate,
  compare,
  explain,
  check,
  calc,
  validate,
  init,
  schema,
  ref,
  sensitivity,
  sweep,
  drill,
  completion,
  complete,
  list,
];

const EXAMPLES = `
Examples:
  bote estimate twitter                      the Twitter estimate as tables
  bote estimate twitter --set dau=200M       what if 200 M users were active daily?
  bote estimate url-shortener --json | jq .results.storage_total
  bote estimate ./my-service.yaml --format markdown
  bote list                                  the scenarios, by source

A scenario NAME is ./NAME.yaml if there is one, else the first found of
./scenarios/NAME.yaml, the folders of BOTE_PATH and the built-ins.`;

/**
 * The commander program of `commands`; with `only`, commander is given that
 * command alone (run() passes the one named on the command line), while
 * `commands` stays whole for the actions that read it.
 */
export function makeProgram(io: Io, commands: readonly CommandDescription[] = COMMANDS, only?: string): Command {
  const program = new Command('bote')
    .description(
      'Back-of-the-envelope estimation for system design: QPS, storage, bandwidth and servers, with units checked.',
    )
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // commander says `error: ...`; every error of bote starts `bote: error: `.
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (s, write) => write(s.startsWith('error:') ? `bote: ${s}` : s),
    })
    .exitOverride()
    .addHelpText('after', EXAMPLES);
  const ctx: CommandContext = { io, program, commands };
  for (const description of commands)
    if (only === undefined || description.name === only)
      describeCommand(program.command(description.name, { hidden: Boolean(description.hidden) }), description, ctx);
  return program;
}

/** Gives a commander command (with the program's settings) a description's arguments, options, help and action. */
function describeCommand(cmd: Command, d: CommandDescription, ctx: CommandContext): void {
  if (d.summary) cmd.description(d.summary);
  for (const a of d.args ?? []) {
    const arg = new Argument(
      a.optional ? `[${a.name}${a.variadic ? '...' : ''}]` : `<${a.name}${a.variadic ? '...' : ''}>`,
      a.help,
    );
    // Set as data rather than with .choices(), which would refuse other words.
    if (a.choices && a.choicesInHelp) arg.argChoices = [...a.choices];
    cmd.addArgument(arg);
  }
  for (const o of d.options ?? []) {
    const option = new Option(o.flags, o.help);
    if (o.choices) option.choices(o.choices);
    if (o.parse) option.argParser(o.parse as (value: string, previous: unknown) => unknown);
    if (o.default !== undefined) option.default(o.default);
    if (o.conflicts) option.conflicts(o.conflicts);
    if (o.required) option.makeOptionMandatory();
    cmd.addOption(option);
  }
  if (d.allowUnknownOptions) cmd.allowUnknownOption();
  const { unknownOption } = d;
  if (unknownOption) {
    const output = cmd.configureOutput();
    cmd.configureOutput({
      ...output,
      outputError: (s, write) => {
        const flag = /^error: unknown option '(.*)'\n?$/s.exec(s)?.[1];
        const said = flag === undefined ? undefined : unknownOption(flag);
        if (said) write(errorText(new CliError(said.message, 2, said.hint)));
        else output.outputError?.(s, write);
      },
    });
  }
  if (d.help) cmd.addHelpText('after', d.help);
  const positional = cmd.registeredArguments.length;
  // Commander passes the arguments one by one, then the flags.
  cmd.action((...given: unknown[]) => d.action(ctx, given.slice(0, positional), given[positional] as never));
}

/** Runs the CLI and returns the exit code: 0 ok, 1 bad input, 2 bad usage. */
export async function run(argv: string[], io: Io): Promise<number> {
  // A command named first is the only one commander needs: the others' options
  // and help cost start-up and change nothing it prints (completion reads them all).
  const named = COMMANDS.find((c) => c.name === argv[0] && !c.readsProgram);
  const program = makeProgram(io, COMMANDS, named?.name);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help asked for (--help, --version, `bote help`) is 0; help shown for a missing command is bad usage.
      return e.exitCode === 0 || ['commander.helpDisplayed', 'commander.version'].includes(e.code) ? 0 : 2;
    }
    if (e instanceof CliError) {
      if (e.reported) return e.exitCode;
      io.stderr(errorText(e));
      return e.exitCode;
    }
    io.stderr(
      `bote: internal error, please report it with the command you ran:\n${(e as Error)?.stack ?? String(e)}\n`,
    );
    return 1;
  }
}

// What scripts/build-code-cache.mjs runs the commands with, output dropped.
export { processIo };

/** The process entry point used by bin/bote.js. */
export async function main(argv: string[]): Promise<void> {
  process.exitCode = await run(argv, processIo());
}
