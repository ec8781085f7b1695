import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRILL_SECTIONS, Drill, type DrillQuestion, fullPicture, pickScenario } from '../../src/core/analysis/drill.js';
import { gradeAnswer, readAnswer } from '../../src/core/analysis/drill-answer.js';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import type { Model } from '../../src/core/scenario/model.js';
import { ROOT } from '../helpers/run-bote.js';

// The drill's core: answers read as typed, grades, questions by section,
// reproducible by the seed, and --vary.

function compiled(text: string, name: string): Model {
  const r = compileScenario(text, { name });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}
const builtin = (name: string) => compiled(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8'), name);
const twitter = builtin('twitter');

function questions(model: Model, seed: number, n: number, vary = false): DrillQuestion[] {
  const drill = new Drill(model, seed, vary);
  return Array.from({ length: n }, () => {
    const q = drill.next();
    if (!q.ok) throw new Error(q.diagnostics[0]!.message);
    return q.value;
  });
}

describe('an answer as typed, to "qps" (tweet/s)', () => {
  const qps = twitter.byName.get('qps')!;
  it.each([
    // [typed, read as tweet/s]
    ['3k', 3000],
    ['3500/s', 3500],
    ['3.5e3 tweet/s', 3500],
    ['4 K', 4000],
    ['3500 tweets/s', 3500],
    ['3,500', 3500],
    // 3 × 10^8 a day is 3e8 / 86,400 a second.
    ['3e8/day', 3e8 / 86_400],
    ['2 tweet/ms', 2000],
  ])('%s is %d tweet/s', (typed, value) => {
    const r = readAnswer(typed, qps, twitter.registry);
    expect(r.kind).toBe('answer');
    if (r.kind === 'answer') expect(r.value).toBeCloseTo(value, 6);
  });

  it.each([
    ['3 MB', 'wrong', '3 MB is in MB, but the question asks for tweet/s'],
    ['3 user/s', 'wrong', '3 user/s is in user/s, but the question asks for tweet/s'],
    ['0', 'wrong', '0 is not above zero'],
    ['', 'unreadable', 'type a figure in tweet/s, or q to stop'],
    ['three', 'unreadable', 'cannot read "three"'],
  ])('%j is asked again (%s): %s', (typed, why, message) => {
    const r = readAnswer(typed, qps, twitter.registry);
    expect(r).toMatchObject({ kind: 'again', why });
    if (r.kind === 'again') expect(r.message).toContain(message);
  });

  it('q and quit stop', () => {
    expect(readAnswer(' q ', qps, twitter.registry)).toEqual({ kind: 'quit' });
    expect(readAnswer('QUIT', qps, twitter.registry)).toEqual({ kind: 'quit' });
  });
});

describe('grades, as an interviewer gives them', () => {
  it.each([
    // [answer, exact, verdict, orders]
    [3000, 3472, 'good', 0],
    [6944, 3472, 'good', 0], // exactly 2x high
    [1736, 3472, 'good', 0], // exactly 2x low
    [7000, 3472, 'order', 0], // 2.02x
    [34_720, 3472, 'order', 0], // 10x
    [40_000, 3472, 'off', 1], // 11.5x: log10 1.06, one order
    [347_200, 3472, 'off', 2], // 100x
    [30, 3472, 'off', 2], // 116x low: log10 2.06
    [3, 3472, 'off', 3],
  ])('%d against %d: %s', (answer, exact, verdict, orders) => {
    const g = gradeAnswer(answer, exact);
    expect(g).toMatchObject({ verdict, orders });
    expect(g.ratio).toBeCloseTo(answer / exact, 12);
  });
});

describe('a drill session', () => {
  it('asks about each section in turn: five questions cover traffic, storage, bandwidth, cache and servers', () => {
    const qs = questions(twitter, 7, 10);
    expect(qs.slice(0, 5).map((q) => q.section)).toEqual([...DRILL_SECTIONS]);
    expect(qs.slice(5).map((q) => q.section)).toEqual([...DRILL_SECTIONS]);
    expect(qs.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('is the same for the same seed, and another for another', () => {
    const figures = (seed: number) => questions(twitter, seed, 10).map((q) => q.figure);
    expect(figures(7)).toEqual(figures(7));
    expect([1, 2, 3, 4, 5].some((seed) => figures(seed).join() !== figures(7).join())).toBe(true);
  });

  it('states the inputs behind the figure, gives its exact answer and the whiteboard way', () => {
    const drill = new Drill(twitter, 1);
    let q: DrillQuestion | undefined;
    while (q?.figure !== 'qps') {
      const next = drill.next();
      if (!next.ok) throw new Error('no question');
      q = next.value;
      if (q.number > 50) throw new Error('qps never asked');
    }
    expect(q.given.map((g) => g.name)).toEqual(['mau', 'daily_active', 'tweets_per_user']);
    expect(q.given[0]).toMatchObject({ text: '300 million user', value: 3e8, unit: 'user' });
    expect(q.text).toBe('What is the average tweet rate (qps), per second?');
    // 300 M × 50% × 2 / 86,400 s
    expect(q.exact).toBeCloseTo((3e8 * 0.5 * 2) / 86_400, 9);
    expect(q.mental.map((m) => m.name)).toEqual(['dau', 'qps']);
    expect(q.mental.at(-1)!.value).toBe(3000);
  });

  it('--vary multiplies stated inputs with a unit by 0.5, 2 or 3, and the answer follows', () => {
    for (const q of questions(twitter, 11, 10, true)) {
      const varied = q.given.filter((g) => g.varied);
      expect(varied.length, q.figure).toBeGreaterThan(0);
      for (const g of varied) {
        expect([0.5, 2, 3]).toContain(g.varied!.factor);
        const f = twitter.byName.get(g.name)!;
        expect(f.origin).not.toBe('default');
        expect(f.dim.isNone).toBe(false);
        expect(g.value).toBeCloseTo((f.value! / (f.unit?.factor ?? 1)) * g.varied!.factor, 6);
      }
      if (q.figure === 'qps') {
        const given = Object.fromEntries(q.given.map((g) => [g.name, g.value]));
        expect(q.exact).toBeCloseTo((given.mau! * given.daily_active! * given.tweets_per_user!) / 86_400, 6);
      }
    }
  });

  it('picks a scenario with the whole picture, by the seed', () => {
    const pool = readdirSync(join(ROOT, 'scenarios')).map((f) => ({ model: builtin(f.replace(/\.yaml$/, '')) }));
    const full = pool.filter((p) => fullPicture(p.model)).map((p) => p.model.name);
    expect(full).toEqual(expect.arrayContaining(['twitter', 'url-shortener', 'uber', 'youtube']));
    expect(full).not.toContain('availability');
    const picks = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => pickScenario(pool, seed)!.model.name));
    for (const name of picks) expect(full).toContain(name);
    expect(pickScenario(pool, 7)!.model.name).toBe(pickScenario(pool, 7)!.model.name);
  });
});
