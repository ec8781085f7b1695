import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import type { Model } from '../../core/scenario/model.js';
import { scenarioNameFor } from '../../core/scenario/schema.js';
import { fileText, type Edits, type WhatIf } from '../../core/analysis/whatif.js';
import { renderDiagnostics } from '../../render/diagnostic.js';
import { reasonOf, type Io } from '../io.js';
import { moveExtendsRef } from '../load.js';
import type { Prompter } from './prompter.js';
import { saveScenario } from './splice.js';
import { wasText } from './view.js';

/**
 * "Save as a new scenario": asks for a file name, asks before replacing a
 * file (default no), and writes with an exclusive create. Never writes the
 * scenario being edited. Returns what to tell the user; Escape or Ctrl-C in
 * any question (thrown by the prompter) leaves before anything is written.
 */
export async function saveWhatIf(
  io: Io,
  prompt: Prompter,
  model: Model,
  edits: Edits,
  w: WhatIf,
  originalPath: string,
  display: string,
): Promise<string> {
  const fallback = `${model.name}-whatif.yaml`;
  const typed = await prompt.input('Save as (a new file)', {
    default: fallback,
    validate: (text) => {
      const t = text.trim() || fallback;
      if (resolve(io.cwd, withYaml(t)) === resolve(originalPath))
        return `that is ${display}, the scenario being edited: choose another name`;
      if (io.isDir(resolve(io.cwd, t))) return `${t} is a folder: give a file name`;
      return true;
    },
  });
  const path = resolve(io.cwd, withYaml(typed.trim() || fallback));
  const shownPath = relative(io.cwd, path).startsWith('..') ? path : `./${relative(io.cwd, path)}`;
  let overwrite = false;
  if (io.isFile(path)) {
    overwrite = await prompt.confirm(`${shownPath} exists. Replace it?`, false);
    if (!overwrite) return `nothing written: ${shownPath} exists`;
  }
  const slug = scenarioNameFor(basename(path, extname(path)), 'whatif');
  const header = [
    `what-if of ${display}, made with \`bote estimate -i\`:`,
    ...[...edits].map(([name, text]) => {
      const f = model.byName.get(name)!;
      return `  ${name}: ${fileText(model, name, text)} (was ${wasText(model, f, w)})`;
    }),
  ];
  const saved = saveScenario(model, edits, { name: slug, header });
  if (!saved.ok) return `nothing written:\n${renderDiagnostics(saved.diagnostics, model.sources)}`;
  try {
    io.writeFile(path, moveExtendsRef(moveSchemaRef(saved.value, originalPath, path), originalPath, path), {
      overwrite,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return `nothing written: ${shownPath} appeared meanwhile`;
    return `nothing written: ${code === 'EDANGLING' ? `${shownPath}: ` : ''}${reasonOf(e)}`;
  }
  return `wrote ${shownPath}\nnext: bote estimate ${shownPath}`;
}

function withYaml(name: string): string {
  return extname(name) ? name : `${name}.yaml`;
}

/** A relative `$schema=` in the modeline is relative to the file: point it from the new place. */
export function moveSchemaRef(text: string, from: string, to: string): string {
  return text.replace(/^(# yaml-language-server: \$schema=)(\S+)/, (whole, head: string, ref: string) => {
    if (/^[a-z]+:\/\//i.test(ref) || isAbsolute(ref)) return whole;
    const target = resolve(dirname(from), ref);
    const rel = relative(dirname(to), target).split('\\').join('/');
    return `${head}${rel.startsWith('.') ? rel : `./${rel}`}`;
  });
}
