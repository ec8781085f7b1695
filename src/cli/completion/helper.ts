import { FIGURE_NAME } from '../../core/scenario/names.js';
import { parserFor } from '../builtins.js';
import type { Io } from '../io.js';
import { readFrom } from '../load.js';
import { findScenario, listScenarios } from '../scenario-files.js';

/**
 * `bote __complete <what> [scenario]`, the hidden helper the completion
 * scripts call while the user types. It prints one word a line and nothing
 * else: never an error, never a non-zero exit, since whatever it writes ends
 * up in the user's prompt. It reads as little as it can: the scenario list is
 * a directory listing, and a scenario's names come from its YAML keys, so a
 * scenario with a wrong formula still completes.
 *
 * - `scenarios`: every name `bote estimate <name>` reaches (./scenarios/, BOTE_PATH, built-ins);
 * - `assumptions <scenario>`: the names `--set` accepts: assumptions, then derived figures;
 * - `figures <scenario>`: the derived figures (`bote explain`, `bote sensitivity`).
 */
export function completeHelper(io: Io, what: string, args: string[]): void {
  let words: string[] = [];
  try {
    if (what === 'scenarios') words = listScenarios(io).map((f) => f.name);
    else if (what === 'assumptions') words = namesOf(io, args[0], ['assumptions', 'derived']);
    else if (what === 'figures') words = namesOf(io, args[0], ['derived']);
  } catch {
    words = [];
  }
  if (words.length) io.stdout(`${words.join('\n')}\n`);
}

function namesOf(io: Io, ref: string | undefined, sections: Array<'assumptions' | 'derived'>): string[] {
  if (!ref) return [];
  // The shell hands the word over as typed: `~/x.yaml` is not expanded yet.
  const home = io.env.HOME;
  const path = home && (ref === '~' || ref.startsWith('~/')) ? home + ref.slice(1) : ref;
  const file = findScenario(io, path);
  // A variant's names include those it inherits: the files it extends (root first), as far as they parse.
  // A built-in is read from the data the build shipped, without the YAML parser (builtins.ts).
  const parse = parserFor(io);
  const datas = readFrom(io, file, io.readFile(file.path))
    .texts.map(parse)
    .flatMap((parsed) => (parsed.ok ? [parsed.value.data as Record<string, unknown>] : []))
    .reverse();
  const names: string[] = [];
  for (const section of sections) {
    for (const data of datas) {
      const entries = data[section];
      if (entries && typeof entries === 'object' && !Array.isArray(entries)) names.push(...Object.keys(entries));
    }
  }
  return [...new Set(names)].filter((n) => FIGURE_NAME.test(n));
}
