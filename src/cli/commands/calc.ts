import { calculate } from '../../core/calc.js';
import { renderDiagnostics } from '../../render/diagnostic.js';
import { formatDisplay, formatValue } from '../../render/number.js';
import { CliError, type Io } from '../io.js';
import { emit, formatOf, type FormatFlags } from '../output.js';

/** `bote calc "<expression> [-> unit]"`: the engine as a calculator. */
export async function calcCommand(io: Io, words: string[], flags: FormatFlags): Promise<void> {
  const text = words.join(' ');
  const result = calculate(text);
  if (!result.ok) {
    io.stderr(renderDiagnostics(result.diagnostics.map((d) => ({ ...d, file: 'expression' })), text));
    throw new CliError('bad expression', 1, undefined, true);
  }
  const { value, unit } = result.value;
  const display = formatDisplay(value, unit);
  return emit(io, formatOf(flags), {
    json: () => ({ value, unit, display }),
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
