import { tokenize } from '../expr/tokenizer.js';
import { calendarUnitsIn, calendarUnitsOf } from '../units/definition.js';
import { UnitRegistry } from '../units/registry.js';

export type CalendarUnit = 'day' | 'month' | 'year';

/** What a calendar unit is when a scenario does not restate it (its definition in units/table.ts), and so what it is written in. */
function byDefault(unit: CalendarUnit): { uses: CalendarUnit[]; says: string } {
  const { entries } = UnitRegistry.create();
  const is = entries.find((e) => e.name === unit)?.is ?? '';
  return { uses: calendarUnitsIn(is, entries) as CalendarUnit[], says: `a ${unit} not restated is ${is}` };
}

const EXAMPLES: Record<CalendarUnit, string> = { day: '86400 s', month: '30 day', year: '365 day' };

/** The calendar units a length is written in: a week follows the day. */
function writtenIn(text: string): Set<CalendarUnit> {
  const out = new Set<CalendarUnit>();
  let words: string[];
  try {
    words = tokenize(text)
      .filter((t) => t.kind === 'name')
      .map((t) => t.text);
  } catch {
    return out; // reading the length reports it
  }
  const standard = UnitRegistry.create();
  for (const w of words) {
    const symbol = standard.lookup(w)?.symbol;
    if (symbol) for (const c of calendarUnitsOf(symbol, standard.entries)) out.add(c as CalendarUnit);
  }
  return out;
}

/**
 * The order to read a scenario's `conventions:` in: each after the units it is
 * written in, whether restated or by default (a month not restated is
 * year/12, so `year: 12 month` alone goes round in a circle). A unit written
 * in itself, or a circle, is refused at the first unit of it.
 */
export function calendarOrder(
  given: Partial<Record<CalendarUnit, string>>,
): { units: CalendarUnit[] } | { circle: { unit: CalendarUnit; message: string; hint: string } } {
  const uses = (u: CalendarUnit) => (given[u] !== undefined ? [...writtenIn(given[u]!)] : byDefault(u).uses);
  const order: CalendarUnit[] = [];
  const done = new Set<CalendarUnit>();
  const visit = (u: CalendarUnit, path: CalendarUnit[]): CalendarUnit[] | undefined => {
    if (done.has(u)) return undefined;
    if (path.includes(u)) return [...path.slice(path.indexOf(u)), u];
    for (const v of uses(u)) {
      const circle = visit(v, [...path, u]);
      if (circle) return circle;
    }
    done.add(u);
    order.push(u);
    return undefined;
  };
  for (const u of ['day', 'year', 'month'] as const) {
    if (given[u] === undefined) continue;
    const circle = visit(u, []);
    if (!circle) continue;
    const first = circle[0]!;
    if (circle.length === 2) {
      return {
        circle: {
          unit: first,
          message: `\`${first}: ${given[first]!.trim()}\` defines a ${first} by itself`,
          hint: `write it in other units, e.g. ${first}: ${EXAMPLES[first]}`,
        },
      };
    }
    const defaults = circle
      .slice(0, -1)
      .filter((c) => given[c] === undefined)
      .map((c) => byDefault(c).says);
    return {
      circle: {
        unit: first,
        message: `these conventions are defined by each other: ${circle.join(' → ')}`,
        hint: `${defaults.length ? `${defaults.join('; ')}: ` : ''}write the ${first} in ${first === 'day' ? 'seconds' : 'days'}`,
      },
    };
  }
  return { units: order.filter((u) => given[u] !== undefined) };
}
