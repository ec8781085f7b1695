import type { DrillFlags } from '../actions/drill.js';
import { defineCommand } from '../command.js';
import { outputOptions, seedOption, wholeIn } from '../options.js';

export const drill = defineCommand({
  name: 'drill',
  summary: 'practise the mental math of estimates: answer, see how far off, learn the whiteboard way',
  args: [
    {
      name: 'scenario',
      kind: 'scenario',
      optional: true,
      help: 'a scenario to be asked about (default: a built-in with the whole picture, chosen by the seed)',
    },
  ],
  options: [
    seedOption('the same scenario and questions again'),
    { flags: '--count <n>', help: 'stop after N questions', kind: 'number', parse: wholeIn('--count', 1, 1000) },
    {
      flags: '--vary',
      help: 'change the stated assumptions by ×0.5, ×2 or ×3, so that answers cannot be learnt by heart',
    },
    {
      flags: '--answer <estimate>',
      help: 'grade this answer to the first question, then exit: 0 within 2x, 1 otherwise',
      kind: 'text',
    },
    ...outputOptions('the questions, their answers and the whiteboard way, as data (5 unless --count)'),
  ],
  help: `
In a terminal, one question after another: type an estimate (3k, 3500/s,
3.5e3 tweet/s; a plain number is in the unit asked), see its grade (within
2x: good; within 10x: the right order of magnitude), the whiteboard way and
the exact figure. q stops; Ctrl-C too (exit 130). See docs/mental-math.md.

Examples:
  bote drill                                 a built-in, by a fresh seed
  bote drill twitter --vary                  twitter, its assumptions changed
  bote drill --seed 7 --count 5 --json       five questions with answers, for scripts
  bote drill --seed 7 --answer 3k            grade one answer: exit 0 within 2x`,
  async action({ io }, [scenario]: [string | undefined], flags: DrillFlags) {
    const { drillCommand } = await import('../actions/drill.js');
    return drillCommand(io, scenario, flags);
  },
});
