import type { ChalkInstance } from 'chalk';
import type { ExplainStep, Markup } from '../core/analysis/explain.js';
import type { Model } from '../core/scenario/model.js';
import { timeConversions, toDigits } from '../core/units/display.js';
import { UnitRegistry } from '../core/units/registry.js';
import type { Conventions } from '../core/units/table.js';
import { formatDisplay, formatValue, isBought, scaled } from './number.js';
import { visibleLength } from './wrap.js';
import { visible, visibleAll } from './visible.js';

export interface ExplainPainter {
  name(s: string): string;
  value(s: string): string;
  dim(s: string): string;
}

const plain: ExplainPainter = { name: (s) => s, value: (s) => s, dim: (s) => s };

/** Markup as text: quantities in their friendly form (150 M user), durations by the scenario's conventions. */
export function markupText(m: Markup, paint: ExplainPainter = plain, conventions?: Conventions): string {
  return m
    .map((p) => {
      switch (p.kind) {
        case 'name':
          return paint.name(p.text);
        case 'quantity':
          return paint.value(formatDisplay(p.value, p.unit, conventions, p.whole || isBought(p.unit)));
        case 'op':
        case 'text':
        case 'literal':
          return p.text;
        default:
          return p satisfies never;
      }
    })
    .join('');
}

/**
 * How one would say a result: two significant digits where that is within 1%
 * ("~3.5 K tweet/s"), else three. A count of things bought (servers, shards)
 * is rounded up, never down: 1,003 servers are "~1.01 K server", not "~1 K".
 */
export function spoken(value: number, unit: string, conventions?: Conventions, bought = isBought(unit)): string {
  const round = bought ? up : toDigits;
  const two = round(value, 2);
  const close = value === 0 || Math.abs(two - value) <= 0.01 * Math.abs(value);
  const said = close ? two : round(value, 3);
  // A count bought is said as a whole, or with a scale word over the rounded-up count.
  if (bought) {
    const n = Math.abs(said) < 1000 ? String(said) : scaled(said);
    return unit ? `${n} ${unit}` : n;
  }
  return formatDisplay(said, unit, conventions);
}

/** `x` rounded up to `digits` significant digits (for a positive count). */
function up(x: number, digits: number): number {
  if (x <= 0) return toDigits(x, digits);
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(x)));
  // A count already at that precision stays itself (float noise aside).
  return Math.ceil(x * scale - 1e-9) / scale;
}

/** The result as computed, to four significant digits: "3,472 tweet/s". */
function computed(value: number, unit: string): string {
  const v = toDigits(value, 4);
  return `${formatValue(v)}${unit ? ` ${unit}` : ''}`;
}

/**
 * One step the way a candidate says it:
 *   qps = dau × tweets_per_user = 150 M user × 2 tweet/user/day = 3,472 tweet/s (~3.5 K tweet/s)
 * Long steps break before each `=`.
 */
export function renderStep(step: ExplainStep, paint: ExplainPainter = plain, conventions?: Conventions): string {
  const name = paint.name(step.name);
  const exact = computed(step.value, step.unit);
  const said = spoken(step.value, step.unit, conventions, step.whole || isBought(step.unit));
  const same = said.replace(/\s/g, '') === exact.replace(/[\s,]/g, '');
  const result = same ? exact : `${exact} ${paint.dim(`(~${said})`)}`;
  const parts =
    step.kind === 'assumption' || step.overridden
      ? [markupText(step.formula, paint, conventions)]
      : [markupText(step.formula, paint, conventions), markupText(step.substituted, paint, conventions), result];
  const byDefault = step.kind === 'assumption' && !step.overridden && step.origin === 'default';
  const tag = step.overridden
    ? paint.dim(' (set with --set)')
    : step.kind === 'assumption' && !byDefault
      ? paint.dim(' (assumption)')
      : '';
  // A default is worded as one: "assuming, by bote's default (ref capacity T1), per_server = 1000 req/s/server".
  const lead = byDefault ? paint.dim(`${defaultWords(step.ref)}, `) : '';
  const oneLine = `${lead}${name} = ${parts.join(' = ')}${tag}`;
  const lines = visibleLength(oneLine) <= 110 ? [oneLine] : [`${lead}${name}${tag}`, ...parts.map((p) => `    = ${p}`)];
  const conversions =
    step.kind === 'derived' && !step.overridden && conventions ? timeConversionsOf(step, conventions) : '';
  if (conversions) lines.push(paint.dim(`    (${conversions})`));
  if (step.range) {
    const { low, high, dist, fellBackToNormal } = step.range;
    const how = fellBackToNormal
      ? 'normal, because the low end is not above zero'
      : dist === 'uniform'
        ? 'uniform between the ends'
        : `${dist}, a 90% interval`;
    lines.push(
      paint.dim(
        `    a guess: ${formatDisplay(low, step.unit, conventions)} to ${formatDisplay(high, step.unit, conventions)} (${how}); its median is used here`,
      ),
    );
  }
  for (const block of step.inside ?? []) {
    const [rule, ...worked] = block.lines.map((l) => markupText(l, paint, conventions));
    lines.push(`    ${paint.dim(`inside ${block.block}:`)} ${rule}`, ...worked.map((l) => `        = ${l}`));
  }
  if (step.note) lines.push(paint.dim(`    ${step.note}`));
  return lines.join('\n');
}

