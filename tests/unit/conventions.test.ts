import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import { calendarOrder } from '../../src/core/scenario/conventions.js';
import type { Model } from '../../src/core/scenario/model.js';

const DAY = 86_400;
const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

function model(text: string): Model {
  const r = compileScenario(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

/** The scenario's calendar, with `conventions:` of these lines. */
function calendar(...conventions: string[]) {
  return model(lines('conventions:', ...conventions.map((c) => `  ${c}`), 'assumptions:', '  a: 1')).registry
    .conventions;
}

describe('calendarOrder', () => {
  it.each<[Record<string, string>, string[]]>([
    [{ day: '100000 s', year: '360 day', month: '30 day' }, ['day', 'year', 'month']],
    // The year is written in months: the month first, whatever the file's order.
    [{ year: '12 month', month: '30 day' }, ['month', 'year']],
    [{ month: '4 week', year: '12 month' }, ['month', 'year']],
    [{ month: '0.1 year' }, ['month']],
  ])('%j', (given, order) => {
    expect(calendarOrder(given)).toEqual({ units: order });
  });

  it.each<[Record<string, string>, string, RegExp, RegExp]>([
    [{ day: '1 day' }, 'day', /`day: 1 day` defines a day by itself/, /day: 86400 s/],
    [{ month: '2 month' }, 'month', /defines a month by itself/, /month: 30 day/],
    // A month not restated is year/12: `year: 12 month` alone goes round in a circle.
    [{ year: '12 month' }, 'year', /year → month → year/, /a month not restated is year\/12/],
    [{ year: '12 month', month: '0.1 year' }, 'year', /year → month → year/, /write the year in days/],
    [{ day: '0.003 year' }, 'day', /day → year → day/, /a year not restated is 365 day: write the day in seconds/],
  ])('refuses %j', (given, unit, message, hint) => {
    const r = calendarOrder(given);
    expect('circle' in r).toBe(true);
    if (!('circle' in r)) return;
    expect(r.circle.unit).toBe(unit);
    expect(r.circle.message).toMatch(message);
    expect(r.circle.hint).toMatch(hint);
  });
});

describe('conventions in a scenario', () => {
  it('year: 12 month uses the restated month: 12 × 30 days = 360 days', () => {
    expect(calendar('year: 12 month', 'month: 30 day')).toEqual({ day: DAY, month: 30 * DAY, year: 360 * DAY });
  });

  it('a month restated alone keeps the year at 365 days, and the header says so', () => {
    const m = model(lines('conventions:', '  month: 30 day', 'assumptions:', '  a: 1'));
    expect(m.registry.conventions).toEqual({ day: DAY, month: 30 * DAY, year: 365 * DAY });
    expect(m.conventions).toEqual([
      { unit: 'year', text: '365 day (default)' },
      { unit: 'month', text: '30 day' },
    ]);
  });

  it('a year of 365 days follows a restated day', () => {
    expect(calendar('day: 100000 s', 'month: 30 day')).toEqual({ day: 1e5, month: 3e6, year: 365 * 1e5 });
  });

  it('a month of 4 weeks follows the day; a year of 12 of them', () => {
    expect(calendar('day: 100000 s', 'month: 4 week', 'year: 12 month')).toEqual({
      day: 1e5,
      month: 28e5,
      year: 12 * 28e5,
    });
  });

  it('every figure uses the same lengths: 1 year and 12 month are equal', () => {
    const m = model(
      lines(
        'conventions:',
        '  month: 30 day',
        '  year: 12 month',
        'assumptions:',
        '  y: 1 year',
        '  m: 12 month',
        '  d: 360 day',
      ),
    );
    const [y, mm, d] = ['y', 'm', 'd'].map((n) => m.byName.get(n)!.value);
    expect(y).toBe(360 * DAY);
    expect(mm).toBe(360 * DAY);
    expect(d).toBe(360 * DAY);
  });

  it('a circle is refused at its place, with code cycle', () => {
    const text = lines('conventions:', '  year: 12 month', 'assumptions:', '  a: 1');
    const r = compileScenario(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [d] = r.diagnostics;
    expect(d!.code).toBe('cycle');
    expect(text.slice(d!.span!.start, d!.span!.end)).toBe('12 month');
  });
});
