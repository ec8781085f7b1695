import { REFERENCE_TABLES } from '../../core/reference/tables.js';
import { defineCommand } from '../command.js';
import { outputOptions } from '../options.js';
import type { RefFlags } from '../actions/ref.js';

export const ref = defineCommand({
  name: 'ref',
  summary:
    'reference numbers: latency numbers, downtime per availability target, powers of two, capacity defaults and prices',
  args: [
    // Listed in help and completed, but not enforced by commander: `bote ref latncy` gets ref's own "did you mean" (exit 2).
    {
      name: 'table',
      kind: 'choice',
      choices: REFERENCE_TABLES,
      choicesInHelp: true,
      optional: true,
      help: 'the table; without one, the tables are listed',
    },
    {
      name: 'query',
      kind: 'text',
      optional: true,
      help: 'one row: an operation ("disk seek"), an availability (99.95%, "4 nines"), a power (32) or `shortcuts`, a capacity ID (T1) or words',
    },
  ],
  options: outputOptions('as JSON: rows with times in seconds and the conventions used; same as --format json'),
  help: `
Examples:
  bote ref                                   the tables, one line each
  bote ref latency                           every number, with a log-scale bar
  bote ref latency "read 1 MB from disk"     one row; words in any order
  bote ref availability                      downtime per day, week, month, year
  bote ref availability 99.95%               also 99.95, 0.9995, "4 nines", "3.5 nines"
  bote ref powers                            2^10 to 2^60, KiB next to KB; the mental-math shortcuts
  bote ref powers 32 --json
  bote ref powers shortcuts                  day ≈ 10^5 s (M1, +15.7%) and the others, alone
  bote ref capacity                          defaults scenarios cite: req/s per server, prices...
  bote ref capacity T1                       one row: its range, source and date
  bote ref capacity redis                    words, as for latency`,
  async action({ io }, [table, query]: [string | undefined, string | undefined], flags: RefFlags) {
    const { refCommand } = await import('../actions/ref.js');
    return refCommand(io, table, query, flags);
  },
});
