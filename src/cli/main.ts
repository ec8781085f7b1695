import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CliError, processIo, reasonOf, type Io } from './io.js';
import { FORMATS, type Format } from './output.js';
import { FIGURE_NAME } from '../core/scenario/names.js';
import { REFERENCE_TABLES } from '../core/reference/tables.js';
import { version } from '../../package.json';

const EXAMPLES = `
Examples:
  bote estimate twitter                      the Twitter estimate as tables
  bote estimate twitter --set dau=200M       what if 200 M users were active daily?
  bote estimate url-shortener --json | jq .results.storage_total
  bote estimate ./my-service.yaml --format markdown
  bote list                                  the scenarios, by source`;

/** Collects repeated `--set name=quantity` options. */
function collectSetting(value: string, previous: Array<{ name: string; text: string }> = []) {
  const eq = value.indexOf('=');
  const name = value.slice(0, eq).trim();
  if (eq < 0 || !FIGURE_NAME.test(name) || value.slice(eq + 1).trim() === '') {
    throw new InvalidArgumentError('expected NAME=QUANTITY, e.g. --set dau=200M or --set media_size="2 MB/tweet"');
  }
  return [...previous, { name, text: value.slice(eq + 1) }];
}

/** Collects a repeated option's words: `--noun tweet --noun vCPU`. */
function collectWord(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * The options of every command that prints results: `-f, --format`, its alias
 * `--json`, and (for coloured output) `--color` before `--no-color`, so that
 * `--no-color` does not make colour the default.
 */
function withOutputOptions(cmd: Command, jsonHelp = 'same as --format json', { color = true } = {}): Command {
  cmd.addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table').conflicts('json')).option('--json', jsonHelp);
  if (color) cmd.option('--color', 'colour even when not on a terminal').option('--no-color', 'no colour, even on a terminal');
  return cmd;
}

/** A whole number option within bounds, as commander's argument parser. */
function wholeIn(flag: string, low: number, high: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < low || n > high) {
      throw new InvalidArgumentError(`${flag} ${value}: expected a whole number from ${low.toLocaleString('en-US')} to ${high.toLocaleString('en-US')}`);
    }
    return n;
  };
}

/** Fewer samples give no honest p5 and p95: with 1, all three are the same draw. */
const sampleCount = wholeIn('--samples', 100, 10_000_000);
/** More points than a chart or a spreadsheet wants; the bound also bounds the work. */
const sweepSteps = wholeIn('--steps', 2, 10_000);
/** mulberry32 takes a 32-bit seed. */
const seedNumber = wholeIn('--seed', 0, 2 ** 32 - 1);

/**
 * `<table>` of `bote ref`: its choices are known to completion, but not
 * enforced by commander, so that `bote ref latncy` gets ref's own "did you
 * mean" (exit 2) rather than commander's list.
 */
function tableArgument(): Argument {
  const arg = new Argument('<table>', 'the table');
  arg.argChoices = [...REFERENCE_TABLES];
  return arg;
}

