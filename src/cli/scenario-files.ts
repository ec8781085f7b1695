import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, type Io } from './io.js';

export interface ScenarioFile {
  /** As shown in messages: the path the user gave, or `scenarios/twitter.yaml`. */
  display: string;
  path: string;
  name: string;
  builtin: boolean;
}

/** The built-in scenarios ship beside the bundle (dist/../scenarios) and the sources (src/cli/../../scenarios). */
export function builtinDir(io: Io): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'scenarios'), join(here, '..', '..', 'scenarios')];
  return candidates.find((d) => io.isDir(d)) ?? candidates[0]!;
}

export function listBuiltins(io: Io): ScenarioFile[] {
  const dir = builtinDir(io);
  return io
    .listDir(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ display: `scenarios/${f}`, path: join(dir, f), name: basename(f, '.yaml'), builtin: true }));
}

/** A path (has a slash or a YAML extension) is a path; anything else is a built-in name. */
export function findScenario(io: Io, ref: string): ScenarioFile {
  const isPath = ref.includes('/') || ref.includes('\\') || ['.yaml', '.yml'].includes(extname(ref));
  if (isPath) {
    const path = resolve(io.cwd, ref);
    if (!io.isFile(path)) throw new CliError(`no scenario file at ${ref}`, 1, 'check the path, or run `bote list` for the built-in scenarios');
    return { display: ref, path, name: basename(ref, extname(ref)), builtin: false };
  }
  const builtins = listBuiltins(io);
  const found = builtins.find((b) => b.name === ref);
  if (found) return found;
  const names = builtins.map((b) => b.name);
  const close = names.filter((n) => n.includes(ref) || ref.includes(n));
  throw new CliError(`no built-in scenario named \`${ref}\``, 1,
    close.length ? `did you mean ${close.map((c) => `\`${c}\``).join(' or ')}?` : `run \`bote list\`; the scenarios are ${names.join(', ')}`);
}
