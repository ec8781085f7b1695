import { addToScore, gradeAnswer, NO_SCORE, readAnswer, type Score } from '../../core/analysis/drill-answer.js';
import { Drill, type DrillQuestion, pickScenario } from '../../core/analysis/drill.js';
import { MENTAL_RULE } from '../../core/analysis/mental-round.js';
import type { Model } from '../../core/scenario/model.js';
import { evaluateModel } from '../../core/scenario/run.js';
import {
  type DrillPainter,
  exactText,
  gradeText,
  questionJson,
  renderQuestion,
  renderWhiteboard,
  scoreText,
} from '../../render/drill.js';
import { envelope } from '../../render/json.js';
import { formatDisplay } from '../../render/number.js';
import type { Prompter } from '../interactive/prompter.js';
import { CliError, stdStream, type Io } from '../io.js';
import { orFail } from '../fail.js';
import { loadModel, seedOf } from '../load.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import { listScenarios } from '../scenario-files.js';
import { styleFor, type ColorFlags } from '../style.js';
import { visible } from '../../render/visible.js';

export interface DrillFlags extends FormatFlags, ColorFlags {
  seed?: number;
  count?: number;
  vary?: boolean;
  /** Grade this answer to the first question, and exit 0 (within 2x) or 1. */
  answer?: string;
}

/** Questions --json prints when --count does not say. */
const PRINTED = 5;
/** The shell's code for an interrupted command (128 + SIGINT), as `estimate -i` exits. */
const INTERRUPTED_EXIT_CODE = 130;

/**
 * `bote drill [scenario]`: practise the mental math of estimates. In a
 * terminal, a question at a time until q or Ctrl-C; with --json (or
 * --format) the questions and their answers as data; with --answer, one
 * answer graded. Like `estimate -i`, the session shows itself on stderr.
 */
export async function drillCommand(
  io: Io,
  ref: string | undefined,
  flags: DrillFlags,
  prompter?: Prompter,
): Promise<void> {
  const format = formatOf(flags);
  const interactive = flags.answer === undefined && format === 'table';
  if (interactive && !prompter && (!io.stdinIsTTY || !io.stderrIsTTY))
    throw new CliError(
      'bote drill asks its questions in a terminal',
      2,
      'without one: bote drill --json prints the questions and answers, bote drill --answer 3k grades one answer',
    );
  const seed = seedOf(flags);
  const model = ref === undefined ? pickBuiltin(io, seed) : loadModel(io, ref);
  orFail(io, evaluateModel(model), model.sources);
  const drill = new Drill(model, seed, flags.vary === true);
  if (!drill.hasQuestions())
    throw new CliError(
      `${model.name} has no derived figure above zero to ask about`,
      1,
      'drill a scenario with results, e.g. bote drill twitter',
    );
  const ask = () => orFail(io, drill.next(), model.sources);
  if (flags.answer !== undefined) return gradeOne(io, model, ask(), flags.answer, flags, seed);
  if (!interactive) {
    const questions = Array.from({ length: flags.count ?? PRINTED }, ask);
    return emit(io, format, {
      json: () =>
        envelope({ seed, vary: flags.vary === true, rule: MENTAL_RULE, questions: questions.map(questionJson) }, model),
      rows: () => ({
        columns: ['number', 'section', 'figure', 'question', 'answer', 'unit', 'mental', 'mental_error'],
        rows: questions.map((q) => {
          const m = q.mental.find((f) => f.name === q.figure)!;
          return [q.number, q.section, q.figure, q.text, q.exact, q.unit, m.value, m.error];
        }),
      }),
      table: () => undefined,
    });
  }
  return session(io, model, seed, flags, ask, prompter);
}

/** A built-in by the seed, one with the whole picture (cli/load.ts reads them; core picks). */
function pickBuiltin(io: Io, seed: number): Model {
  const pool = listScenarios(io)
    .filter((f) => f.origin === 'built-in')
    .map((f) => ({ model: loadModel(io, f.name) }));
  const picked = pickScenario(pool, seed);
  if (!picked) throw new CliError('no built-in scenario to drill on', 1);
  return picked.model;
}

function painter(io: Io, flags: ColorFlags, stream: 'stdout' | 'stderr'): DrillPainter {
  const style = styleFor(io, flags, stream);
  return { bold: style.bold, dim: style.dim, good: style.green, bad: style.red, name: style.cyan };
}

