import type { ChalkInstance } from 'chalk';
import { DOWNTIME_PERIODS, YEAR_DAYS, type AvailabilityRow, type Period } from '../core/reference/availability.js';
import type { LatencyRow } from '../core/reference/latency.js';
import type { PowerRow } from '../core/reference/powers.js';
import type { Shortcut } from '../core/reference/shortcuts.js';
import { bestUnit, toDigits } from '../core/units/display.js';
import { Dimension } from '../core/units/dimension.js';
import { alignColumns, cellsBar } from './charts.js';
import { formatError } from './mental.js';
import { formatDisplay, formatValue, group, threeDigits } from './number.js';

// ── latency ──────────────────────────────────────────────────────────────

/** Where the bars start: a tenth of the fastest row (0.5 ns), so it still gets a visible bar. */
const BAR_FLOOR_SECONDS = 1e-10;
const CELLS_PER_DECADE = 4;
/** A bar as long as log10(seconds / 0.1 ns) × 4 cells, drawn to an eighth of a cell. */
export function logBar(seconds: number): string {
  return cellsBar(Math.log10(seconds / BAR_FLOOR_SECONDS) * CELLS_PER_DECADE);
}

/** Times in the best unit ("0.5 ns", "150 ms"), numbers right-aligned and units after them. */
function timeCells(rows: readonly LatencyRow[]): string[] {
  const parts = rows.map((r) => formatDisplay(r.seconds, 's').split(' ') as [string, string]);
  const width = Math.max(...parts.map(([number]) => number.length));
  return parts.map(([number, unit]) => `${number.padStart(width)} ${unit.padEnd(2)}`);
}

function latencyLines(rows: readonly LatencyRow[], style: ChalkInstance, name: (r: LatencyRow) => string): string[] {
  const times = timeCells(rows);
  return alignColumns(
    rows.map((r, i) => [name(r), times[i]!, logBar(r.seconds)]),
    [false, false, false],
    [String, style.bold, style.cyan],
  );
}

export function renderLatencyTable(rows: readonly LatencyRow[], style: ChalkInstance, title = true): string {
  // The source most rows have goes in the header (all of them share it, or most do);
  // any other marks its rows with a *.
  const sources = rows.map((r) => r.source.split('; '));
  const counts = new Map<string, number>();
  for (const s of sources.flat()) counts.set(s, (counts.get(s) ?? 0) + 1);
  const most = Math.max(...counts.values());
  const common = [...counts.keys()]
    .filter((s) => counts.get(s) === most)
    .slice(0, most === rows.length ? undefined : 1);
  const extra = [...counts.keys()].filter((s) => !common.includes(s));
  const marks = ['*', '†', '‡'];
  const mark = (r: LatencyRow) =>
    extra
      .filter((s) => r.source.includes(s))
      .map((s) => marks[extra.indexOf(s)])
      .join('');
  // "also in" a source of rows the header's source has too; a source of rows it lacks is named alone.
  const alongside = (s: string) => sources.every((list) => !list.includes(s) || common.every((c) => list.includes(c)));
  const table = latencyLines(rows, style, (r) => `${r.name}${mark(r)}`);
  const out: string[] = [];
  if (title) out.push(style.bold('Latency numbers every programmer should know'), '');
  out.push(...table, '');
  const legend = extra.map((s, i) => `; ${marks[i]} ${alongside(s) ? `also in ${s}` : `from ${s}`}`);
  out.push(style.dim(`Source: ${common.join('; ')}${legend.join('')}.`));
  out.push(
    style.dim(
      `Bars are log scale: ${CELLS_PER_DECADE} cells per factor of 10, starting from ${formatDisplay(BAR_FLOOR_SECONDS, 's')}.`,
    ),
  );
  return `${out.join('\n')}\n`;
}

/** One row or a few tied ones, each with its time in nanoseconds and its source. */
export function renderLatencyMatches(rows: readonly LatencyRow[], style: ChalkInstance): string {
  const table = latencyLines(rows, style, (r) => r.name);
  const out = rows.flatMap((r, i) => [
    table[i]!,
    style.dim(`  ${formatValue(Math.round(r.seconds * 1e10) / 10)} ns; ${r.source}`),
  ]);
  return `${out.join('\n')}\n`;
}

// ── availability ─────────────────────────────────────────────────────────

const PERIODS = Object.keys(DOWNTIME_PERIODS) as Period[];

export function calendarLine(): string {
  return `Year = ${YEAR_DAYS} days, month = year/12 = ${toDigits(DOWNTIME_PERIODS.month / 86400, 4)} days, as in every bote estimate.`;
}

