import { toDigits } from '../units/display.js';
import type { Result } from '../diagnostic.js';
import { unitOf, type Figure, type Model } from '../scenario/model.js';
import { evaluateModel, readOverrides, type Setting } from '../scenario/run.js';
import type { Section } from '../scenario/sections.js';
import { figuresBehind } from '../scenario/graph.js';
import { mentalMath, type MentalFigure } from './mental.js';
import { mulberry32, type Random } from './random.js';
import { inUnit } from '../units/in-unit.js';

/**
 * `bote drill`: questions on a scenario's figures, one section after another,
 * for practising mental math (docs/mental-math.md). Pure: the seed is chosen
 * at the edge, and the same seed asks the same questions.
 */

/** The sections the drill asks about, in turn. */
export const DRILL_SECTIONS = ['traffic', 'storage', 'bandwidth', 'cache', 'servers'] as const satisfies Section[];

/** What --vary multiplies a stated assumption by. */
export const VARY_FACTORS = [0.5, 2, 3] as const;

export interface GivenAssumption {
  name: string;
  /** As the scenario writes it, or as varied (then in `unit`). */
  text: string;
  value: number;
  unit: string;
  note?: string;
  /** Set when --vary changed it: the factor, and the scenario's own text. */
  varied?: { factor: number; was: string };
}

export interface DrillQuestion {
  /** 1, 2, 3... */
  number: number;
  figure: string;
  section: Section;
  /** "What is the average tweet rate (qps), per second?" */
  text: string;
  /** The unit the answer is in; a plain number means it. */
  unit: string;
  /** The inputs behind the figure, stated. */
  given: GivenAssumption[];
  /** The answer as computed, in `unit`. */
  exact: number;
  /** The whiteboard: the figures behind this one, in order, then this one. */
  mental: MentalFigure[];
}

/** A scenario whose results fill every section the drill asks about. */
export function fullPicture(model: Model): boolean {
  return DRILL_SECTIONS.every((s) => model.figures.some((f) => f.kind === 'derived' && f.section === s));
}

/** The scenario a session is about, when none is named: one of `pool` (full pictures first), by the seed. */
export function pickScenario<T extends { model: Model }>(pool: readonly T[], seed: number): T | undefined {
  const full = pool.filter((p) => fullPicture(p.model));
  const from = full.length ? full : pool;
  return from[Math.floor(mulberry32(seed).uniform() * from.length)];
}

/** A session of questions on one model: `next()` asks the next. */
export class Drill {
  private readonly random: Random;
  private asked = 0;
  private last: string | undefined;

  constructor(
    private readonly model: Model,
    seed: number,
    private readonly vary = false,
  ) {
    // The pick of the scenario used the seed's first draw; the questions use their own stream.
    this.random = mulberry32(seed ^ 0x9e3779b9);
  }

  /** Whether the scenario has a figure to ask about: a derived one above zero (false where it cannot be evaluated). */
  hasQuestions(): boolean {
    return this.candidates().length > 0;
  }

  /** The next question; an error where the scenario (or --vary) makes a figure that cannot be computed. */
  next(): Result<DrillQuestion> {
    const candidates = this.candidates();
    if (!candidates.length) throw new Error(`drill: ${this.model.name} has no figure to ask about (see hasQuestions)`);
    const sections = DRILL_SECTIONS.filter((s) => candidates.some((f) => f.section === s));
    const section = sections.length ? sections[this.asked % sections.length]! : undefined;
    const among = candidates.filter((f) => section === undefined || f.section === section);
    // Not the same figure twice running, where there is another.
    const fresh = among.length > 1 ? among.filter((f) => f.name !== this.last) : among;
    const figure = fresh[Math.floor(this.random.uniform() * fresh.length)]!;
    this.last = figure.name;
    this.asked++;
    return this.question(figure, this.asked);
  }

  /** Figures worth asking: derived, above zero as the scenario states them, in a drill section where it has any. */
  private candidates(): Figure[] {
    const values = evaluateModel(this.model);
    if (!values.ok) return [];
    const derived = this.model.figures.filter((f) => f.kind === 'derived' && values.value[f.index]! > 0);
    const inSections = derived.filter((f) => (DRILL_SECTIONS as readonly string[]).includes(f.section ?? 'other'));
    return inSections.length ? inSections : derived;
  }