/** "assuming, by bote's default (ref capacity T1)": how a default assumption is introduced. */
export function defaultWords(ref: string | undefined): string {
  return `assuming, by bote's default${ref !== undefined ? ` (ref capacity ${ref})` : ''}`;
}

/** "1 day = 86,400 s" for each unit of time a step converts from (core's timeConversions). */
function timeConversionsOf(step: ExplainStep, conventions: Conventions): string {
  const texts = [
    ...step.substituted.flatMap((p) => (p.kind === 'quantity' ? [p.unit] : p.kind === 'literal' ? [p.text] : [])),
    step.unit,
  ];
  return timeConversions(texts, UnitRegistry.create({ conventions }))
    .map((c) => `1 ${c.unit} = ${formatValue(c.value)} ${c.in}`)
    .join(', ');
}

/** The steps as text, Given then Derived; `more` adds lines under a step (the whiteboard's). */
export function explainText(
  model: Model,
  steps: ExplainStep[],
  style: ChalkInstance,
  more: (s: ExplainStep, dim: (s: string) => string) => string[] = () => [],
  header: string[] = [],
): string {
  const calendar = model.registry.conventions;
  const paint = { name: style.cyan, value: style.bold, dim: style.dim };
  const out = [style.bold(visible(model.title)), ...header.map((h) => style.dim(h))];
  if (model.conventions.length)
    out.push(style.dim(`conventions: ${model.conventions.map((c) => `${c.unit} = ${c.text}`).join(', ')}`));
  const shown = (s: ExplainStep) => [renderStep(visibleAll(s), paint, calendar), ...more(s, style.dim)];
  const given = steps.filter((s) => s.kind === 'assumption' || s.overridden);
  const derived = steps.filter((s) => s.kind === 'derived' && !s.overridden);
  // concat, not push(...): a chain of 50,000 steps would overflow the stack as arguments.
  const body = [
    ...(given.length ? ['', style.bold('Given')].concat(given.flatMap(shown)) : []),
    ...(derived.length ? ['', style.bold('Derived')].concat(derived.flatMap(shown)) : []),
  ];
  return `${out.concat(body).join('\n')}\n`;
}

export function stepJson(s: ExplainStep, calendar: Conventions, display: string) {
  return {
    name: s.name,
    kind: s.kind,
    formula: markupText(s.formula, undefined, calendar),
    substituted: markupText(s.substituted, undefined, calendar),
    value: s.value,
    unit: s.unit,
    display,
    spoken: `~${spoken(s.value, s.unit, calendar, s.whole || isBought(s.unit))}`,
    uses: s.uses,
    overridden: s.overridden,
    ...(s.origin !== undefined ? { origin: s.origin } : {}),
    ...(s.ref !== undefined ? { ref: s.ref } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
    ...(s.range ? { range: s.range } : {}),
    ...(s.inside
      ? {
          inside: s.inside.map((b) => ({
            block: b.block,
            lines: b.lines.map((l) => markupText(l, undefined, calendar)),
          })),
        }
      : {}),
  };
}
