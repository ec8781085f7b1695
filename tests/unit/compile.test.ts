import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import type { Model } from '../../src/core/scenario/model.js';
import { evaluateModel } from '../../src/core/scenario/run.js';
import { MAX_ALIASES, MAX_FILE_BYTES, MAX_NESTING, parseScenarioSource } from '../../src/core/scenario/source.js';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

function model(text: string): Model {
  const r = compileScenario(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  return r.value;
}

function problems(text: string, file?: string): Array<Diagnostic & { under: string }> {
  const r = compileScenario(text, file !== undefined ? { file } : {});
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.diagnostics.map((d) => ({ ...d, under: d.span ? text.slice(d.span.start, d.span.end) : '<no span>' }));
}

function value(m: Model, name: string): number {
  const r = evaluateModel(m);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.value[m.byName.get(name)!.index]!;
}

/** [what, scenario, code, text under the span, message]: one row per way compile refuses a file. */
const REFUSALS: Array<[string, string, Diagnostic['code'], string, RegExp]> = [
  ['broken YAML', lines('assumptions:', '  a: [1, 2'), 'yaml-syntax', '', /./],
  ['a duplicate key', lines('assumptions:', '  a: 1', '  a: 2'), 'yaml-syntax', 'a', /unique/],
  ['%YAML 1.1', lines('%YAML 1.1', '---', 'assumptions:', '  a: 1'), 'yaml-syntax', '%YAML', /only YAML 1\.2/],
  [
    'a !!js/function tag',
    lines('assumptions:', '  a: !!js/function "x"'),
    'yaml-syntax',
    '!!js/function',
    /`!!js\/function`/,
  ],
  ['a custom tag', lines('assumptions:', '  a: !custom 1'), 'yaml-syntax', '!custom', /`!custom`/],
  ['a !!str tag', lines('assumptions:', '  a: !!str 1'), 'yaml-syntax', '!!str', /tags/],
  ['deep flow nesting', `assumptions: ${'['.repeat(40)}`, 'yaml-limit', '[', /nests deeper than 32/],
  [
    'an alias bomb',
    lines(
      'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'assumptions: { x: 1 }',
    ),
    'yaml-limit',
    '*a',
    /aliases expand too far/,
  ],
  ['__proto__ as a name', lines('assumptions:', '  a: 1', '  __proto__: 2'), 'reserved-name', '__proto__', /reserved/],
  ['constructor as a name', lines('assumptions:', '  constructor: 2'), 'reserved-name', 'constructor', /reserved/],
  [
    'prototype under derived',
    lines('assumptions:', '  a: 1', 'derived:', '  prototype: a'),
    'reserved-name',
    'prototype',
    /reserved/,
  ],
  ['__proto__ at the top', lines('__proto__: 1', 'assumptions:', '  a: 1'), 'reserved-name', '__proto__', /reserved/],
  ['a misspelt top-level key', lines('asumptions:', '  a: 1'), 'schema', 'asumptions', /unknown key `asumptions`/],
  ['a misspelt key in a figure', lines('assumptions:', '  a: { valeu: 1 }'), 'schema', 'valeu', /unknown key `valeu`/],
  ['no assumptions', lines('name: x'), 'schema', 'name: x\n', /`assumptions` is missing/],
  // compileScenario reads one text: the chain of `extends:` is read by the loader (tests/e2e/extends.test.ts).
  ['extends, alone', lines('extends: twitter'), 'bad-extends', 'twitter', /not followed here/],
  ['a name that is not an identifier', lines('assumptions:', '  "1a": 1'), 'schema', '"1a"', /identifiers/],
  ['a bad scenario name', lines('name: Bad_Name', 'assumptions:', '  a: 1'), 'schema', 'Bad_Name', /lowercase/],
  [
    'neither value nor low and high',
    lines('assumptions:', '  a: { note: hi }'),
    'schema',
    'a',
    /needs either `value:`/,
  ],
  [
    'dist without a range',
    lines('assumptions:', '  a: { value: 1 ms, dist: normal }'),
    'schema',
    '1 ms',
    /applies to a range/,
  ],
  [
    'a name both assumption and derived',
    lines('assumptions:', '  a: 1', 'derived:', '  a: 2'),
    'schema',
    'a',
    /both an assumption and a derived/,
  ],
  [
    'a noun that is a unit',
    lines('nouns: [tweet, MB]', 'assumptions:', '  a: 1 tweet'),
    'name-is-unit',
    'MB',
    /already a unit/,
  ],
  [
    'a syntax error in a formula',
    lines('assumptions:', '  a: 1', 'derived:', '  b2: a * * 2'),
    'syntax',
    '*',
    /unexpected `\*`/,
  ],
  ['an empty formula', lines('assumptions:', '  a: 1', 'derived:', '  b2: ""'), 'syntax', '', /empty/],
  ['a syntax error in a quantity', lines('assumptions:', '  a: "2 = 3"'), 'syntax', '=', /assignment/],
  ['`.` in a formula', lines('assumptions:', '  a: 1', 'derived:', '  b2: a.length'), 'syntax', '.', /property access/],
  ['a string in a formula', lines('assumptions:', '  a: 1', 'derived:', '  b2: a + "x"'), 'syntax', '"', /strings/],
  [
    'an unknown name in a formula',
    lines('assumptions:', '  dau: 1 user', 'derived:', '  b2: dua * 2'),
    'unknown-name',
    'dua',
    /unknown name `dua`/,
  ],
  [
    'an assumption using a figure',
    lines('assumptions:', '  dau: 1 user', '  x: 2 dau'),
    'unknown-name',
    'dau',
    /cannot use `dau`/,
  ],
  [
    'expect naming no figure',
    lines('assumptions:', '  dau: 1 user', 'expect:', '  dua: 1 user'),
    'unknown-name',
    'dua',
    /not a figure/,
  ],
  ['an unknown unit', lines('assumptions:', '  a: 3 MBB'), 'unknown-unit', 'MBB', /unknown unit `MBB`/],
  [
    'an unknown unit in a quoted quantity',
    lines('assumptions:', "  a: '3 Mibps'"),
    'unknown-unit',
    'Mibps',
    /unknown unit `Mibps`/,
  ],
  [
    'an unknown function',
    lines('assumptions:', '  a: 1', 'derived:', '  b2: foo(a)'),
    'unknown-function',
    'foo',
    /not a function/,
  ],
  // In the units written (GB), not in base units (B).
  [
    'adding GB to request/s',
    lines('assumptions:', '  size: 1 GB', '  rate: 5 request/s', 'derived:', '  total: { expr: size + rate }'),
    'unit-mismatch',
    'size + rate',
    /cannot add GB and request\/s/,
  ],
  [
    'a day that is not a time',
    lines('conventions:', '  day: 5 GB', 'assumptions:', '  a: 1'),
    'unit-mismatch',
    '5 GB',
    /positive length of time/,
  ],
  [
    'a day of no time',
    lines('conventions:', '  day: -5 s', 'assumptions:', '  a: 1'),
    'schema',
    '-5 s',
    /positive length of time, not -5 s/,
  ],
  [
    'an empty assumptions',
    lines('title: t', 'assumptions:', 'derived:', '  a: 1'),
    'schema',
    '',
    /assumptions: it is empty; expected a mapping of names/,
  ],
  [
    'nouns that are not a list',
    lines('nouns: tweet', 'assumptions:', '  a: 1'),
    'schema',
    'tweet',
    /nouns: expected a list/,
  ],
  [
    'a dist that does not exist',
    lines('assumptions:', '  e: { value: 1 to 3, dist: gauss }'),
    'schema',
    'gauss',
    /dist is lognormal, normal or uniform/,
  ],
  [
    'a misspelt key of an expectation',
    lines('assumptions:', '  a: 1', 'expect:', '  a: { vale: 1 }'),
    'schema',
    'vale',
    /unknown key `vale`/,
  ],
  // The range as a whole is at fault: an empty span where its mapping starts.
  [
    'a range whose ends differ',
    lines('assumptions:', '  a: { low: 1 GB, high: 2 s }'),
    'unit-mismatch',
    '',
    /ends of the range differ/,
  ],
  [
    'a unit that does not fit',
    lines('assumptions:', '  a: 1 GB', 'derived:', '  b2: { expr: a * 2, unit: s }'),
    'declared-unit',
    's',
    /does not fit/,
  ],
  [
    'a bad unit: in derived',
    lines('assumptions:', '  a: 1 GB', 'derived:', '  b2: { expr: a * 2, unit: GBB }'),
    'unknown-unit',
    'GBB',
    /unknown unit/,
  ],
  [
    'a wrong argument count',
    lines('assumptions:', '  a: 1', 'derived:', '  b2: ceil(a, 2)'),
    'bad-argument',
    'ceil(a, 2)',
    /takes 1 argument/,
  ],
  [
    'a cycle',
    lines('assumptions:', '  a: 1', 'derived:', '  x: y + a', '  y: z', '  z: x'),
    'cycle',
    'x',
    /x → y → z → x/,
  ],
  [
    'a constant division by zero',
    lines('assumptions:', '  a: 1', 'derived:', '  b2: a + 1/0'),
    'not-finite',
    '1/0',
    /not a finite number/,
  ],
  [
    'expect in the wrong dimension',
    lines('assumptions:', '  a: 1 GB', 'expect:', '  a: 1 s'),
    'bad-expect',
    '1 s',
    /in s, but the figure is in GB/,
  ],
  ['a range low above high', lines('assumptions:', '  a: 3 to 1 ms'), 'syntax', '3 to 1 ms', /low end/],
  [
    'a ref to no row',
    lines('assumptions:', '  a: { value: 1000 req/s/server, origin: default, ref: T11 }'),
    'unknown-ref',
    'T11',
    /not a row of bote ref capacity/,
  ],
  [
    'a default that says nothing of where it comes from',
    lines('assumptions:', '  a: { value: 3, origin: default }'),
    'unsourced-default',
    'default',
    /does not say where its value comes from/,
  ],
  [
    'a default with an empty note',
    lines('assumptions:', "  a: { value: 3, origin: default, note: '' }"),
    'unsourced-default',
    'default',
    /does not say/,
  ],
  [
    'an origin that is neither',
    lines('assumptions:', '  a: { value: 3, origin: guess }'),
    'schema',
    'guess',
    /origin is source .* or default/,
  ],
  [
    'an unknown section',
    lines('assumptions:', '  a: 1 GB', 'derived:', '  b2: { expr: a, section: disk }'),
    'schema',
    'disk',
    /a section is traffic, storage, bandwidth, cache, servers, cost or other/,
  ],
  [
    'headline that is not true or false',
    lines('assumptions:', '  a: 1 GB', 'derived:', '  b2: { expr: a, headline: yes }'),
    'schema',
    'yes',
    /true or false/,
  ],
  [
    'omitted: naming no section',
    lines('assumptions:', '  a: 1', 'omitted:', '  storge: nothing kept'),
    'schema',
    'storge',
    /unknown key `storge`/,
  ],
  [
    'omitted: a section that has a figure',
    lines('assumptions:', '  a: 1 GB', 'derived:', '  b2: a * 2', 'omitted:', '  storage: nothing kept'),
    'omitted-has-figures',
    'storage',
    /says storage has no figure, but `b2` is in storage/,
  ],
];

describe('compileScenario: every refusal, at its place', () => {
  it.each(REFUSALS)('%s', (_what, text, code, under, message) => {
    const found = problems(text);
    const d = found.find((p) => p.code === code);
    expect(d, JSON.stringify(found)).toBeDefined();
    expect(d!.message).toMatch(message);
    expect(d!.under).toBe(under);
  });

  it('covers every code compile can produce', () => {
    const source = readFileSync(new URL('../../src/core/diagnostic.ts', import.meta.url), 'utf8');
    const union = source.slice(
      source.indexOf('export type DiagnosticCode'),
      source.indexOf(';', source.indexOf('export type DiagnosticCode')),
    );
    const codes = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(10);
    // bad-override is readOverrides' (tests/unit/run.test.ts); unused a warning among the
    // notes of a model that compiles (below); input validate's, for a file it cannot read;
    // too-large the memory budget's (tests/e2e/hardening.test.ts).
    const elsewhere = new Set(['bad-override', 'unused', 'input', 'too-large']);
    const covered = new Set(REFUSALS.map((r) => r[2]));
    expect(codes.filter((c) => !elsewhere.has(c) && !covered.has(c as Diagnostic['code']))).toEqual([]);
  });

  it('names the file in every diagnostic', () => {
    const found = problems(lines('assumptions:', '  a1: 3 MBB', '  a2: 2 GBB'), 'my.yaml');
    expect(found.map((d) => d.under)).toEqual(['MBB', 'GBB']);
    for (const d of found) expect(d.file).toBe('my.yaml');
  });

  it('suggests the misspelt top-level key and does not also say assumptions is missing', () => {
    const found = problems(lines('asumptions:', '  a: 1'));
    expect(found).toHaveLength(1);
    expect(found[0]!.hint).toBe('did you mean `assumptions`?');
  });

  it.each<[string, string, string]>([
    ['derived', lines('assumptions:', '  a: 1', 'derived:', '  b2: { expr: a, nite: x }'), 'did you mean `note`?'],
    ['expect', lines('assumptions:', '  a: 1', 'expect:', '  a: { value: 1, erratun: x }'), 'did you mean `erratum`?'],
    ['conventions', lines('conventions:', '  dya: 1 day', 'assumptions:', '  a: 1'), 'did you mean `day`?'],
    ['assumptions', lines('assumptions:', '  a: { value: 1, orgin: default }'), 'did you mean `origin`?'],
    [
      'derived (section)',
      lines('assumptions:', '  a: 1', 'derived:', '  b2: { expr: a, sectoin: cost }'),
      'did you mean `section`?',
    ],
    ['omitted', lines('assumptions:', '  a: 1', 'omitted:', '  storge: x'), 'did you mean `storage`?'],
  ])('did-you-mean for a key under %s', (_section, text, hint) => {
    const [d] = problems(text);
    expect(d!.code).toBe('schema');
    expect(d!.hint).toBe(hint);
  });

  it('suggests a figure for expect naming none', () => {
    const [d] = problems(lines('assumptions:', '  dau: 1 user', 'expect:', '  dua: 1 user'));
    expect(d!.hint).toBe('did you mean `dau`?');
  });

  it('reports one message per mistake: figures using a broken one are not checked again', () => {
    const found = problems(lines('assumptions:', '  a: 3 MBB', 'derived:', '  b2: a * 2', '  c2: b2 + 1 GB'));
    expect(found.map((d) => d.code)).toEqual(['unknown-unit']);
  });

  it('gathers independent problems', () => {
    const found = problems(lines('nouns: [MB]', 'assumptions:', '  a: 3 MBB', '  day: 2', 'derived:', '  b2: foo(1)'));
    expect(found.map((d) => d.code).sort()).toEqual(['name-is-unit', 'unknown-function', 'unknown-unit']);
  });

  it('places a range error where the range is written', () => {
    const text = lines('assumptions:', '  a: { low: 1 GB, high: 2 s }');
    const d = problems(text).find((p) => p.code === 'unit-mismatch')!;
    expect(text.slice(d.span!.start).startsWith('{ low: 1 GB')).toBe(true);
  });

  it('places a formula error inside a ~ expectation', () => {
    const text = lines('assumptions:', '  a: 1 GB', 'expect:', '  a: "~ 2 GBB"');
    const [d] = problems(text);
    expect(d!.under).toBe('GBB');
  });
});

describe('compileScenario: YAML limits', () => {
  it('a 5,000-deep [[[[ document gives yaml-limit, twice, without crashing', () => {
    const text = `assumptions: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    for (let i = 0; i < 2; i++) {
      const found = problems(text);
      expect(found).toHaveLength(1);
      expect(found[0]!.code).toBe('yaml-limit');
      // The first bracket past the limit.
      expect(found[0]!.span!.start).toBe('assumptions: '.length + MAX_NESTING);
    }
  });

  it('5,000-deep {{{{ too', () => {
    const found = problems(`assumptions: ${'{'.repeat(5000)}\n`);
    expect(found[0]!.code).toBe('yaml-limit');
  });

  it(`${MAX_NESTING} levels of flow nesting are allowed by the limit`, () => {
    const r = parseScenarioSource(`x: ${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}\n`);
    expect(r.ok).toBe(true);
  });

  it('a file larger than 1 MB is refused before parsing', () => {
    const text = `# ${'x'.repeat(MAX_FILE_BYTES)}\nassumptions:\n  a: 1\n`;
    const [d] = problems(text);
    expect(d!.code).toBe('yaml-limit');
    expect(d!.message).toMatch(/larger than 1 MB/);
  });

  it('the limit counts UTF-8 bytes, not UTF-16 units', () => {
    // 400,000 CJK characters: 400,000 units of UTF-16, but 1.2 MB of UTF-8.
    const [d] = problems(`# ${'字'.repeat(400_000)}\nassumptions:\n  a: 1\n`);
    expect(d!.message).toMatch(/larger than 1 MB/);
  });

  it('the offset of a deep bracket counts only the text', () => {
    const text = lines('name: deep', 'assumptions:', `  a: ${'[x, '.repeat(40)}`);
    const [d] = problems(text);
    expect(d!.code).toBe('yaml-limit');
    // The 33rd `[`: after `  a: ` and 32 times `[x, ` on the third line.
    expect(d!.span!.start).toBe('name: deep\nassumptions:\n  a: '.length + 32 * 4);
    expect(text.slice(d!.span!.start, d!.span!.end)).toBe('[');
  });

  it(`aliases within ${MAX_ALIASES} are fine`, () => {
    const m = model(lines('assumptions:', '  a1: &size 2 GB', '  a2: *size', '  a3: *size'));
    expect(value(m, 'a2')).toBe(2e9);
    expect(value(m, 'a3')).toBe(2e9);
  });

  it('a second document is refused, not ignored', () => {
    const text = lines('assumptions:', '  a1: 1', '---', 'assumptions:', '  a2: 1 MBB');
    const [d] = problems(text);
    expect(d!.code).toBe('yaml-syntax');
    expect(d!.hint).toMatch(/one document/);
    expect(text.slice(d!.span!.start).startsWith('---')).toBe(true);
  });

  it('%YAML 1.2 is accepted', () => {
    expect(value(model(lines('%YAML 1.2', '---', 'assumptions:', '  a: 2 GB')), 'a')).toBe(2e9);
  });
});

describe('compileScenario: names', () => {
  it.each<[string, string]>([
    [
      'qps',
      lines(
        'assumptions:',
        '  dau: 1000 user',
        'derived:',
        '  qps: { expr: dau * 2 request/user/day, unit: request/s }',
      ),
    ],
    ['users', lines('assumptions:', '  users: 1000 user', 'derived:', '  twice: users * 2')],
    ['requests', lines('assumptions:', '  requests: 5 request', 'derived:', '  twice: requests * 2')],
  ])('%s may name a figure', (name, text) => {
    const m = model(text);
    expect(m.byName.has(name)).toBe(true);
  });

  it('a figure named users is used in formulas, not the unit', () => {
    const m = model(lines('assumptions:', '  users: 1000 user', 'derived:', '  twice: users * 2'));
    expect(value(m, 'twice')).toBe(2000);
    expect(m.byName.get('twice')!.dim.key).toBe('user');
  });

  it.each(['day', 'MB', 's', 'USD', 'ms', 'year', 'GiB', 'percent', 'million', 'x'])(
    '%s may name a figure, with a note and no error',
    (name) => {
      const m = model(lines('assumptions:', `  ${name}: 3`, 'derived:', `  twice: ${name} * 2`));
      expect(value(m, 'twice')).toBe(6);
      expect(m.notes.map((d) => [d.code, d.severity])).toEqual([['name-is-unit', 'note']]);
      expect(m.notes[0]!.message).toMatch(new RegExp(`\`${name}\` is also a unit`));
    },
  );

  it('a count noun as a figure name gets no note', () => {
    expect(model(lines('assumptions:', '  users: 1000 user', 'derived:', '  twice: users * 2')).notes).toEqual([]);
  });

  it('an assumption no formula uses is a warning at its place, and only that', () => {
    const m = model(lines('assumptions:', '  first: 1 user', '  spare: 2 user', 'derived:', '  twice: first * 2'));
    expect(m.notes).toEqual([
      expect.objectContaining({ code: 'unused', severity: 'warning', message: expect.stringContaining('`spare`') }),
    ]);
  });

  it('redeclaring a built-in noun is harmless', () => {
    const m = model(lines('nouns: [user, tweet]', 'assumptions:', '  a: 3 tweets'));
    expect(m.registry.nouns.filter((n) => n === 'user')).toHaveLength(1);
    expect(m.byName.get('a')!.dim.key).toBe('tweet');
  });
});

describe('compileScenario: models', () => {
  const TWITTER = lines(
    'name: twitter',
    'nouns: [tweet]',
    'assumptions:',
    '  mau: 300 million user',
    '  daily_active: { value: 50%, note: share of MAU }',
    '  tweets_per_user: 2 tweet/user/day',
    '  media_share: 10%',
    '  media_size: 1 MB/tweet',
    '  retention: 5 year',
    'derived:',
    '  media_total: { expr: media_per_day * retention, unit: PB }',
    '  media_per_day: { expr: dau * tweets_per_user * media_share * media_size, unit: TB/day }',
    '  qps: { expr: dau * tweets_per_user, unit: tweet/s }',
    '  dau: { expr: mau * daily_active, unit: user }',
  );

  it('orders figures: assumptions, then derived after what they use', () => {
    const m = model(TWITTER);
    expect(m.figures.map((f) => f.name)).toEqual([
      'mau',
      'daily_active',
      'tweets_per_user',
      'media_share',
      'media_size',
      'retention',
      'dau',
      'media_per_day',
      'media_total',
      'qps',
    ]);
    expect(m.figures.map((f) => f.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(m.name).toBe('twitter');
    expect(m.byName.get('daily_active')!.note).toBe('share of MAU');
  });

  it('computes the Twitter figures by hand', () => {
    const m = model(TWITTER);
    const dau = 300e6 * 0.5;
    const perDay = dau * 2 * 0.1 * 1e6; // bytes per day
    expect(value(m, 'dau')).toBe(dau);
    expect(value(m, 'qps')).toBeCloseTo((dau * 2) / 86400, 9);
    expect(value(m, 'media_per_day') * 86400).toBeCloseTo(perDay, 0);
    expect(value(m, 'media_total') / 1e15).toBeCloseTo((perDay * 365 * 5) / 1e15, 9);
  });

  it('keeps the written and declared units', () => {
    const m = model(TWITTER);
    expect(m.byName.get('tweets_per_user')!.unit!.text).toBe('tweet/user/day');
    expect(m.byName.get('media_total')!.unit!.text).toBe('PB');
    expect(m.byName.get('media_total')!.unit!.factor).toBe(1e15);
    expect(m.byName.get('media_share')!.unit).toBeUndefined();
  });

  it('points each figure at its value in the file', () => {
    const m = model(TWITTER);
    const f = m.byName.get('qps')!;
    expect(TWITTER.slice(f.span.start, f.span.end)).toBe('dau * tweets_per_user');
    const a = m.byName.get('mau')!;
    expect(TWITTER.slice(a.span.start, a.span.end)).toBe('300 million user');
  });

  it('conventions day = 100000 s change day, week, month and year', () => {
    const m = model(
      lines(
        'conventions:',
        '  day: 100000 s',
        'assumptions:',
        '  a1: 1 year',
        '  a2: 1 week',
        '  a3: 1 month',
        '  a4: 1 day',
      ),
    );
    expect(value(m, 'a1')).toBe(365 * 100_000);
    expect(value(m, 'a2')).toBe(7 * 100_000);
    expect(value(m, 'a3')).toBeCloseTo((365 * 100_000) / 12, 6);
    expect(value(m, 'a4')).toBe(100_000);
    expect(m.conventions).toEqual([{ unit: 'day', text: '100000 s' }]);
  });

  it('a year convention may use the day convention', () => {
    const m = model(lines('conventions:', '  day: 100000 s', '  year: 360 day', 'assumptions:', '  a: 1 month'));
    expect(value(m, 'a')).toBe((360 * 100_000) / 12);
  });

  it('ceil rounds in the declared unit', () => {
    const m = model(
      lines('assumptions:', '  a: 1.2 GB', 'derived:', '  b2: { expr: ceil(a), unit: GB }', '  c2: ceil(a)'),
    );
    expect(value(m, 'b2')).toBe(2e9);
    expect(value(m, 'c2')).toBe(1.2e9);
  });

  it('reads a range as its median and keeps the range', () => {
    const m = model(lines('assumptions:', '  a1: 100M to 400M user', '  a2: { low: 1 ms, high: 3 ms, dist: uniform }'));
    expect(value(m, 'a1')).toBeCloseTo(Math.sqrt(100e6 * 400e6), 3);
    expect(m.byName.get('a1')!.range).toMatchObject({ low: 100e6, high: 400e6, dist: 'lognormal' });
    expect(value(m, 'a2')).toBeCloseTo(0.002, 12);
  });

  it('numbers in YAML are read as text: 1e3 and 2', () => {
    const m = model(lines('assumptions:', '  a1: 1e3', '  a2: 2', '  a3: 1,500'));
    expect([value(m, 'a1'), value(m, 'a2'), value(m, 'a3')]).toEqual([1000, 2, 1500]);
  });
});

describe('compileScenario: sections and where values come from', () => {
  const m = model(
    lines(
      'assumptions:',
      '  dau: 10 million user',
      '  per_server: { value: 1000 req/s/server, origin: default, ref: t1 }',
      '  margin: { value: 70%, origin: default, note: a planning margin }',
      '  size: { value: 1 KB/request, origin: source, ref: H9 }',
      'derived:',
      '  rps: { expr: dau * 10 request/user/day, unit: request/s, headline: true }',
      '  servers_needed: servers(rps, per_server, margin)',
      '  hot: { expr: rps * size * (1 day) * 20%, unit: GB, section: cache }',
      '  daily: { expr: rps * size, unit: GB/day }',
      '  ratio: { expr: rps / (1 request/s), headline: false }',
      'omitted:',
      '  cost: no prices in this file',
    ),
  );
  const f = (name: string) => m.byName.get(name)!;

  it('an assumption is stated by its source unless the file marks it a default', () => {
    expect(f('dau')).toMatchObject({ origin: 'source' });
    expect(f('dau').ref).toBeUndefined();
    expect(f('per_server')).toMatchObject({ origin: 'default', ref: 'T1' }); // `t1` names row T1
    expect(f('margin')).toMatchObject({ origin: 'default', note: 'a planning margin' });
    expect(f('margin').ref).toBeUndefined();
    // A stated value may still cite the row it agrees with.
    expect(f('size')).toMatchObject({ origin: 'source', ref: 'H9' });
  });

  it('a result is in the section it names, else the one its unit implies', () => {
    expect([f('rps'), f('servers_needed'), f('hot'), f('daily'), f('ratio')].map((x) => x.section)).toEqual([
      'traffic',
      'servers',
      'cache',
      'storage',
      'other',
    ]);
  });

  it('headline: true marks a result; false or absent does not', () => {
    expect(f('rps').headline).toBe(true);
    expect(f('ratio').headline).toBeUndefined();
    expect(f('daily').headline).toBeUndefined();
  });

  it('keeps the reasons of omitted:', () => {
    expect([...m.omitted]).toEqual([['cost', 'no prices in this file']]);
  });

  it('every built-in cites only rows of bote ref capacity, and a default always says where it comes from', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    for (const file of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const built = model(readFileSync(new URL(file, dir), 'utf8'));
      for (const a of built.figures.filter((x) => x.kind === 'assumption')) {
        if (a.origin === 'default')
          expect(a.ref !== undefined || (a.note ?? '').trim() !== '', `${file}: ${a.name}`).toBe(true);
      }
    }
  });
});

describe('trees of formulas checked as parsed', () => {
  it('are parsed and checked again when read: the same tree and code as a file out of order keeps', () => {
    const inOrder = [
      'name: t',
      'assumptions:',
      '  dau: 100M user',
      'derived:',
      '  a: dau * 2',
      '  year: a / (10 year)',
    ];
    const outOfOrder = [
      'name: t',
      'assumptions:',
      '  dau: 100M user',
      'derived:',
      '  year: a / (10 year)',
      '  a: dau * 2',
    ];
    const compile = (lines: string[]) => {
      const r = compileScenario(`${lines.join('\n')}\n`);
      if (!r.ok) throw new Error(r.diagnostics[0]!.message);
      return r.value;
    };
    const [early, waited] = [compile(inOrder), compile(outOfOrder)];
    for (const name of ['a', 'year']) {
      expect(early.byName.get(name)!.expr).toEqual(waited.byName.get(name)!.expr);
      expect(early.byName.get(name)!.evaluated).toBe(waited.byName.get(name)!.evaluated);
      // The code is made again on demand too: the same as the check of a file out of order wrote.
      expect(early.byName.get(name)!.code).toBe(waited.byName.get(name)!.code);
    }
    expect(early.byName.get('year')!.code).toMatch(/^\(r\[\d\]\/\d+\)$/);
    // Read twice, the same object: parsed once.
    expect(early.byName.get('a')!.expr).toBe(early.byName.get('a')!.expr);
  });
});