export function makeProgram(io: Io): Command {
  const program = new Command('bote')
    .description('Back-of-the-envelope estimation for system design: QPS, storage, bandwidth and servers, with units checked.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // commander says `error: ...`; every error of bote starts `bote: error: `.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s.startsWith('error:') ? `bote: ${s}` : s) })
    .exitOverride()
    .addHelpText('after', EXAMPLES);

  withOutputOptions(program
    .command('estimate')
    .description('derive the figures of a scenario and print them')
    .argument('<scenario>', 'a built-in scenario name (see `bote list`) or a path to a .yaml file')
    .option('-s, --set <name=quantity>', 'override an assumption or figure; repeatable', collectSetting)
    .option('--samples <n>', 'Monte Carlo samples when an assumption is a range', sampleCount, 10000)
    .option('--seed <seed>', 'random seed, for the same percentiles twice', seedNumber)
    .option('-i, --interactive', 'what-if loop: change assumptions, see every result change, save a new scenario (needs a terminal; Ctrl-C exits 130)')
    .option('--chart', 'chart the growth of results that accumulate over a horizon (storage over years)'))
    .addHelpText('after', `
Examples:
  bote estimate twitter
  bote estimate twitter --set dau=200M --set media_size="2 MB/tweet"
  bote estimate uber --json | jq .results.rps.value
  bote estimate ./scenarios/my-service.yaml --format csv > figures.csv

Quantities take units (MB, GiB, Gbps, ms, day, year, USD or $), scale words
and suffixes (300M, 2bn, 1.5k, "300 million"), and percentages (50%).

A guess may be a range: --set dau="100M to 300M". "a to b" is a 90% interval,
lognormal as in Squiggle and Guesstimate (not Causal's triangle); normal
where the low end is zero or below. Results then show p5, p50 and p95.`)
    .action(async (scenario: string, options: EstimateFlags) => {
      if (options.interactive) {
        const { interactive } = await import('./interactive/loop.js');
        await interactive(io, scenario, options);
        return;
      }
      const { estimate } = await import('./actions/estimate.js');
      await estimate(io, scenario, options);
    });

  withOutputOptions(program
    .command('explain')
    .description('show how each figure follows from the assumptions, step by step')
    .argument('<scenario>', 'a built-in scenario name or a path to a .yaml file')
    .argument('[names...]', 'the figures to explain (default: all, in dependency order)')
    .option('-s, --set <name=quantity>', 'override an assumption or figure; repeatable', collectSetting), 'the steps as data; same as --format json')
    .addHelpText('after', `
Examples:
  bote explain twitter peak_qps
  bote explain url-shortener storage_total --set service_life="5 year"
  bote explain uber --json`)
    .action(async (scenario: string, names: string[], options: CommonFlags) => {
      const { explainCommand } = await import('./actions/explain.js');
      await explainCommand(io, scenario, names, options);
    });

  withOutputOptions(program
    .command('check')
    .description("compare each scenario's published figures with the computed ones; errata are reported, not failed")
    .argument('[scenarios...]', 'scenario names or .yaml paths (default: every scenario `bote list` shows, built-ins included)'))
    .addHelpText('after', `
"~" in a published figure allows 10%; otherwise 1%. Exit code 1 if any figure
disagrees without an erratum.

Examples:
  bote check
  bote check url-shortener ./my-service.yaml`)
    .action(async (scenarios: string[], options: CommonFlags) => {
      const { checkCommand } = await import('./actions/check.js');
      await checkCommand(io, scenarios, options);
    });

  withOutputOptions(program
    .command('calc')
    .description('evaluate an expression with units, optionally converted: "<expression> [-> unit]"')
    .argument('<expression...>', 'quote it: the shell reads > as a redirection')
    .option('--noun <name>', 'a count noun of this expression, e.g. tweet; repeatable', collectWord), 'as {version, value, unit, display, notes}; same as --format json', { color: false })
    .addHelpText('after', `
Without -> the answer is in the units written, merged where they cancel.
A word that is no unit counts something: "2 tweet/user/day" takes tweet as a
count noun for this expression and says so on stderr (--noun tweet does not).

Examples:
  bote calc "150M user * 2 tweet/user/day -> tweet/s"
  bote calc "30 TB/day * 5 year -> PB"
  bote calc "1 Gbps * 1 hour -> GiB"
  bote calc "2^32"`)
    .action(async (words: string[], options: { format: Format; json?: boolean; noun?: string[] }) => {
      const { calcCommand } = await import('./actions/calc.js');
      await calcCommand(io, words, options);
    });

  withOutputOptions(program
    .command('validate')
    .description('check scenario files without printing results: every problem of every file, with file:line:col')
    .argument('<files...>', 'scenario files or names'), 'the problems as JSON diagnostics; same as --format json', { color: false })
    .addHelpText('after', `
Examples:
  bote validate scenarios/*.yaml
  bote validate my-service.yaml --json`)
    .action(async (files: string[], options: { format: Format; json?: boolean }) => {
      const { validateCommand } = await import('./actions/validate.js');
      await validateCommand(io, files, options);
    });

  program
    .command('init')
    .description('write <name>.yaml: a commented starting point, or a copy of a scenario')
    .argument('<name>', 'the new file (".yaml" is added when there is no extension)')
    .option('--from <scenario>', 'copy this scenario (a built-in name or a path), without its published figures')
    .option('--keep-expect', "with --from: copy the source's published figures (expect:) too")
    .option('--force', 'replace the file if it exists')
    .addHelpText('after', `
Examples:
  bote init my-service
  bote init my-shortener --from url-shortener`)
    .action(async (name: string, options: { from?: string; keepExpect?: boolean; force?: boolean }) => {
      const { initCommand } = await import('./actions/init.js');
      initCommand(io, name, options);
    });

  program
    .command('schema')
    .description('print the JSON Schema of scenario files, for editors')
    .action(async () => {
      const { schemaCommand } = await import('./actions/schema.js');
      schemaCommand(io);
    });

  withOutputOptions(program
    .command('ref')
    .description('reference numbers: latency numbers, downtime per availability target, powers of two, capacity defaults and prices')
    .addArgument(tableArgument())
    .argument('[query]', 'one row: an operation ("disk seek"), an availability (99.95%, "4 nines"), a power (32) or a capacity ID (T1) or words'), 'as JSON: rows with times in seconds and the conventions used; same as --format json')
    .addHelpText('after', `
Examples:
  bote ref latency                           every number, with a log-scale bar
  bote ref latency "read 1 MB from disk"     one row; words in any order
  bote ref availability                      downtime per day, week, month, year
  bote ref availability 99.95%               also 99.95, 0.9995, "4 nines", "3.5 nines"
  bote ref powers                            2^10 to 2^60, KiB next to KB
  bote ref powers 32 --json
  bote ref capacity                          defaults scenarios cite: req/s per server, prices...
  bote ref capacity T1                       one row: its range, source and date
  bote ref capacity redis                    words, as for latency`)
    .action(async (table: string, query: string | undefined, options: CommonFlags) => {
      const { refCommand } = await import('./actions/ref.js');
      await refCommand(io, table, query, options);
    });

  withOutputOptions(program
    .command('sensitivity')
    .description('which assumption moves a result most: one-at-a-time swings (tornado) and, with ranges, shares of variance')
    .argument('<scenario>', 'a built-in scenario name or a path to a .yaml file')
    .argument('[result]', 'the figure to study; without it, every headline figure of the scenario')
    .option('-s, --set <name=quantity>', 'override an assumption or figure; repeatable', collectSetting)
    .option('--samples <n>', 'Monte Carlo samples for the variance shares', sampleCount, 10000)
    .option('--seed <seed>', 'random seed', seedNumber))
    .addHelpText('after', `
Each assumption swings from its low to its high end, or by ±50% where it is
not a range, while the others keep their values.

Without a result, one tornado per headline figure: the results the scenario
marks \`headline: true\`, else those with a published figure, else all.

Examples:
  bote sensitivity twitter
  bote sensitivity twitter media_storage_total
  bote sensitivity twitter peak_qps --set dau="100M to 300M" --json`)
    .action(async (scenario: string, result: string | undefined, options: SensitivityFlags) => {
      const { sensitivityCommand } = await import('./actions/sensitivity.js');
      await sensitivityCommand(io, scenario, result, options);
    });

  withOutputOptions(program
    .command('sweep')
    .description('vary one assumption over a range and tabulate and chart chosen results')
    .argument('<scenario>', 'a built-in scenario name or a path to a .yaml file')
    .requiredOption('--vary <name=FROM..TO>', 'the assumption and its range, e.g. dau=10M..1bn')
    .requiredOption('--show <results>', 'comma-separated results, e.g. peak_qps,media_storage_total')
    .option('--steps <n>', 'points along the range', sweepSteps, 11)
    .option('--log', 'space the points evenly on a log scale')
    .option('-s, --set <name=quantity>', 'override an assumption or figure; repeatable', collectSetting))
    .addHelpText('after', `
Examples:
  bote sweep twitter --vary dau=10M..1bn --log --show peak_qps,media_storage_total
  bote sweep url-shortener --vary read_write_ratio=1..100 --steps 5 --show read_qps --format csv`)
    .action(async (scenario: string, options: SweepFlags) => {
      const { sweepCommand } = await import('./actions/sweep.js');
      await sweepCommand(io, scenario, options);
    });

  program
    .command('completion')
    .description('print a shell completion script: commands, flags, scenario names and, after --set, assumption names')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', `
Examples:
  bote completion bash > ~/.local/share/bash-completion/completions/bote
  bote completion zsh > "\${fpath[1]}/_bote"
  bote completion fish > ~/.config/fish/completions/bote.fish`)
    .action(async (shell: string) => {
      const { completionCommand } = await import('./actions/completion.js');
      completionCommand(io, shell, program);
    });

  // Hidden: what the completion scripts ask while the user types (see src/cli/completion/helper.ts).
  program
    .command('__complete', { hidden: true })
    .argument('[what]')
    .argument('[args...]')
    .allowUnknownOption()
    .action(async (what: string | undefined, args: string[]) => {
      const { completeHelper } = await import('./completion/helper.js');
      completeHelper(io, what ?? '', args);
    });

  withOutputOptions(program
    .command('list')
    .description('list the scenarios a name reaches (./scenarios, BOTE_PATH, built-ins) with titles and sources'), undefined, { color: false })
    .action(async (options: { format: Format; json?: boolean }) => {
      const { list } = await import('./actions/list.js');
      await list(io, options);
    });

  return program;
}

export interface CommonFlags {
  set?: Array<{ name: string; text: string }>;
  json?: boolean;
  color?: boolean;
}

export interface EstimateFlags extends CommonFlags {
  format: Format;
  samples: number;
  seed?: number;
  interactive?: boolean;
  chart?: boolean;
}

export interface SensitivityFlags extends CommonFlags {
  samples: number;
  seed?: number;
}

export interface SweepFlags extends CommonFlags {
  vary: string;
  show: string;
  steps: number;
  log?: boolean;
  format: Format;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 bad input, 2 bad usage. */
export async function run(argv: string[], io: Io): Promise<number> {
  const program = makeProgram(io);
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
      io.stderr(`bote: error: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
      return e.exitCode;
    }
    io.stderr(`bote: internal error, please report it with the command you ran:\n${(e as Error)?.stack ?? String(e)}\n`);
    return 1;
  }
}

/** The process entry point used by bin/bote.js. */
export async function main(argv: string[]): Promise<void> {
  // A closed pipe (`bote ... | head`) ends the output, not the tool; a full
  // disk or a closed terminal is said in one line, not a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && stream === process.stdout) process.stderr.write(`bote: error: cannot write the output: ${reasonOf(e)}\n`);
      process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
    });
  }
  process.exitCode = await run(argv, processIo());
}