  private question(figure: Figure, number: number): Result<DrillQuestion> {
    const behind = figuresBehind(this.model, [figure.name], new Set());
    const inputs = this.model.figures.filter((f) => behind.has(f.name) && f.kind === 'assumption');
    const varied = this.vary ? this.variations(inputs) : new Map<string, number>();
    const settings: Setting[] = [...varied].map(([name, factor]) => {
      const f = this.model.byName.get(name)!;
      const { text: unit, factor: size } = unitOf(f);
      return { name, text: `${toDigits((f.value! / size) * factor, 12)} ${unit}`.trim() };
    });
    const overrides = readOverrides(this.model, settings);
    if (!overrides.ok) return overrides;
    const values = evaluateModel(this.model, overrides.value);
    if (!values.ok) return values;
    const board = mentalMath(this.model, values.value, new Set(varied.keys()));
    const given = inputs.map((f): GivenAssumption => {
      const { text: unit, factor } = unitOf(f);
      const value = inUnit(values.value[f.index]!, factor);
      const factorBy = varied.get(f.name);
      return {
        name: f.name,
        text: factorBy === undefined ? f.text.trim() : settings.find((s) => s.name === f.name)!.text,
        value,
        unit,
        ...(f.note !== undefined ? { note: f.note } : {}),
        ...(factorBy !== undefined ? { varied: { factor: factorBy, was: f.text.trim() } } : {}),
      };
    });
    const { text: unit, factor } = unitOf(figure);
    return {
      ok: true,
      value: {
        number,
        figure: figure.name,
        section: figure.section ?? 'other',
        text: questionText(figure),
        unit,
        given,
        // Without the noise of base units and back (1825.0000000000002 PB).
        exact: inUnit(values.value[figure.index]!, factor),
        mental: board.filter((m) => behind.has(m.name) && m.kind === 'derived'),
      },
    };
  }

  /** Stated inputs with a unit (not ratios or percentages), each ×1, ×0.5, ×2 or ×3; at least one changed. */
  private variations(inputs: Figure[]): Map<string, number> {
    const open = inputs.filter((f) => f.origin !== 'default' && !f.dim.isNone && !f.range);
    const out = new Map<string, number>();
    const choices = [1, ...VARY_FACTORS];
    for (const f of open) {
      const factor = choices[Math.floor(this.random.uniform() * choices.length)]!;
      if (factor !== 1) out.set(f.name, factor);
    }
    if (!out.size && open.length) {
      const f = open[Math.floor(this.random.uniform() * open.length)]!;
      out.set(f.name, VARY_FACTORS[Math.floor(this.random.uniform() * VARY_FACTORS.length)]!);
    }
    return out;
  }
}

const TIME_WORDS: Record<string, string> = {
  s: 'second',
  min: 'minute',
  hour: 'hour',
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
};

/** A question a person would ask, by the figure's section and unit; the figure's name and note say which. */
export function questionText(f: Figure): string {
  const unit = unitOf(f).text;
  const words = f.name.replace(/_/g, ' ');
  const which = f.note ? `${words}: ${f.note}` : words;
  switch (f.section) {
    case 'traffic': {
      const [noun, per] = unit.split('/') as [string, string | undefined];
      const peak = /\bpeak\b/.test(words) ? 'peak' : 'average';
      const kind = /\bread\b/.test(words) ? ' read' : /\bwrite\b/.test(words) ? ' write' : '';
      return `What is the ${peak} ${noun}${kind} rate (${which}), per ${TIME_WORDS[per ?? ''] ?? per}?`;
    }
    case 'storage':
      return `How much storage is ${which}, in ${unit}?`;
    case 'bandwidth':
      return `How much bandwidth is ${which}, in ${unit}?`;
    case 'cache':
      return f.dim.powerOf('B') === 1
        ? `How much cache memory is ${which}, in ${unit}?`
        : `How many ${unit}s for ${which}?`;
    case 'servers':
      return `How many ${unit}s for ${which}?`;
    case 'cost':
    case 'other':
    case undefined:
      return `What is ${which}${unit ? `, in ${unit}` : ''}?`;
    default:
      return f.section satisfies never;
  }
}
