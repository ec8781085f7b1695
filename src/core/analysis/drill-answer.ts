import { DiagnosticError } from '../diagnostic.js';
import { parseQuantity } from '../expr/quantity.js';
import type { Figure } from '../scenario/model.js';
import { unitOf } from '../scenario/model.js';
import type { UnitRegistry } from '../units/registry.js';

// A drill's answer as typed (`3k`, `3500/s`, `3.5e3 tweet/s`, `4 K`), and
// its grade as an interviewer gives it (docs/mental-math.md, "The drill").

export type Reading =
  /** In the unit asked. */
  | { kind: 'answer'; value: number }
  | { kind: 'quit' }
  /**
   * Not an answer to this question: ask again, saying why. `unreadable`: not
   * a quantity (or nothing); `wrong`: a quantity, but of another dimension or
   * not above zero.
   */
  | { kind: 'again'; why: 'unreadable' | 'wrong'; message: string };

/**
 * Reads an answer to a question about `figure`: a plain number is in the
 * unit asked; a unit that lacks only the count noun (`/s` for tweet/s) is
 * taken with it; another dimension is pointed out. `q` or `quit` quits.
 */
export function readAnswer(text: string, figure: Figure, registry: UnitRegistry): Reading {
  const typed = text.trim();
  if (/^(q|quit)$/i.test(typed)) return { kind: 'quit' };
  const { text: unit, factor } = unitOf(figure);
  if (!typed)
    return { kind: 'again', why: 'unreadable', message: `type a figure${unit ? ` in ${unit}` : ''}, or q to stop` };
  let q: ReturnType<typeof parseQuantity>;
  try {
    q = parseQuantity(typed, registry);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    return { kind: 'again', why: 'unreadable', message: `cannot read "${typed}": ${e.diagnostics[0]!.message}` };
  }
  const missing = figure.dim.div(q.dim);
  const [only] = missing.factors;
  const nounOnly = missing.factors.length === 1 && only![1] === 1 && registry.nouns.includes(only![0]);
  if (!(q.dim.isNone || q.dim.equals(figure.dim) || nounOnly)) {
    const given = q.unit.text || String(q.dim);
    return {
      kind: 'again',
      why: 'wrong',
      message: `${typed} is in ${given}, but the question asks for ${unit || 'a plain number'}`,
    };
  }
  const value = q.dim.isNone ? q.value : q.value / factor;
  if (!(value > 0))
    return { kind: 'again', why: 'wrong', message: `${typed} is not above zero: estimate a size, a rate or a count` };
  return { kind: 'answer', value };
}

export type Verdict = 'good' | 'order' | 'off';

export interface Grade {
  verdict: Verdict;
  /** answer / exact. */
  ratio: number;
  /** How many times off, 1 or more: max(ratio, 1 / ratio). */
  factor: number;
  /** Powers of ten off, rounded; 0 within 10x. */
  orders: number;
}

/** Within 2x: a good estimate; within 10x: the right order of magnitude; else off by N orders. */
export function gradeAnswer(answer: number, exact: number): Grade {
  const ratio = answer / exact;
  const factor = Math.max(ratio, 1 / ratio);
  if (factor <= 2) return { verdict: 'good', ratio, factor, orders: 0 };
  if (factor <= 10) return { verdict: 'order', ratio, factor, orders: 0 };
  return { verdict: 'off', ratio, factor, orders: Math.max(1, Math.round(Math.log10(factor))) };
}

export interface Score {
  asked: number;
  good: number;
  order: number;
  off: number;
}

export function addToScore(score: Score, grade: Grade): Score {
  return { ...score, asked: score.asked + 1, [grade.verdict]: score[grade.verdict] + 1 };
}

export const NO_SCORE: Score = { asked: 0, good: 0, order: 0, off: 0 };
