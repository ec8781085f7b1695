import { CAPACITY, findCapacity, type CapacityRow } from '../../core/reference/capacity.js';
import { REFERENCE_SUMMARIES, REFERENCE_TABLES } from '../../core/reference/tables.js';
import {
  availabilityRow,
  availabilityTable,
  DOWNTIME_PERIODS,
  parseAvailability,
  YEAR_DAYS,
  type Period,
} from '../../core/reference/availability.js';
import { findLatency, LATENCY_NUMBERS, type LatencyRow } from '../../core/reference/latency.js';
import { MAX_POWER, parsePower, powerRow, powersTable } from '../../core/reference/powers.js';
import { didYouMean } from '../../core/suggest.js';
import {
  renderAvailability,
  renderAvailabilityTable,
  renderLatencyMatches,
  renderLatencyTable,
  renderPowers,
  renderShortcuts,
} from '../../render/reference.js';
import { shortcuts } from '../../core/reference/shortcuts.js';
import { renderRows } from '../../render/rows.js';
import { envelope } from '../../render/json.js';
import type { Rows } from '../../render/rows.js';
import { styleFor, type ColorFlags } from '../style.js';
import { CliError, type Io } from '../io.js';
import { emit, formatOf, type FormatFlags } from '../output.js';

export type RefFlags = FormatFlags & ColorFlags;

/**
 * `bote ref <table> [query]`: the reference numbers estimates lean on,
 * computed where they can be (availability, powers) so that they follow
 * bote's own conventions instead of whichever copy was pasted.
 */
export async function refCommand(
  io: Io,
  table: string | undefined,
  query: string | undefined,
  flags: RefFlags,
): Promise<void> {
  const style = () => styleFor(io, flags);
  if (table === undefined) return listTables(io, flags);
  const print = (doc: object, text: () => string, rows: () => Rows) =>
    emit(io, formatOf(flags), { json: () => envelope({ table, ...doc }), table: text, rows });
  switch (table) {
    case 'latency': {
      const rows = query === undefined ? LATENCY_NUMBERS : latencyMatches(query);
      // keywords only steer the search; the rows are name, seconds and source.
      const plain = rows.map(({ name, seconds, source }) => ({ name, seconds, source }));
      return print(
        { unit: 's', rows: plain },
        () => (query === undefined ? renderLatencyTable(rows, style()) : renderLatencyMatches(rows, style())),
        () => ({
          columns: ['name', 'seconds', 'source'],
          rows: plain.map((r) => [r.name, r.seconds, r.source]),
        }),
      );
    }
    case 'availability': {
      const rows = query === undefined ? availabilityTable() : [availabilityFor(query)];
      const periods = Object.keys(DOWNTIME_PERIODS) as Period[];
      return print(
        { unit: 's', conventions: { yearDays: YEAR_DAYS, periods: DOWNTIME_PERIODS }, rows },
        () => (query === undefined ? renderAvailabilityTable(rows, style()) : renderAvailability(rows[0]!, style())),
        () => ({
          columns: ['availability', 'percent', 'nines', ...periods.map((p) => `downtime_${p} (s)`)],
          rows: rows.map((r) => [r.availability, r.percent, r.nines, ...periods.map((p) => r.downtime[p])]),
        }),
      );
    }
    case 'powers': {
      if (query?.trim().toLowerCase() === 'shortcuts') return printShortcuts(io, flags);
      const rows = query === undefined ? powersTable() : [powerFor(query)];
      const columns = [
        'power',
        'value',
        'exact',
        'approximate',
        'approximateText',
        'iec',
        'si',
        'iecLargerBy',
      ] as const;
      // The whole table comes with the shortcuts of mental math (`ref powers shortcuts`: them alone).
      const more = query === undefined ? shortcuts() : [];
      const powerRows = () => ({ columns, rows: rows.map((r) => columns.map((c) => r[c])) });
      return emit(io, formatOf(flags), {
        json: () =>
          envelope({
            table,
            conventions: { approximation: '2^10 ≈ 1000', iec: 1024, si: 1000 },
            rows,
            ...(more.length ? { shortcuts: more } : {}),
          }),
        table: () => renderPowers(rows, style(), query === undefined, more),
        rows: powerRows,
        // Markdown takes two tables; CSV one, the powers (the shortcuts: `ref powers shortcuts`).
        markdown: () =>
          [
            renderRows('markdown', powerRows()),
            ...(more.length ? [renderRows('markdown', shortcutRows(more))] : []),
          ].join('\n'),
      });
    }
    case 'capacity': {
      const rows = query === undefined ? CAPACITY : capacityMatches(query);
      const { capacityRows, renderCapacityRows, renderCapacityTable } = await import('../../render/capacity.js');
      return print(
        { rows },
        () => (query === undefined ? renderCapacityTable(rows, style()) : renderCapacityRows(rows, style())),
        () => capacityRows(rows),
      );
    }
    default: {
      const guess = didYouMean(table, REFERENCE_TABLES);
      throw new CliError(
        `no reference table "${table}"${guess ? `: did you mean "${guess}"?` : ''}`,
        2,
        `the tables are ${REFERENCE_TABLES.join(', ')}`,
      );
    }
  }
}

