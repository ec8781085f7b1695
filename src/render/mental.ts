import { toDigits } from '../core/units/display.js';
import type { MentalFigure, MentalLine, MentalPart } from '../core/analysis/mental.js';
import type { Approximation } from '../core/analysis/mental-units.js';
import { tensOf } from '../core/analysis/mental-round.js';
import type { Shortcut } from '../core/reference/shortcuts.js';
import { formatValue } from './number.js';
import type { Report } from './report.js';

// Mental math as text (docs/mental-math.md): numbers in powers of ten
// (1.5 × 10^8, 10^5, 3), each step on a line, the shortcuts it took named.

/** 1.5 × 10^8, 10^5, 3, 5 × 10^-1; a minus sign (−) before a negative. */
export function formatTens(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const { mantissa, exponent } = tensOf(Math.abs(x));
  const m = toDigits(mantissa, 3);
  const sign = x < 0 ? '−' : '';
  if (exponent === 0) return `${sign}${m}`;
  return `${sign}${m === 1 ? '' : `${m} × `}10^${exponent}`;
}

/** A whiteboard quantity: "1.5 × 10^8 user", "2 × 10^-5 /s". */
export function tensText(value: number, unit: string): string {
  return unit ? `${formatTens(value)} ${unit}` : formatTens(value);
}

/** "+15.7%", "−14%", "+0.4%": how far the mental figure is from the exact one; `digits` after the point (one below 1%). */
export function formatError(error: number, digits = 0): string {
  if (!Number.isFinite(error)) return 'n/a';
  const places = Math.abs(error) < 0.01 ? Math.max(digits, 1) : digits;
  const pct = Number((error * 100).toFixed(places));
  if (pct === 0) return '0%';
  return `${pct > 0 ? '+' : '−'}${Math.abs(pct).toFixed(places)}%`;
}

const TIGHT = new Set(['^', '(', ')', ', ']);

function partText(p: MentalPart): string {
  switch (p.kind) {
    case 'tens':
      return tensText(p.value, p.unit);
    case 'exact':
      return `${formatValue(p.value)}${p.unit ? ` ${p.unit}` : ''}`;
    case 'written':
    case 'name':
      return p.text;
    case 'op':
      return TIGHT.has(p.text) ? p.text : ` ${p.text} `;
    default:
      return p satisfies never;
  }
}

const unitAfter = (u: string) => (u === '' ? '' : u.startsWith('/') ? u : ` ${u}`);

/** "1 day = 86,400 s ≈ 10^5 s: M1, +15.7%". */
export function approximationText(n: Approximation): string {
  const tag = `${n.id ? `${n.id}, ` : ''}${formatError(n.error, 1)}`;
  return `${n.what} = ${formatValue(n.exact)}${unitAfter(n.in)} ≈ ${formatTens(n.mental)}${unitAfter(n.in)}: ${tag}`;
}

/** One step: "3 × 10^8 tweet/day ÷ 10^5 ≈ 3 × 10^3 tweet/s (1 day = 86,400 s ≈ 10^5 s: M1, +15.7%)". */
export function lineText(line: MentalLine): string {
  const body = line.parts.map(partText).join('').trim();
  return line.notes.length ? `${body} (${line.notes.map(approximationText).join('; ')})` : body;
}

/** "3,472 tweet/s exact; mental 3 × 10^3 tweet/s, −14%". */
export function verdictText(m: MentalFigure): string {
  const exact = `${formatValue(toDigits(m.exact, 4))}${m.unit ? ` ${m.unit}` : ''}`;
  return `${exact} exact; mental ${tensText(m.value, m.unit)}, ${formatError(m.error)}`;
}

/** The whiteboard form of a figure, one line a step; a derived figure ends with the verdict. */
export function mentalLines(m: MentalFigure): string[] {
  const steps = m.lines.map(lineText);
  return m.input ? steps : [...steps, verdictText(m)];
}

/** A shortcut as `bote ref powers` lists it: "day ≈ 10^5 s (M1): 86,400 s exactly, +15.7%". */
export function shortcutText(s: Shortcut): string {
  return `${s.text} (${s.id}): ${s.what} = ${formatValue(s.exact)}${unitAfter(s.unit)}, ${formatError(s.error, 1)}`;
}

/** The report with each result's whiteboard figure beside it (`estimate --mental`). */
export function withMental(report: Report, board: readonly MentalFigure[]): Report {
  const byName = new Map(board.map((m) => [m.name, m]));
  const results = report.results.map((r) => {
    const m = byName.get(r.name);
    if (!m) return r;
    const shown = `${formatTens(m.value)}, ${formatError(m.error)}`;
    return { ...r, mental: { value: m.value, unit: m.unit, error: m.error, shown } };
  });
  return { ...report, results };
}