/** The figure a reading gives, as the user sees it: 3 K tweet/s. */
function readAs(model: Model, q: DrillQuestion, value: number): string {
  return formatDisplay(value, q.unit, model.registry.conventions);
}

/** `--answer TEXT`: the first question, the answer graded, the whiteboard; exit 0 within 2x, else 1. */
async function gradeOne(io: Io, model: Model, q: DrillQuestion, text: string, flags: DrillFlags, seed: number) {
  const reading = readAnswer(text, model.byName.get(q.figure)!, model.registry);
  // An answer in another dimension is a wrong answer (1); text that is no answer, bad usage (2).
  if (reading.kind !== 'answer')
    throw new CliError(
      reading.kind === 'quit' ? '--answer q: there is nothing to quit' : `--answer: ${reading.message}`,
      reading.kind === 'again' && reading.why === 'wrong' ? 1 : 2,
      `the question: ${q.text}`,
    );
  const grade = gradeAnswer(reading.value, q.exact);
  const paint = painter(io, flags, 'stdout');
  await emit(io, formatOf(flags), {
    json: () =>
      envelope({ seed, question: questionJson(q), given: { text, value: reading.value, unit: q.unit }, grade }, model),
    rows: () => ({
      columns: ['figure', 'question', 'given', 'answer', 'unit', 'verdict', 'factor'],
      rows: [[q.figure, q.text, reading.value, q.exact, q.unit, grade.verdict, grade.factor]],
    }),
    table: () =>
      [
        paint.bold(visible(model.title)),
        renderQuestion(q, paint, model.registry.conventions),
        gradeText(grade, readAs(model, q, reading.value), paint),
        renderWhiteboard(q, paint),
        exactText(q, model.registry.conventions, paint),
        '',
      ].join('\n'),
  });
  if (grade.verdict !== 'good') throw new CliError('not within 2x', 1, undefined, true);
}

/** The loop in a terminal: ask, read, grade, show the whiteboard; q or Ctrl-C ends it with the score. */
async function session(
  io: Io,
  model: Model,
  seed: number,
  flags: DrillFlags,
  ask: () => DrillQuestion,
  prompter: Prompter | undefined,
): Promise<void> {
  const { Back, inquirerPrompter, Interrupted } = await import('../interactive/prompter.js');
  const prompt = prompter ?? (await inquirerPrompter(process.stdin, stdStream(2)));
  const paint = painter(io, flags, 'stderr');
  const say = (s: string) => io.stderr(`${s}\n`);
  say(
    `${paint.bold(visible(model.title))} ${paint.dim(`- drill, seed ${seed} (--seed ${seed} asks the same). q stops.`)}`,
  );
  say(paint.dim(MENTAL_RULE));
  let score: Score = NO_SCORE;
  try {
    for (let n = 0; flags.count === undefined || n < flags.count; n++) {
      const q = ask();
      const figure = model.byName.get(q.figure)!;
      say(`\n${renderQuestion(q, paint, model.registry.conventions)}`);
      let answer: string | undefined;
      while (answer === undefined) {
        try {
          answer = await prompt.input(`Your estimate${q.unit ? ` (${q.unit})` : ''}:`, {
            validate: (text) => {
              const r = readAnswer(text, figure, model.registry);
              return r.kind === 'again' ? r.message : true;
            },
            hint: (text) => {
              const r = readAnswer(text, figure, model.registry);
              return r.kind === 'answer' ? paint.dim(`  → ${readAs(model, q, r.value)}`) : '';
            },
          });
        } catch (e) {
          if (!(e instanceof Back)) throw e;
        }
      }
      const reading = readAnswer(answer, figure, model.registry);
      if (reading.kind !== 'answer') break;
      const grade = gradeAnswer(reading.value, q.exact);
      score = addToScore(score, grade);
      say(gradeText(grade, readAs(model, q, reading.value), paint));
      say(renderWhiteboard(q, paint));
      say(exactText(q, model.registry.conventions, paint));
    }
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    say(`\n${scoreText(score)}`);
    throw new CliError('interrupted', INTERRUPTED_EXIT_CODE, undefined, true);
  }
  say(`\n${scoreText(score)}`);
}
