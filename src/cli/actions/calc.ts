import { calculate, type CalcResult } from '../../core/calc.js';
import { fail } from '../../core/diagnostic.js';
import { FIGURE_NAME } from '../../core/scenario/names.js';
import { newNoun } from '../../core/units/registry.js';
import { envelope } from '../../render/json.js';
import { formatDisplay, formatValue } from '../../render/number.js';
import { CliError, type Io } from '../io.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import { orFail } from '../fail.js';
import type { Loader } from '../load.js';

export interface CalcFlags extends FormatFlags {
  /** `--noun NAME`, repeatable: count nouns of this expression. */
  noun?: string[];
}

/**
 * One expression's answer: its value in its unit, the friendly form, and
 * the words taken as count nouns. `bote calc --json` prints it in the
 * envelope, and the library's calc() returns it. Errors point into the
 * expression, named `expression`.
 */
export function calcAnswer(loader: Pick<Loader, 'check'>, text: string, nouns: readonly string[] = []) {
  for (const noun of nouns) {
    if (!FIGURE_NAME.test(noun))
      throw new CliError(`--noun ${noun}: a noun is a word of letters, digits and _`, 2, 'e.g. --noun tweet');
    const verdict = newNoun(noun);
    if (typeof verdict === 'object')
      throw new CliError(
        `--noun ${noun}: \`${noun}\` is already a unit (${verdict.clash.symbol})`,
        2,
        'choose another word',
      );
  }
  const result = calculate(text, { nouns });
  const named = result.ok ? result : fail<CalcResult>(...result.diagnostics.map((d) => ({ ...d, file: 'expression' })));
  const { value, unit, guessedNouns } = loader.check(named, [{ file: 'expression', text }]);
  const notes = guessedNouns.map((n) => `${n} taken as a count noun`);
  return { value, unit, display: formatDisplay(value, unit), notes };
}

/** `bote calc "<expression> [-> unit]"`: the engine as a calculator. */
export async function calcCommand(io: Io, words: string[], flags: CalcFlags): Promise<void> {
  const answer = calcAnswer({ check: (result, texts) => orFail(io, result, texts) }, words.join(' '), flags.noun ?? []);
  const { value, unit, display, notes } = answer;
  // Said once per word, on stderr: the answer on stdout stays the answer.
  for (const note of notes) io.stderr(`note: ${note}\n`);
  return emit(io, formatOf(flags), {
    json: () => envelope(answer),
    compact: true,
    rows: () => ({ columns: ['value', 'unit', 'display'], rows: [[value, unit, display]] }),
    table: () => {
      const exact = `${formatValue(value)}${unit ? ` ${unit}` : ''}`;
      // Show the friendly form only where it adds a scale or another prefix: "3.47 K req/s".
      const unitPart = (s: string) => s.replace(/^[-\d.,e+\s]*/, '');
      return `${exact}${unitPart(display) !== unitPart(exact) ? `  (${display})` : ''}\n`;
    },
  });
}