/** Why copies of this table differ in the last digit; one line. */
export const YEAR_LENGTH_NOTE =
  'Copies of this table disagree because some use a 365.25-day year: 99.9% is 8.76 h/yr with 365 d, 8.77 h with 365.25 d; seeds/004 prints 8.77 hours and 52.60 minutes (99.99%), 365.25-day figures.';

/**
 * Downtime with four significant digits, not three: 52.56 min (365-day year)
 * must stay distinguishable from the 52.60 min that 365.25-day copies print.
 */
export function formatDowntime(seconds: number): string {
  const { value, unit } = bestUnit(seconds, Dimension.base('s'));
  return `${toDigits(value, 4)} ${unit}`;
}

function ninesText(nines: number | null): string {
  return nines === null ? '-' : String(nines);
}

export function renderAvailabilityTable(rows: readonly AvailabilityRow[], style: ChalkInstance): string {
  const head = ['availability', 'nines', ...PERIODS.map((p) => `per ${p}`)];
  const body = rows.map((r) => [r.percent, ninesText(r.nines), ...PERIODS.map((p) => formatDowntime(r.downtime[p]))]);
  const lines = alignColumns([head, ...body], [false, true, true, true, true, true]);
  const out = [
    style.bold('Downtime allowed by an availability target'),
    style.dim(calendarLine()),
    '',
    style.bold(lines[0]!),
    ...lines.slice(1),
    '',
  ];
  out.push(style.dim(YEAR_LENGTH_NOTE));
  return `${out.join('\n')}\n`;
}

export function renderAvailability(row: AvailabilityRow, style: ChalkInstance): string {
  const lines = alignColumns(
    PERIODS.map((p) => [`per ${p}`, formatDowntime(row.downtime[p])]),
    [false, true],
    [String, style.bold],
  );
  const nines = row.nines === null ? '' : ` (${row.nines} nine${row.nines === 1 ? '' : 's'})`;
  const out = [`${style.bold(row.percent)}${nines} allows this much downtime:`, ...lines.map((l) => `  ${l}`), ''];
  out.push(style.dim(calendarLine()));
  return `${out.join('\n')}\n`;
}

// ── powers of two ────────────────────────────────────────────────────────

function percent(x: number): string {
  return x === 0 ? '-' : `${threeDigits(x * 100)}%`;
}

/** `powers`: the powers of two; the whole table (`title`) also the shortcuts of mental math after it. */
export function renderPowers(
  rows: readonly PowerRow[],
  style: ChalkInstance,
  title = true,
  shortcuts: readonly Shortcut[] = [],
): string {
  const head = ['power', 'exact value', '≈ (2^10 ≈ 1000)', 'IEC', 'confused with', 'IEC is larger by'];
  const body = rows.map((r) => [
    `2^${r.power}`,
    group(r.exact),
    r.approximateText,
    r.iec,
    r.si,
    percent(r.iecLargerBy),
  ]);
  const lines = alignColumns([head, ...body], [false, true, false, false, false, true], [style.cyan]);
  const out: string[] = [];
  if (title) out.push(style.bold('Powers of two'), '');
  out.push(style.bold(lines[0]!), ...lines.slice(1), '');
  out.push(
    style.dim(
      'IEC prefixes (KiB, MiB, GiB) step by 1024, SI ones (KB, MB, GB) by 1000: the gap compounds 2.4% a step.',
    ),
  );
  const text = `${out.join('\n')}\n`;
  return shortcuts.length ? `${text}\n${renderShortcuts(shortcuts, style)}` : text;
}

/** A value with its unit: "86,400 s", "11.5741/s", "125 MB/s", "1,024". */
function withUnit(value: number, unit: string): string {
  return `${formatValue(value)}${unit === '' ? '' : unit.startsWith('/') ? unit : ` ${unit}`}`;
}

/** The shortcuts of mental math (docs/mental-math.md), each with its exact value and error. */
export function renderShortcuts(rows: readonly Shortcut[], style: ChalkInstance): string {
  const head = ['id', 'shortcut', 'exact', 'error'];
  const body = rows.map((s) => [s.id, s.text, `${s.what} = ${withUnit(s.exact, s.unit)}`, formatError(s.error, 1)]);
  const lines = alignColumns([head, ...body], [false, false, false, true], [style.cyan]);
  return `${[
    style.bold('Shortcuts of mental math'),
    '',
    style.bold(lines[0]!),
    ...lines.slice(1),
    '',
    style.dim(
      "Error = (shortcut − exact) / exact, by bote's calendar (365-day year, month = year/12). bote explain --mental names them where it uses them.",
    ),
  ].join('\n')}\n`;
}
