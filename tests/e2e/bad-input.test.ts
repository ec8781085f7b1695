import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, type InProcessResult } from '../helpers/in-process.js';
import { ROOT, stackTraceLines } from '../helpers/run-bote.js';

// One small file per bad input, in tests/errors/<kind>/<situation>.yaml, run
// through the CLI in process. Each must fail with exit code 1, nothing on
// stdout, and exactly one `file:line:col: error:` header on stderr, at the
// place written in the table below (read off the fixture by hand). Hostile
// YAML (aliases, nesting) must be refused, not worked through: the test's
// timeout bounds the work, and no test asserts a time.

interface Case {
  /** Under tests/errors/. */
  fixture: string;
  /** `line:col` of the problem; several when more than one place is right. */
  at: string | string[] | ((text: string) => string[]);
  message: RegExp;
  hint?: RegExp;
  /** Must not appear in the message (a wrong diagnosis). */
  notMessage?: RegExp;
}

/** Every `line:col` in `text` where `pattern` matches. */
function positionsOf(text: string, pattern: RegExp): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(new RegExp(pattern.source, 'g'))) out.push(`${i + 1}:${m.index! + 1}`);
  });
  return out;
}

const CASES: Case[] = [
  // YAML syntax
  { fixture: 'yaml-syntax/unclosed-flow-mapping.yaml', at: '4:3', message: /Flow map .*end with a \}/ },
  { fixture: 'yaml-syntax/tab-indentation.yaml', at: '3:1', message: /[Tt]abs/ },

  // Shape of the file
  {
    fixture: 'schema/misspelt-assumptions-key.yaml',
    at: '2:1',
    message: /unknown key `asumptions`/,
    hint: /did you mean `assumptions`\?/,
  },
  {
    fixture: 'schema/missing-assumptions.yaml',
    at: '1:1',
    message: /`assumptions` is missing/,
    hint: /assumptions:/,
  },
  // `derived:` is there, but a list: the value (5:3) is wrong, nothing is missing.
  { fixture: 'schema/derived-is-a-list.yaml', at: '5:3', message: /derived/, notMessage: /missing/ },
  {
    fixture: 'schema/empty-file.yaml',
    at: '1:1',
    message: /the file is empty: a scenario is a mapping/,
    hint: /bote init/,
  },
  { fixture: 'schema/only-a-comment.yaml', at: '1:1', message: /the file is empty: a scenario is a mapping/ },
  { fixture: 'schema/a-list.yaml', at: '1:1', message: /the file is a list: a scenario is a mapping/ },
  { fixture: 'schema/a-single-value.yaml', at: '1:1', message: /the file is a single value: a scenario is a mapping/ },

  // Names, units, dimensions
  {
    fixture: 'unknown-name/misspelt-assumption.yaml',
    at: '6:22',
    message: /unknown name `reqests_per_user`/,
    hint: /did you mean `requests_per_user`\?/,
  },
  {
    fixture: 'unknown-unit/mbb-in-assumption.yaml',
    at: '4:18',
    message: /unknown unit `MBB`/,
    hint: /did you mean `MB`\?/,
  },
  {
    fixture: 'unknown-unit/mbb-in-formula.yaml',
    at: '5:30',
    message: /unknown unit `MBB`/,
    hint: /did you mean `MB`\?/,
  },
  // A byte-order mark is no column: the unit is at 1:23 as an editor shows it.
  { fixture: 'unknown-unit/after-a-byte-order-mark.yaml', at: '1:23', message: /unknown unit `MBB`/ },
  // Units as the fixture writes them (1 MB, 10 TB, request/user/day), not base units.
  {
    fixture: 'unit-mismatch/add-users-to-bytes.yaml',
    at: '6:13',
    message: /cannot add user and MB$/,
    hint: /`dau` is user.*`size` is MB/,
  },
  {
    fixture: 'unit-mismatch/add-bytes-to-rate.yaml',
    at: '6:18',
    message: /cannot add TB and request\/s$/,
    hint: /`stored` is TB.*`rps` is request\/s/,
  },
  {
    // 100M user × 10 request/user/day: the users cancel, request/day is left.
    fixture: 'declared-unit/unit-does-not-fit-formula.yaml',
    at: '6:47',
    message: /`unit: GB` does not fit .*`rps`, which gives request\/day$/,
    hint: /request\/day/,
  },

  // Graph and values
  {
    fixture: 'cycle/three-figures.yaml',
    at: '5:3',
    message: /circle: active → returning → engaged → active/,
  },
  {
    fixture: 'not-finite/divide-by-zero.yaml',
    at: '7:23',
    message: /`per_server` is (infinite|not finite)/,
    hint: /servers_available/,
  },
  { fixture: 'not-finite/log-of-zero.yaml', at: '5:15', message: /`key_length` is (infinite|not finite)/ },
  { fixture: 'not-finite/sqrt-of-negative.yaml', at: '5:9', message: /`root` is not a number/ },

  // Formulas are arithmetic, units, names and a few functions: nothing else.
  { fixture: 'formula/import-fs.yaml', at: '5:18', message: /strings are not allowed/ },
  { fixture: 'formula/evaluate-call.yaml', at: '5:20', message: /strings are not allowed/ },
  { fixture: 'formula/unknown-function.yaml', at: '5:11', message: /`eval` is not a function/, hint: /ceil, floor/ },
  { fixture: 'formula/constructor-member.yaml', at: '5:12', message: /property access is not allowed/ },
  { fixture: 'formula/string-literal.yaml', at: '5:12', message: /strings are not allowed/ },
  { fixture: 'formula/assignment.yaml', at: '5:13', message: /assignment is not allowed/ },
  { fixture: 'formula/index.yaml', at: '5:12', message: /`\[` is not allowed/ },
  { fixture: 'formula/object-literal.yaml', at: '5:12', message: /`\{` is not allowed/ },

  // Hostile YAML
  // Refused at an alias (`*aN`), not at the top of the file: which alias crosses
  // the bound is the parser's affair, so any alias is accepted.
  {
    fixture: 'yaml-limit/billion-laughs.yaml',
    at: (text) => positionsOf(text, /\*a\d/),
    message: /alias/,
    hint: /at most \d+ aliases/,
  },
  // The tag itself (5:9) or the value it tags (5:23).
  {
    fixture: 'yaml-tag/js-function.yaml',
    at: ['5:9', '5:23'],
    message: /tags such as `!!js\/function` are not allowed/,
    hint: /remove the tag/,
  },
  {
    fixture: 'reserved-name/proto-assumption.yaml',
    at: '3:3',
    message: /`__proto__` is a reserved name/,
    hint: /another name/,
  },
  {
    fixture: 'reserved-name/constructor-derived.yaml',
    at: '5:3',
    message: /`constructor` is a reserved name/,
    hint: /another name/,
  },
  {
    fixture: 'reserved-name/prototype-assumption.yaml',
    at: '4:3',
    message: /`prototype` is a reserved name/,
    hint: /another name/,
  },

  // Where a value comes from, and the sections of the results
  {
    fixture: 'unknown-ref/misspelt-row.yaml',
    at: '4:65',
    message: /`ref: T01` is not a row of bote ref capacity/,
    hint: /did you mean `T1`\?/,
  },
  {
    fixture: 'unsourced-default/no-ref-no-note.yaml',
    at: '4:33',
    message: /`replicas` is a default but does not say where its value comes from/,
    hint: /`ref:`.*or a `note:`/,
  },
  {
    fixture: 'schema/misspelt-section.yaml',
    at: '5:53',
    message: /a section is traffic, storage, bandwidth, cache, servers, cost or other/,
  },
  {
    fixture: 'omitted-has-figures/storage-has-a-figure.yaml',
    at: '8:3',
    message: /omitted: says storage has no figure, but `daily` is in storage/,
    hint: /remove storage from omitted:/,
  },
];

