import { toDigits } from '../core/units/display.js';
import type { Grade, Score } from '../core/analysis/drill-answer.js';
import type { DrillQuestion, GivenAssumption } from '../core/analysis/drill.js';
import type { Conventions } from '../core/units/table.js';
import { formatError, mentalLines, tensText } from './mental.js';
import { formatDisplay, group } from './number.js';
import { visible } from './visible.js';

// `bote drill` as text: a question with what it is given, an answer's
// grade, the whiteboard way to the figure, the score.

export interface DrillPainter {
  bold(s: string): string;
  dim(s: string): string;
  good(s: string): string;
  bad(s: string): string;
  name(s: string): string;
}

const plain: DrillPainter = { bold: (s) => s, dim: (s) => s, good: (s) => s, bad: (s) => s, name: (s) => s };

/** "mau = 600 M user (×2: the scenario says 300 million user)". */
export function givenText(g: GivenAssumption, conventions?: Conventions): string {
  if (!g.varied) return `${g.name} = ${g.text}`;
  const shown = formatDisplay(g.value, g.unit, conventions);
  return `${g.name} = ${shown} (×${g.varied.factor}: the scenario says ${g.varied.was})`;
}

/** The question, after what it is given. */
export function renderQuestion(q: DrillQuestion, paint: DrillPainter = plain, conventions?: Conventions): string {
  const given = q.given.map((g) => `  ${givenText(g, conventions)}${g.note ? paint.dim(`  ${visible(g.note)}`) : ''}`);
  return [paint.bold(`Question ${q.number} (${q.section})`), 'Given:', ...given, paint.bold(q.text)].join('\n');
}

/** "good estimate: within 2x (3 K tweet/s, 14% low)". */
export function gradeText(g: Grade, answer: string, paint: DrillPainter = plain): string {
  const side = g.ratio >= 1 ? 'high' : 'low';
  const pct = Math.abs(g.ratio - 1) * 100;
  const how =
    g.factor >= 1.995 ? `${times(g.factor)} too ${side}` : `${pct < 1 ? pct.toFixed(1) : Math.round(pct)}% ${side}`;
  switch (g.verdict) {
    case 'good':
      return paint.good(`✓ good estimate: within 2x (${answer}, ${how})`);
    case 'order':
      return paint.good(`~ right order of magnitude: within 10x (${answer}, ${how})`);
    case 'off':
      return paint.bad(`✗ off by ${g.orders} order${g.orders === 1 ? '' : 's'} of magnitude (${answer}, ${how})`);
    default:
      return g.verdict satisfies never;
  }
}

/** 2.9x, 86x, 1,200x. */
function times(factor: number): string {
  const r = toDigits(factor, 2);
  return `${r >= 1000 ? group(String(r)) : r}x`;
}

/** The whiteboard way to the figure: each figure behind it, then it, and the exact answer. */
export function renderWhiteboard(q: DrillQuestion, paint: DrillPainter = plain): string {
  const out = [paint.bold('On the whiteboard:')];
  for (const m of q.mental) {
    const lines = mentalLines(m);
    const head = `  ${paint.name(m.name)}: `;
    const indent = ' '.repeat(m.name.length + 4);
    out.push(...lines.map((l, i) => (i ? `${indent}${l}` : `${head}${l}`)));
  }
  return out.join('\n');
}

/** "Exact: 3.47 K tweet/s (whiteboard 3 × 10^3 tweet/s, −14%)". */
export function exactText(q: DrillQuestion, conventions?: Conventions, paint: DrillPainter = plain): string {
  const self = q.mental.find((m) => m.name === q.figure)!;
  const whiteboard = `whiteboard ${tensText(self.value, self.unit)}, ${formatError(self.error)}`;
  return paint.bold(`Exact: ${formatDisplay(q.exact, q.unit, conventions)} (${whiteboard})`);
}

/** "Score: 2 good estimates, 1 right order of magnitude, 1 off, of 4 questions." */
export function scoreText(s: Score): string {
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  return `Score: ${n(s.good, 'good estimate')}, ${n(s.order, 'right order of magnitude', 'right orders of magnitude')}, ${s.off} off, of ${n(s.asked, 'question')}.`;
}

/** A question as data: what is asked and given, the answer, the whiteboard. */
export function questionJson(q: DrillQuestion) {
  const self = q.mental.find((m) => m.name === q.figure)!;
  return {
    number: q.number,
    figure: q.figure,
    section: q.section,
    question: q.text,
    unit: q.unit,
    given: q.given,
    answer: { value: q.exact, unit: q.unit },
    mental: {
      value: self.value,
      unit: self.unit,
      error: self.error,
      whiteboard: q.mental.map((m) => ({ figure: m.name, lines: mentalLines(m) })),
      shortcuts: [...new Set(q.mental.flatMap((m) => m.shortcuts))],
    },
  };
}
