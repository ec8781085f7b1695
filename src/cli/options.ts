import { InvalidArgumentError } from 'commander';
import { FIGURE_NAME } from '../core/scenario/names.js';
import type { Setting } from '../core/scenario/run.js';
import type { OptionDescription } from './command.js';
import { FORMATS } from './output.js';

// The options several commands share, written once. Each is data
// (command.ts); cli/main.ts hands it to commander.

/** `-s, --set`, repeatable. */
export interface SetFlags {
  set?: Setting[];
}

/** One `name=quantity`, as --set and --variant read it. */
export function parseSetting(value: string, example = '--set dau=200M or --set media_size="2 MB/tweet"'): Setting {
  const eq = value.indexOf('=');
  const name = value.slice(0, eq).trim();
  if (eq < 0 || !FIGURE_NAME.test(name) || value.slice(eq + 1).trim() === '') {
    throw new InvalidArgumentError(`expected NAME=QUANTITY, e.g. ${example}`);
  }
  return { name, text: value.slice(eq + 1) };
}

/** Collects repeated `--set name=quantity` options. */
function collectSetting(value: string, previous: Setting[] = []): Setting[] {
  return [...previous, parseSetting(value)];
}

/** Collects repeated `--variant "a=1;b=2 MB"`: a column of settings each, read as --set reads them. */
function collectVariant(value: string, previous: Setting[][] = []): Setting[][] {
  const parts = value.split(';').filter((p) => p.trim() !== '');
  const example = '--variant mau=600M or --variant "media_share=20%;media_size=2 MB/tweet"';
  if (!parts.length) throw new InvalidArgumentError(`expected NAME=QUANTITY, several separated by ;, e.g. ${example}`);
  return [...previous, parts.map((p) => parseSetting(p, example))];
}

/** Collects a repeated option's words: `--noun tweet --noun vCPU`. */
export function collectWord(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A whole number option within bounds, as commander's argument parser. */
export function wholeIn(flag: string, low: number, high: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < low || n > high) {
      throw new InvalidArgumentError(
        `${flag} ${value}: expected a whole number from ${low.toLocaleString('en-US')} to ${high.toLocaleString('en-US')}`,
      );
    }
    return n;
  };
}

export const setOption: OptionDescription = {
  flags: '-s, --set <name=quantity>',
  help: 'override an assumption or figure; repeatable',
  kind: 'setting',
  parse: collectSetting,
};

/** `bote compare`'s columns of settings. */
export const variantOption: OptionDescription = {
  flags: '--variant <settings>',
  help: 'a column: the first scenario with these settings (NAME=QUANTITY, several separated by ;); repeatable',
  kind: 'setting',
  parse: collectVariant,
};

/** Fewer samples give no honest p5 and p95: with 1, all three are the same draw. */
export const SAMPLES = [100, 10_000_000] as const;
/** mulberry32 takes a 32-bit seed. */
export const SEED = [0, 2 ** 32 - 1] as const;

export function samplesOption(help: string): OptionDescription {
  return { flags: '--samples <n>', help, kind: 'number', parse: wholeIn('--samples', ...SAMPLES), default: 10000 };
}

export function seedOption(help: string): OptionDescription {
  return { flags: '--seed <seed>', help, kind: 'number', parse: wholeIn('--seed', ...SEED) };
}

/**
 * The options of every command that prints results: `-f, --format`, its alias
 * `--json`, and (for coloured output) `--color` before `--no-color`, so that
 * `--no-color` does not make colour the default.
 */
export function outputOptions(jsonHelp = 'same as --format json', { color = true } = {}): OptionDescription[] {
  return [
    {
      flags: '-f, --format <format>',
      help: 'output format',
      kind: 'choice',
      choices: FORMATS,
      default: 'table',
      conflicts: 'json',
    },
    { flags: '--json', help: jsonHelp },
    ...(color
      ? [
          { flags: '--color', help: 'colour even when not on a terminal' },
          { flags: '--no-color', help: 'no colour, even on a terminal' },
        ]
      : []),
  ];
}
