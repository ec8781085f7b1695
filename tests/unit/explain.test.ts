import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, type ExplainStep } from '../../src/core/analysis/explain.js';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import type { Model } from '../../src/core/scenario/model.js';
import { evaluateModel, readOverrides } from '../../src/core/scenario/run.js';
import { rangesOf } from '../../src/core/analysis/sample.js';
import { markupText, renderStep } from '../../src/render/explain.js';
import { ROOT } from '../helpers/run-bote.js';

function compiled(text: string, name = 'test'): Model {
  const r = compileScenario(text, { name });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}
const builtin = (name: string) => compiled(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8'), name);

function steps(model: Model, names: string[] = [], settings: Record<string, string> = {}): ExplainStep[] {
  const overrides = readOverrides(
    model,
    Object.entries(settings).map(([name, text]) => ({ name, text })),
  );
  if (!overrides.ok) throw new Error(overrides.diagnostics[0]!.message);
  const values = evaluateModel(model, overrides.value);
  if (!values.ok) throw new Error(values.diagnostics[0]!.message);
  return explain(model, values.value, names, new Set(overrides.value.keys()), rangesOf(model, overrides.value));
}
const line = (model: Model, name: string, settings: Record<string, string> = {}) =>
  renderStep(steps(model, [name], settings).find((s) => s.name === name)!, undefined, model.registry.conventions);

describe('explain: the chain of a figure, as one says it', () => {
  const twitter = builtin('twitter');

  it('says qps as the issue does: formula, values substituted with units, result and its rounding', () => {
    // 150 M user × 2 tweet/user/day / 86,400 s = 3,472.2 tweet/s
    expect(line(twitter, 'qps').split('\n')).toEqual([
      'qps = dau × tweets_per_user = 150 M user × 2 tweet/user/day = 3,472 tweet/s (~3.5 K tweet/s)',
      '    (1 day = 86,400 s)',
    ]);
  });

  it('substitutes an assumption as written, and a derived figure by its value', () => {
    const dau = steps(twitter, ['dau']).find((s) => s.name === 'dau')!;
    expect(markupText(dau.substituted)).toBe('300 million user × 50%');
    expect(dau.value).toBe(150e6);
    expect(dau.unit).toBe('user');
  });

  it('gives the named figures and everything they use, in dependency order', () => {
    expect(steps(twitter, ['peak_qps']).map((s) => s.name)).toEqual([
      'mau',
      'daily_active',
      'tweets_per_user',
      'peak_factor',
      'dau',
      'qps',
      'peak_qps',
    ]);
    expect(steps(twitter).map((s) => s.name)).toHaveLength(twitter.figures.length);
  });

  it('stops at a figure pinned with --set, and says so', () => {
    const s = steps(twitter, ['qps'], { dau: '200M' });
    expect(s.map((x) => x.name)).toEqual(['tweets_per_user', 'dau', 'qps']);
    expect(s.find((x) => x.name === 'dau')!.overridden).toBe(true);
    expect(line(twitter, 'dau', { dau: '200M' })).toBe('dau = 200 M user (set with --set)');
    // 200 M × 2 / 86,400 = 4,629.6 tweet/s
    expect(line(twitter, 'qps', { dau: '200M' }).split('\n')[0]).toBe(
      'qps = dau × tweets_per_user = 200 M user × 2 tweet/user/day = 4,630 tweet/s (~4.6 K tweet/s)',
    );
  });

  it('says which inputs are guesses, how the range is read, and that its median is used', () => {
    const text = line(twitter, 'dau', { dau: '100M to 300M' });
    expect(text).toContain('a guess: 100 M user to 300 M user (lognormal, a 90% interval); its median is used here');
  });

  it('names the time conversions a step makes', () => {
    // 1 bn request/day / 86,400 s = 11,574 request/s
    const rps = line(builtin('uber'), 'rps');
    expect(rps).toContain('= 11,570 request/s');
    expect(rps).toContain('(1 day = 86,400 s)');
  });

  it("uses the scenario's day in those conversions", () => {
    const m = compiled(
      'conventions: { day: 100000 s }\nassumptions:\n  per_day: 1 bn request/day\nderived:\n  rate: { expr: per_day, unit: request/s }\n',
    );
    const text = line(m, 'rate');
    expect(text).toContain('= 10,000 request/s'); // 1e9 / 100,000 s
    expect(text).toContain('(1 day = 100,000 s)');
  });

  it('puts parentheses where a substituted unit would otherwise bind wrongly', () => {
    const m = compiled(
      [
        'nouns: [tweet]',
        'assumptions:',
        '  lat: 2 ms',
        '  tweets: 300 million tweet/day',
        '  rate: 2 tweet/user/day',
        '  n: 3',
        'derived:',
        '  sq: { expr: lat^2, unit: s^2 }',
        '  users: { expr: tweets / rate, unit: user }',
        '  third: { expr: tweets / n, unit: tweet/day }',
        '',
      ].join('\n'),
    );
    const sub = (name: string) => markupText(steps(m, [name]).find((s) => s.name === name)!.substituted);
    expect(sub('sq')).toBe('(2 ms)^2'); // not 2 ms^2, which is 2e-6 s^2
    expect(sub('users')).toBe('300 million tweet/day / (2 tweet/user/day)');
    expect(sub('third')).toBe('300 million tweet/day / 3');
  });
});

describe('explain: a default, worded as one', () => {
  const url = builtin('url-shortener');

  it('says "assuming, by bote\'s default (ref capacity T1)" and keeps the note under it', () => {
    expect(line(url, 'app_server_rps')).toBe(
      "assuming, by bote's default (ref capacity T1), app_server_rps = 1000 req/s/server",
    );
    expect(line(url, 'target_utilization').split('\n')).toEqual([
      "assuming, by bote's default, target_utilization = 70%",
      '    a planning margin, not a measured figure; change it with --set',
    ]);
    expect(line(url, 'read_write_ratio').split('\n')[0]).toBe('read_write_ratio = 10 (assumption)');
  });

  it("a default set with --set is no longer bote's", () => {
    expect(line(url, 'app_server_rps', { app_server_rps: '2000' })).toBe(
      'app_server_rps = 2 K request/s/server (set with --set)',
    );
  });

  it('carries origin and ref on the steps of assumptions only', () => {
    const all = steps(url, ['app_servers']);
    expect(all.find((s) => s.name === 'app_server_rps')).toMatchObject({ origin: 'default', ref: 'T1' });
    expect(all.find((s) => s.name === 'new_urls_per_day')).toMatchObject({ origin: 'source' });
    expect(all.find((s) => s.name === 'app_servers')!.origin).toBeUndefined();
  });
});
