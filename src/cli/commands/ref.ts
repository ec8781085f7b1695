import { availabilityRow, availabilityTable, DOWNTIME_PERIODS, parseAvailability, YEAR_DAYS } from '../../core/reference/availability.js';
import { findLatency, LATENCY_NUMBERS, type LatencyRow } from '../../core/reference/latency.js';
import { MAX_POWER, parsePower, powerRow, powersTable } from '../../core/reference/powers.js';
import { didYouMean } from '../../core/suggest.js';
import { renderAvailability, renderAvailabilityTable, renderLatencyMatches, renderLatencyTable, renderPowers } from '../../render/reference.js';
import { makeStyle, useColor } from '../../render/style.js';
import { CliError, type Io } from '../io.js';
import type { CommonFlags } from '../main.js';

export const REFERENCE_TABLES = ['latency', 'availability', 'powers'] as const;

type Flags = Pick<CommonFlags, 'json' | 'color'>;

/**
 * `bote ref <table> [query]`: the reference numbers estimates lean on,
 * computed where they can be (availability, powers) so that they follow
 * bote's own conventions instead of whichever copy was pasted.
 */
export function refCommand(io: Io, table: string, query: string | undefined, flags: Flags): void {
  const style = makeStyle(useColor({ isTTY: io.stdoutIsTTY, env: io.env, ...(flags.color !== undefined ? { flag: flags.color } : {}) }));
  const json = (doc: object) => io.stdout(`${JSON.stringify({ version: 1, table, ...doc }, null, 2)}\n`);
  switch (table) {
    case 'latency': {
      const rows = query === undefined ? LATENCY_NUMBERS : latencyMatches(query);
      // keywords only steer the search; the rows are name, seconds and source.
      if (flags.json) return json({ unit: 's', rows: rows.map(({ name, seconds, source }) => ({ name, seconds, source })) });
      return io.stdout(query === undefined ? renderLatencyTable(rows, style) : renderLatencyMatches(rows, style));
    }
    case 'availability': {
      const rows = query === undefined ? availabilityTable() : [availabilityFor(query)];
      if (flags.json) return json({ unit: 's', conventions: { yearDays: YEAR_DAYS, periods: DOWNTIME_PERIODS }, rows });
      return io.stdout(query === undefined ? renderAvailabilityTable(rows, style) : renderAvailability(rows[0]!, style));
    }
    case 'powers': {
      const rows = query === undefined ? powersTable() : [powerFor(query)];
      if (flags.json) return json({ conventions: { approximation: '2^10 ≈ 1000', iec: 1024, si: 1000 }, rows });
      return io.stdout(renderPowers(rows, style, query === undefined));
    }
    default: {
      const guess = didYouMean(table, REFERENCE_TABLES);
      throw new CliError(`no reference table "${table}"${guess ? `: did you mean "${guess}"?` : ''}`, 2, `the tables are ${REFERENCE_TABLES.join(', ')}`);
    }
  }
}

function latencyMatches(query: string): readonly LatencyRow[] {
  const { matches, suggestions } = findLatency(query);
  if (matches.length) return matches;
  throw new CliError(`no latency number matches "${query}"`, 1, `did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? (bote ref latency lists them all)`);
}

function availabilityFor(query: string) {
  const parsed = parseAvailability(query);
  if (!parsed.ok) throw new CliError(parsed.message, 1);
  return availabilityRow(parsed.value);
}

function powerFor(query: string) {
  const power = parsePower(query);
  if (power === undefined) throw new CliError(`"${query}" is not a power of two from 0 to ${MAX_POWER}: write 32 or 2^32`, 1);
  return powerRow(power);
}