const HEADER = /^(.+?):(\d+):(\d+): error: (.*)$/;

/** The checks every bad input must pass; returns the one header's `line:col` and message. */
function expectOneError(r: InProcessResult, file: string): { at: string; message: string; rest: string[] } {
  expect(r.code, `exit code; stderr:\n${r.stderr}`).toBe(1);
  expect(r.stdout).toBe('');
  expect(stackTraceLines(r.stderr), `stack trace on stderr:\n${r.stderr}`).toEqual([]);
  expect(r.stderr).not.toContain('internal error');
  const lines = r.stderr.split('\n');
  const headers = lines.filter((l) => HEADER.test(l));
  expect(headers, `one error header on stderr:\n${r.stderr}`).toHaveLength(1);
  const [, name, line, col, message] = HEADER.exec(headers[0]!)!;
  expect(name).toBe(file);
  return { at: `${line}:${col}`, message: message!, rest: lines.filter((l) => !HEADER.test(l)) };
}

describe('tests/errors: one fixture per bad input', () => {
  it.each(CASES.map((c) => [c.fixture, c] as const))('%s', async (_, c) => {
    const file = `tests/errors/${c.fixture}`;
    // As an editor shows it: a byte-order mark is not a character of line 1.
    const text = readFileSync(join(ROOT, file), 'utf8').replace(/^\uFEFF/, '');
    const r = await runInProcess(['estimate', file]);
    const got = expectOneError(r, file);
    const accepted = typeof c.at === 'function' ? c.at(text) : [c.at].flat();
    expect(accepted.length, 'the table gives a position').toBeGreaterThan(0);
    expect(accepted, `position of "${got.message}"`).toContain(got.at);
    expect(got.message).toMatch(c.message);
    if (c.notMessage) expect(got.message).not.toMatch(c.notMessage);
    // The excerpt shows the line the header points at.
    const line = Number(got.at.split(':')[0]);
    const source = text.split('\n')[line - 1]!;
    const excerpt = got.rest.find((l) => new RegExp(`^${line} \\| `).test(l));
    expect(excerpt, `the excerpt of line ${line}`).toBeDefined();
    if (source.length <= 100) expect(excerpt!.replace(/^\d+ \| /, '')).toBe(source.replace(/\t/g, ' '));
    if (c.hint) {
      const hint = got.rest.find((l) => /^\s+hint: /.test(l));
      expect(hint, 'a hint line').toBeDefined();
      expect(hint).toMatch(c.hint);
    }
  });

  it('every fixture in tests/errors is in the table', () => {
    const dir = join(ROOT, 'tests', 'errors');
    const all = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(join(dir, d.name))
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => `${d.name}/${f}`),
      );
    expect(all.sort()).toEqual(CASES.map((c) => c.fixture).sort());
  });

  it('bote validate reports the same place for each fixture', async () => {
    for (const c of CASES) {
      const file = `tests/errors/${c.fixture}`;
      const est = (await runInProcess(['estimate', file])).stderr.split('\n').find((l) => HEADER.test(l));
      const r = await runInProcess(['validate', file]);
      expect(r.code, c.fixture).toBe(1);
      expect(
        r.stderr.split('\n').find((l) => HEADER.test(l)),
        c.fixture,
      ).toBe(est);
    }
  });
});

describe('generated: a deeply nested document', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'bote-bad-input-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // `[` x 5,000: refused at the first bracket past the nesting bound (32 levels), so at the 33rd.
  it.each([
    ['only-brackets.yaml', '['.repeat(5000), '1:33'],
    ['in-an-assumption.yaml', `name: deep\nassumptions:\n  x: ${'['.repeat(5000)}\n`, '3:38'],
    ['mixed-flow.yaml', `name: deep\nassumptions:\n  x: ${'[{a: '.repeat(2500)}\n`, '3:86'],
  ])('%s', async (name, text, at) => {
    writeFileSync(join(tmp, name), text);
    const r = await runInProcess(['estimate', name], { cwd: tmp });
    const got = expectOneError(r, name);
    expect(got.message).toMatch(/nests deeper than \d+ levels/);
    expect(got.at).toBe(at);
    expect(got.rest.find((l) => /^\s+hint: /.test(l))).toBeDefined();
  });
});
