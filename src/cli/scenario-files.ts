import { basename, delimiter, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { didYouMean } from '../core/suggest.js';
import { visible } from '../render/visible.js';
import { CliError, type FileReader, type Io } from './io.js';

export type Origin = 'local' | 'BOTE_PATH' | 'built-in';

export interface ScenarioFile {
  /** As shown in messages: the path the user gave, or `scenarios/twitter.yaml`. */
  display: string;
  path: string;
  name: string;
  /** `text`: standard input, or text the library was given whole. */
  origin: Origin | 'path' | 'text';
}

/** The built-in scenarios ship beside the bundle (dist/../scenarios) and the sources (src/cli/../../scenarios). */
export function builtinDir(io: FileReader): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'scenarios'), join(here, '..', '..', 'scenarios')];
  return candidates.find((d) => io.isDir(d)) ?? candidates[0]!;
}

/** Where a name is looked for after ./NAME.yaml (findScenario), in order: ./scenarios/, each folder of BOTE_PATH, the built-ins. */
export function searchPath(io: FileReader): Array<{ dir: string; origin: Origin }> {
  const extra = (io.env.BOTE_PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((d) => resolve(io.cwd, d));
  const builtin = builtinDir(io);
  // Inside bote's own checkout, ./scenarios/ is the built-in folder: call it that.
  return [
    { dir: resolve(io.cwd, 'scenarios'), origin: 'local' as const },
    ...extra.map((dir) => ({ dir, origin: 'BOTE_PATH' as const })),
    { dir: builtin, origin: 'built-in' as const },
  ]
    .filter((p) => io.isDir(p.dir) && (p.origin === 'built-in' || p.dir !== builtin))
    .filter((p, i, all) => all.findIndex((q) => q.dir === p.dir) === i);
}

/** Folders already warned about, per Io: a command may list the scenarios more than once. */
const warned = new WeakMap<FileReader, Set<string>>();

/**
 * The scenario files of a folder. One that cannot be listed (./scenarios/
 * without permission) is skipped with a warning on stderr, where there is
 * one, so that the names of the other folders still load.
 */
function filesIn(io: FileReader, dir: string, origin: Origin): ScenarioFile[] {
  let names: string[];
  try {
    names = io.listDir(dir);
  } catch (e) {
    if (!(e instanceof CliError) || origin === 'built-in') throw e;
    const seen = warned.get(io) ?? new Set<string>();
    warned.set(io, seen);
    if (!seen.has(dir)) (io as Partial<Io>).stderr?.(`bote: warning: ${visible(e.message)}; skipped\n`);
    seen.add(dir);
    return [];
  }
  return names
    .filter((f) => (f.endsWith('.yaml') || f.endsWith('.yml')) && io.isFile(join(dir, f)))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const display = origin === 'built-in' ? `scenarios/${f}` : relative(io.cwd, path) || f;
      return { display, path, name: basename(f, extname(f)), origin };
    });
}

/** Every scenario a name can reach; where two share a name, the first in the search path wins. */
export function listScenarios(io: FileReader): ScenarioFile[] {
  const seen = new Set<string>();
  const out: ScenarioFile[] = [];
  for (const { dir, origin } of searchPath(io)) {
    for (const f of filesIn(io, dir, origin)) {
      if (seen.has(f.name)) continue;
      seen.add(f.name);
      out.push(f);
    }
  }
  return out;
}

/**
 * A bare name is first the file of that name in the current folder,
 * `./NAME.yaml` (or `.yml`): the file `bote init NAME` has just written, or
 * the one being edited, is the one meant. Not listed by `bote list`, which
 * would otherwise show every YAML file of the folder.
 */
function fileHere(io: FileReader, name: string): ScenarioFile | undefined {
  for (const ext of ['.yaml', '.yml']) {
    const path = resolve(io.cwd, `${name}${ext}`);
    if (io.isFile(path)) return { display: `${name}${ext}`, path, name, origin: 'path' };
  }
  return undefined;
}

/** A path (has a slash or a YAML extension) is a path; anything else is a scenario name. */
export function isPathRef(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || ['.yaml', '.yml'].includes(extname(ref));
}

/**
 * `skip`: files that do not count (those of the chain whose `extends:` names
 * this scenario, so that ./twitter.yaml may extend the twitter found after it).
 */
export function findScenario(io: FileReader, ref: string, skip: (path: string) => boolean = () => false): ScenarioFile {
  if (isPathRef(ref)) {
    const path = resolve(io.cwd, ref);
    if (!io.isFile(path))
      throw new CliError(
        `no scenario file at ${ref}`,
        1,
        'check the path, or run `bote list` for the scenarios bote knows',
      );
    return { display: ref, path, name: basename(ref, extname(ref)), origin: 'path' };
  }
  const here = fileHere(io, ref);
  if (here && !skip(here.path)) return here;
  for (const { dir, origin } of searchPath(io)) {
    const found = filesIn(io, dir, origin).find((f) => f.name === ref && !skip(f.path));
    if (found) return found;
  }
  const all = listScenarios(io);
  const names = all.map((b) => b.name);
  const guess = didYouMean(ref, names) ?? names.find((n) => n.startsWith(ref));
  throw new CliError(
    `no scenario named \`${ref}\``,
    1,
    guess
      ? `did you mean \`${guess}\`?`
      : 'run `bote list` for the scenarios bote knows (./NAME.yaml, ./scenarios/, BOTE_PATH, built-in)',
  );
}
