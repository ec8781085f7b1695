import { calculate } from '../../core/calc.js';
import { FIGURE_NAME } from '../../core/scenario/names.js';
import { newNoun } from '../../core/units/registry.js';
import { renderDiagnostics } from '../../render/diagnostic.js';
import { envelope } from '../../render/json.js';
import { formatDisplay, formatValue } from '../../render/number.js';
import { CliError, type Io } from '../io.js';
import { emit, formatOf, type FormatFlags } from '../output.js';

export interface CalcFlags extends FormatFlags {
  /** `--noun NAME`, repeatable: count nouns of this expression. */
  noun?: string[];
}

/** `bote calc "<expression> [-> unit]"`: the engine as a calculator. */
export async function calcCommand(io: Io, words: string[], flags: CalcFlags): Promise<void> {
  const nouns = flags.noun ?? [];
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
  const text = words.join(' ');
  const result = calculate(text, { nouns });
  if (!result.ok) {
    io.stderr(
      renderDiagnostics(
        result.diagnostics.map((d) => ({ ...d, file: 'expression' })),
        text,
      ),
    );
    throw new CliError('bad expression', 1, undefined, true);
  }
  const { value, unit, guessedNouns } = result.value;
  // Said once per word, on stderr: the answer on stdout stays the answer.
  const notes = guessedNouns.map((n) => `${n} taken as a count noun`);
  for (const note of notes) io.stderr(`note: ${note}\n`);
  const display = formatDisplay(value, unit);
  return emit(io, formatOf(flags), {
    json: () => envelope({ value, unit, display, notes }),
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