/** `bote ref powers shortcuts`: the shortcuts of mental math alone, in every format. */
function printShortcuts(io: Io, flags: RefFlags) {
  const rows = shortcuts();
  return emit(io, formatOf(flags), {
    json: () => envelope({ table: 'powers', shortcuts: rows }),
    table: () => renderShortcuts(rows, styleFor(io, flags)),
    rows: () => shortcutRows(rows),
  });
}

function shortcutRows(rows: ReturnType<typeof shortcuts>): Rows {
  const columns = ['id', 'text', 'what', 'exact', 'approx', 'unit', 'error'] as const;
  return { columns, rows: rows.map((r) => columns.map((c) => r[c])) };
}

function latencyMatches(query: string): readonly LatencyRow[] {
  const { matches, suggestions } = findLatency(query);
  if (matches.length) return matches;
  throw new CliError(
    `no latency number matches "${query}"`,
    1,
    `did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? (bote ref latency lists them all)`,
  );
}

function capacityMatches(query: string): readonly CapacityRow[] {
  const { matches, suggestions } = findCapacity(query);
  if (matches.length) return matches;
  throw new CliError(
    `no capacity default matches "${query}"`,
    1,
    `did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? (bote ref capacity lists them all, with their IDs)`,
  );
}

function availabilityFor(query: string) {
  const parsed = parseAvailability(query);
  if (!parsed.ok) throw new CliError(parsed.message, 1);
  return availabilityRow(parsed.value);
}

function powerFor(query: string) {
  const power = parsePower(query);
  if (power === undefined)
    throw new CliError(
      `"${query}" is not a power of two from 0 to ${MAX_POWER}: write 32 or 2^32 (or shortcuts, for mental math's)`,
      1,
    );
  return powerRow(power);
}

/** `bote ref` alone: the tables, each with what it holds. */
function listTables(io: Io, flags: RefFlags): Promise<void> {
  const tables = REFERENCE_TABLES.map((name) => ({ name, summary: REFERENCE_SUMMARIES[name] }));
  return emit(io, formatOf(flags), {
    json: () => envelope({ tables }),
    table: () => {
      const style = styleFor(io, flags);
      const width = Math.max(...tables.map((t) => t.name.length));
      return `${[
        style.bold('Reference tables'),
        '',
        ...tables.map((t) => `  ${style.cyan(t.name.padEnd(width))}  ${t.summary}`),
        '',
        style.dim('bote ref TABLE [QUERY]: a table, or one row of it (bote ref latency ssd, bote ref capacity T1)'),
      ].join('\n')}\n`;
    },
    rows: () => ({ columns: ['name', 'summary'], rows: tables.map((t) => [t.name, t.summary]) }),
  });
}
