import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCsv } from '../helpers/csv.js';
import { runInProcess } from '../helpers/in-process.js';
import { hasTmux, type TmuxSession, tmuxServer } from '../helpers/tmux.js';

// `bote drill`: without a terminal (--json, --format, --answer) in process;
// in a real terminal through tmux. Expected answers are not written here:
// each is checked against `bote estimate --json` of the same scenario, the
// figure the drill says it asks about.

interface Question {
  number: number;
  figure: string;
  section: string;
  question: string;
  unit: string;
  given: Array<{ name: string; value: number; unit: string; varied?: { factor: number; was: string } }>;
  answer: { value: number; unit: string };
  mental: { value: number; unit: string; error: number; whiteboard: Array<{ figure: string; lines: string[] }> };
}

async function drillJson(
  ...args: string[]
): Promise<{ scenario: { name: string }; seed: number; questions: Question[] }> {
  const r = await runInProcess(['drill', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

async function estimateResults(
  name: string,
  ...set: string[]
): Promise<Record<string, { value: number; unit: string }>> {
  const r = await runInProcess(['estimate', name, '--json', ...set.flatMap((s) => ['--set', s])]);
  return JSON.parse(r.stdout).results;
}

describe('bote drill --json', () => {
  it('prints five questions (--count 5) with the exact answers estimate gives, one a section', async () => {
    const doc = await drillJson('--seed', '7', '--count', '5');
    expect(doc.seed).toBe(7);
    expect(doc.questions.map((q) => q.section)).toEqual(['traffic', 'storage', 'bandwidth', 'cache', 'servers']);
    const results = await estimateResults(doc.scenario.name);
    for (const q of doc.questions) {
      expect(q.answer.value).toBeCloseTo(results[q.figure]!.value, 6);
      expect(q.unit).toBe(results[q.figure]!.unit);
      expect(q.question).toMatch(/\?$/);
      // The whiteboard ends with the figure asked, within 3x, its error (mental − exact) / exact.
      expect(q.mental.whiteboard.at(-1)!.figure).toBe(q.figure);
      expect(q.mental.error).toBeCloseTo(q.mental.value / q.answer.value - 1, 9);
      expect(Math.abs(Math.log(q.mental.value / q.answer.value))).toBeLessThanOrEqual(Math.log(3));
    }
  });

  it('is the same for the same seed; --count decides how many', async () => {
    const a = await drillJson('twitter', '--seed', '3', '--count', '8');
    expect(a.questions).toHaveLength(8);
    expect(await drillJson('twitter', '--seed', '3', '--count', '8')).toEqual(a);
    expect((await drillJson('twitter', '--seed', '3')).questions).toHaveLength(5);
  });

  it('--vary changes stated assumptions by ×0.5, ×2 or ×3, and the answers follow', async () => {
    const doc = await drillJson('twitter', '--seed', '5', '--count', '5', '--vary');
    for (const q of doc.questions) {
      const varied = q.given.filter((g) => g.varied);
      expect(varied.length).toBeGreaterThan(0);
      // The same figure, computed by estimate with the varied values set.
      const results = await estimateResults('twitter', ...varied.map((g) => `${g.name}=${g.value} ${g.unit}`));
      expect(q.answer.value).toBeCloseTo(results[q.figure]!.value, 6);
    }
  });

  it('prints the same as YAML, and as CSV and Markdown tables', async () => {
    const args = ['drill', 'twitter', '--seed', '7', '--count', '3'];
    const json = (await runInProcess([...args, '--json'])).stdout;
    expect(parseYaml((await runInProcess([...args, '--format', 'yaml'])).stdout)).toEqual(JSON.parse(json));
    const rows = parseCsv((await runInProcess([...args, '--format', 'csv'])).stdout);
    expect(rows[0]).toEqual(['number', 'section', 'figure', 'question', 'answer', 'unit', 'mental', 'mental_error']);
    expect(rows).toHaveLength(4);
    expect((await runInProcess([...args, '--format', 'markdown'])).stdout).toMatch(/^\| number \| section \|/);
  });
});

describe('bote drill --answer', () => {
  let first: Question;
  beforeAll(async () => {
    first = (await drillJson('twitter', '--seed', '7', '--count', '1')).questions[0]!;
  });

  it('exits 0 for an answer within 2x, and shows the whiteboard and the exact figure', async () => {
    const r = await runInProcess(['drill', 'twitter', '--seed', '7', '--answer', `${first.answer.value * 1.5}`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(first.question);
    expect(r.stdout).toMatch(/✓ good estimate: within 2x \(.*, 50% high\)/);
    expect(r.stdout).toContain('On the whiteboard:');
    expect(r.stdout).toMatch(/Exact: .* \(whiteboard .*\)/);
  });

  it('exits 1 for an answer off by two orders of magnitude', async () => {
    const r = await runInProcess(['drill', 'twitter', '--seed', '7', '--answer', `${first.answer.value / 100}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ off by 2 orders of magnitude \(.*, 100x too low\)/);
  });

  it('takes a unit missing only its count noun, and grades in JSON', async () => {
    const r = await runInProcess(['drill', 'twitter', '--seed', '7', '--answer', `${first.answer.value}/s`, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.grade).toMatchObject({ verdict: 'good', orders: 0 });
    expect(doc.grade.ratio).toBeCloseTo(1, 9);
    expect(doc.question.figure).toBe(first.figure);
  });

  it('exits 1 for an answer in another dimension, 2 for text that is no answer', async () => {
    const wrong = await runInProcess(['drill', 'twitter', '--seed', '7', '--answer', '3 MB']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`--answer: 3 MB is in MB, but the question asks for ${first.unit}`);
    const unreadable = await runInProcess(['drill', 'twitter', '--seed', '7', '--answer', 'lots']);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('cannot read "lots"');
  });
});

describe('bote drill without a terminal', () => {
  it('refuses a scenario with nothing to ask about, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bote-drill-'));
    try {
      const file = join(dir, 'inputs-only.yaml');
      writeFileSync(file, 'title: Inputs only\nassumptions:\n  users: 3 user\n');
      const r = await runInProcess(['drill', file, '--json']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('inputs-only has no derived figure above zero to ask about');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to use it, exit 2', async () => {
    const r = await runInProcess(['drill', 'twitter'], { stdinIsTTY: false, stderrIsTTY: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bote drill asks its questions in a terminal');
    expect(r.stderr).toContain('bote drill --json prints the questions and answers');
  });
});

describe.skipIf(!hasTmux)('bote drill in a terminal (tmux; skipped only when tmux is not installed)', () => {
  const server = tmuxServer('drill');
  let session: TmuxSession;
  let dir = '';
  let questions: Question[] = [];

  beforeAll(async () => {
    questions = (await drillJson('twitter', '--seed', '7', '--count', '3')).questions;
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bote-drill-'));
    session = server.start(['drill', 'twitter', '--seed', '7'], dir);
  });
  afterEach(() => {
    session.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => server.close());

  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const PROMPT = /\? Your estimate \(/;

  it('grades a right answer and one two orders off, refuses a wrong dimension, and stops with q', async () => {
    const [q1, q2, q3] = questions as [Question, Question, Question];
    await session.waitFor(new RegExp(escaped(q1.question)));
    await session.waitFor(PROMPT);
    session.type(String(Math.round(q1.answer.value)));
    session.keys('Enter');
    await session.waitFor(/✓ good estimate: within 2x/);
    await session.waitFor(/On the whiteboard:/);
    await session.waitFor(new RegExp(escaped(q2.question)));
    session.type(String(q2.answer.value * 100));
    session.keys('Enter');
    await session.waitFor(/✗ off by 2 orders of magnitude \(.*, 100x too high\)/);
    await session.waitFor(new RegExp(escaped(q3.question)));
    session.type('3 user');
    session.keys('Enter');
    await session.waitFor(new RegExp(`> 3 user is in user, but the question asks for ${escaped(q3.unit)}`));
    session.keys('C-u');
    session.type('q');
    session.keys('Enter');
    await session.waitFor(/Score: 1 good estimate, 0 right orders of magnitude, 1 off, of 2 questions\./);
    expect(await session.exitCode()).toBe(0);
  });

  it('leaves with 130 on Ctrl-C, with the score so far', async () => {
    await session.waitFor(PROMPT);
    session.keys('C-c');
    await session.waitFor(/Score: 0 good estimates, 0 right orders of magnitude, 0 off, of 0 questions\./);
    expect(await session.exitCode()).toBe(130);
  });
});
