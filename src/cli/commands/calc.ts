import { defineCommand } from '../command.js';
import { collectWord, outputOptions } from '../options.js';
import type { CalcFlags } from '../actions/calc.js';

export const calc = defineCommand({
  name: 'calc',
  summary: 'evaluate an expression with units, optionally converted: "<expression> [-> unit]"',
  args: [
    { name: 'expression', kind: 'expression', variadic: true, help: 'quote it: the shell reads > as a redirection' },
  ],
  options: [
    {
      flags: '--noun <name>',
      help: 'a count noun of this expression, e.g. tweet; repeatable',
      kind: 'text',
      parse: collectWord,
    },
    ...outputOptions('as {version, value, unit, display, notes}; same as --format json', { color: false }),
  ],
  help: `
Without -> the answer is in the units written, merged where they cancel.
A word that is no unit counts something: "2 tweet/user/day" takes tweet as a
count noun for this expression and says so on stderr (--noun tweet does not).

Examples:
  bote calc "150M user * 2 tweet/user/day -> tweet/s"
  bote calc "30 TB/day * 5 year -> PB"
  bote calc "1 Gbps * 1 hour -> GiB"
  bote calc "2^32"`,
  // The shell splits an unquoted expression into words; one that starts with - reads as an option.
  unknownOption: (flag) =>
    /^--?[a-z]/i.test(flag)
      ? undefined // a mistyped flag (--nuon) is only that
      : /^-[\d.(\s]/.test(flag)
        ? {
            message: `calc: \`${flag}\` reads as an option: write -- before an expression that starts with a minus`,
            hint: `bote calc -- "${flag}"`,
          }
        : {
            message: `calc: \`${flag}\` reads as an option: quote the expression (or write -- before it)`,
            hint: 'e.g. bote calc "150M user * 2 req/user/day -> qps"; unquoted, the shell also reads * and > itself',
          },
  async action({ io }, [words]: [string[]], flags: CalcFlags) {
    const { calcCommand } = await import('../actions/calc.js');
    return calcCommand(io, words, flags);
  },
});
