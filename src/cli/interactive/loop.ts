import type { ChalkInstance } from 'chalk';
import { explain } from '../../core/analysis/explain.js';
import { readOverrides } from '../../core/scenario/run.js';
import { applyEdits, resetEdit, tryEdit, type Edits, type WhatIf } from '../../core/analysis/whatif.js';
import { unitOf, type Model } from '../../core/scenario/model.js';
import { renderStep } from '../../render/explain.js';
import { displayOf } from '../../render/figure.js';
import { styleFor, type ColorFlags } from '../style.js';
import { CliError, stdStream, type Io } from '../io.js';
import type { SetFlags } from '../options.js';
import { Back, inquirerPrompter, Interrupted, type Prompter } from './prompter.js';
import { currentText, figureChoices, renderWhatIf } from './view.js';
import { loadScenario } from '../load.js';
import { orFail } from '../fail.js';
import { visible } from '../../render/visible.js';

type Action = 'change' | 'reset' | 'reset-all' | 'explain' | 'save' | 'quit';

/** Exit code after Ctrl-C: the shell's convention for an interrupted command (128 + SIGINT). */
const INTERRUPTED_EXIT_CODE = 130;

/**
 * `bote estimate <scenario> -i`: the what-if loop. Everything it shows goes
 * to stderr (prompts and tables alike), so stdout stays clean; it writes a
 * file only through "save", and never the scenario it was started on.
 * Quit exits 0; Ctrl-C exits 130 and writes nothing.
 */
export async function interactive(
  io: Io,
  ref: string,
  flags: SetFlags & ColorFlags,
  prompter?: Prompter,
): Promise<void> {
  if (!prompter && (!io.stdinIsTTY || !io.stderrIsTTY))
    throw new CliError('interactive mode needs a terminal; use --set NAME=VALUE', 2);
  const { file, model } = loadScenario(io, ref);
  // --set gives the starting edits; the original stays the file's.
  const settings = flags.set ?? [];
  orFail(io, readOverrides(model, settings), model.sources);
  let edits: Edits = new Map(settings.map((s) => [s.name, s.text.trim()]));
  let state = orFail(io, applyEdits(model, edits), model.sources);
  const style = styleFor(io, flags, 'stderr');
  const prompt = prompter ?? (await inquirerPrompter(process.stdin, stdStream(2)));
  const say = (s: string) => io.stderr(s.endsWith('\n') ? s : `${s}\n`);

  say(`${style.bold(visible(model.title))} ${style.dim('- what if? Esc goes back to the menu, Ctrl-C leaves.')}\n`);
  say(renderWhatIf(model, edits, state, style));
  let saved = true;
  try {
    for (;;) {
      const action = await prompt.select<Action>('What now?', [
        { value: 'change', name: 'Change an assumption' },
        { value: 'reset', name: 'Reset one', disabled: edits.size ? false : '(nothing changed)' },
        { value: 'reset-all', name: 'Reset all', disabled: edits.size ? false : '(nothing changed)' },
        { value: 'explain', name: 'Explain a figure' },
        { value: 'save', name: 'Save as a new scenario' },
        { value: 'quit', name: 'Quit' },
      ]);
      if (action === 'quit') break;
      try {
        switch (action) {
          case 'change': {
            const name = await prompt.search('Change which? (type to filter)', (term) =>
              figureChoices(model, edits, state, term),
            );
            const next = await askValue(prompt, model, edits, state, name, style);
            ({ edits, whatIf: state } = next);
            saved = false;
            say(renderWhatIf(model, edits, state, style));
            break;
          }
          case 'reset':
          case 'reset-all': {
            const name =
              action === 'reset'
                ? await prompt.search('Reset which?', (term) => figureChoices(model, edits, state, term, 'changed'))
                : undefined;
            edits = resetEdit(edits, name);
            state = orFail(io, applyEdits(model, edits), model.sources);
            saved = false;
            say(renderWhatIf(model, edits, state, style));
            break;
          }
          case 'explain': {
            const name = await prompt.search('Explain which?', (term) => figureChoices(model, edits, state, term));
            const paint = { name: style.cyan, value: style.bold, dim: style.dim };
            const steps = explain(model, state.values, [name], new Set(state.overrides.keys()));
            say(
              `${steps.map((s) => renderStep(s, paint, model.registry.conventions).replace('(set with --set)', '(changed here)')).join('\n')}\n`,
            );
            break;
          }
          case 'save': {
            const { saveWhatIf } = await import('./save.js');
            const message = await saveWhatIf(io, prompt, model, edits, state, file.path, file.display);
            if (message.startsWith('wrote')) saved = true;
            say(`${message}\n`);
            break;
          }
          default:
            action satisfies never;
        }
      } catch (e) {
        if (!(e instanceof Back)) throw e;
        say(style.dim('(back: nothing changed)'));
      }
    }
  } catch (e) {
    if (e instanceof Interrupted) throw new CliError('interrupted', INTERRUPTED_EXIT_CODE, undefined, true);
    throw e;
  }
  if (!saved && edits.size) say(style.dim('left without saving the last changes'));
}

/** Asks for a figure's new value until the core accepts it; a mistake is shown under the prompt. */
async function askValue(
  prompt: Prompter,
  model: Model,
  edits: Edits,
  state: WhatIf,
  name: string,
  style: ChalkInstance,
) {
  const f = model.byName.get(name)!;
  const unit = unitOf(f).text;
  const now = currentText(model, edits, state, name);
  let accepted: { edits: Edits; whatIf: WhatIf } | undefined;
  const check = (text: string) => tryEdit(model, edits, name, text);
  await prompt.input(`${name}${unit ? ` (${unit}; a plain number means ${unit})` : ''}, now ${now}:`, {
    hint: (text) => {
      const r = check(text);
      if (r.ok) return style.dim(`  → ${displayOf(f, r.value.whatIf.values[f.index]!, model.registry.conventions)}`);
      return style.red(`  ✗ ${r.diagnostics[0]!.message}`);
    },
    validate: (text) => {
      const r = check(text);
      if (r.ok) {
        accepted = r.value;
        return true;
      }
      const d = r.diagnostics[0]!;
      return `${d.message}${d.hint ? `: ${d.hint}` : ''}`;
    },
  });
  return accepted!;
}
