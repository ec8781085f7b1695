import { fail, ok, type Diagnostic, type Result } from '../diagnostic.js';
import type { ScenarioData } from './schema.js';
import type { PathKey, ScenarioSource } from './located.js';

// `extends:`: a scenario that varies another. The caller reads files (the
// edge); this module follows the chain through a function it is given,
// refuses cycles and chains too deep, and merges the parsed files into one
// scenario whose every entry still knows the file it was written in.

/** How many `extends:` steps a chain may take: a variant of a variant of ..., 8 deep (docs/scenarios.md). */
export const MAX_EXTENDS_DEPTH = 8;

/** A scenario file as read. */
export interface ScenarioText {
  /** As shown in messages: `./mine.yaml`, `scenarios/twitter.yaml`, `<stdin>`. */
  file: string;
  text: string;
  /** What tells two files apart, for cycles: the same file reached twice has the same id (its resolved path). */
  id: string;
}

/** Reads the scenario that `ref` (an `extends:` value) names, for the scenario `from`: its text, or why not. */
export type ReadParent = (
  ref: string,
  from: ScenarioText,
) => { ok: true; value: ScenarioText } | { ok: false; message: string; hint?: string };

/**
 * Parses a file read (source.ts's parseScenarioSource, or a built-in shipped
 * parsed, precompiled.ts): given by the caller, so that this module loads no
 * YAML parser.
 */
export type ParseText = (t: ScenarioText) => Result<ScenarioSource>;

export interface Chain {
  /** Every file read, child first, even when the chain is refused: messages quote their lines. */
  texts: ScenarioText[];
  /** The chain parsed, child first, or why it cannot be followed. */
  sources: Result<ScenarioSource[]>;
}

/**
 * Follows `extends:` from `child` to a scenario that extends nothing. Refuses
 * a parent that cannot be read (at the `extends:` line), a file that does not
 * parse (in that file), a cycle (naming it, at the `extends:` line that
 * closes it) and a chain of more than MAX_EXTENDS_DEPTH steps.
 */
export function readChain(child: ScenarioText, readParent: ReadParent, parse: ParseText): Chain {
  const texts: ScenarioText[] = [];
  const sources: ScenarioSource[] = [];
  let current = child;
  for (;;) {
    texts.push(current);
    const parsed = parse(current);
    if (!parsed.ok) return { texts, sources: parsed };
    const source = parsed.value;
    sources.push(source);
    const link = extendsOf(source);
    if (!link.ok) return { texts, sources: link };
    if (link.value === undefined) return { texts, sources: ok(sources) };
    const at = { span: source.locate(['extends']), file: current.file };
    const read = readParent(link.value, current);
    if (!read.ok) {
      const refused: Diagnostic = { code: 'bad-extends', message: `extends: ${read.message}`, ...at };
      return { texts, sources: fail(read.hint ? { ...refused, hint: read.hint } : refused) };
    }
    const seen = texts.findIndex((t) => t.id === read.value.id);
    if (seen >= 0) {
      const circle = [...texts.slice(seen), texts[seen]!].map((t) => t.file).join(' → ');
      return {
        texts,
        sources: fail({
          code: 'cycle',
          message: `these scenarios extend each other in a circle: ${circle}`,
          ...at,
          hint: 'a scenario cannot extend itself, directly or through others',
        }),
      };
    }
    if (sources.length >= MAX_EXTENDS_DEPTH + 1) {
      const chain = [...texts, read.value].map((t) => t.file).join(' → ');
      return {
        texts,
        sources: fail({
          code: 'bad-extends',
          message: `\`extends:\` goes more than ${MAX_EXTENDS_DEPTH} levels deep: ${chain}`,
          ...at,
          hint: `a chain of extends may take at most ${MAX_EXTENDS_DEPTH} steps; extend a scenario nearer the root`,
        }),
      };
    }
    current = read.value;
  }
}

/** The `extends:` of a parsed file: a name or path, none, or a diagnostic when it is not one word of text. */
export function extendsOf(source: ScenarioSource): Result<string | undefined> {
  const data = source.data as Record<string, unknown>;
  if (!Object.hasOwn(data, 'extends')) return ok(undefined);
  const value = data.extends;
  if (typeof value === 'string' && value.trim() !== '') return ok(value.trim());
  return fail({
    code: 'schema',
    message: 'extends: expected a scenario name or a path, e.g. `extends: twitter` or `extends: ./base.yaml`',
    span: source.locate(['extends']),
    ...(source.file !== undefined ? { file: source.file } : {}),
  });
}

/** Where a merged entry was written: the index of its file in the chain (0: the scenario itself), and its path there. */
export interface Written {
  index: number;
  path: PathKey[];
}

export interface Merged {
  data: ScenarioData;
  /** The file (and path in it) of the entry at `path` of the merged data; the scenario itself for the top level. */
  writtenAt(path: readonly PathKey[]): Written;
  /**
   * Whether the figure `name` as merged differs from the figure the file at
   * `level` sees (its own entry or its parents'): a nearer file wrote it again
   * otherwise, or added it.
   */
  differsFrom(level: number, name: string): boolean;
  /** Whether the calendar conventions as merged differ from those the file at `level` sees. */
  calendarDiffersFrom(level: number): boolean;
}

const BY_NAME = ['assumptions', 'derived', 'expect', 'conventions', 'omitted'] as const;
const FIGURE_SECTIONS = [
  ['assumptions', 'derived'],
  ['derived', 'assumptions'],
] as const;

/**
 * Merges a chain of checked files, child first (docs/scenarios.md, "Variants"):
 * assumptions, derived figures and published figures by name (the child's
 * entry replaces the parent's whole entry; new names are added after the
 * parent's), conventions and omitted key by key, nouns as a union, title,
 * source and description from the nearest file that gives them. The name is
 * the child's own.
 */
export function mergeChain(chain: readonly ScenarioData[]): Merged {
  // One file, the common case: nothing to merge (a scenario of 10,000 figures compiles as it did).
  if (chain.length === 1)
    return {
      data: chain[0]!,
      writtenAt: (path) => ({ index: 0, path: [...path] }),
      differsFrom: () => false,
      calendarDiffersFrom: () => false,
    };
  const origin = new Map<string, Map<string, number>>(BY_NAME.map((s) => [s, new Map()]));
  const sections = new Map<string, Map<string, unknown>>(BY_NAME.map((s) => [s, new Map()]));
  const nouns: Array<{ noun: string; index: number; at: number }> = [];
  const nearest: Partial<Record<'title' | 'source' | 'description', string>> = {};
  for (let index = chain.length - 1; index >= 0; index--) {
    const data = chain[index]!;
    // A name is defined once across assumptions and derived: the child's definition replaces the parent's in either.
    for (const [section, other] of FIGURE_SECTIONS) {
      for (const name of Object.keys(data[section] ?? {})) {
        const there = origin.get(other)!.get(name);
        if (there !== undefined && there > index) {
          sections.get(other)!.delete(name);
          origin.get(other)!.delete(name);
        }
      }
    }
    for (const section of BY_NAME) {
      const entries = (data[section] ?? {}) as Record<string, unknown>;
      for (const [name, entry] of Object.entries(entries)) {
        if (entry === undefined) continue;
        sections.get(section)!.set(name, entry);
        origin.get(section)!.set(name, index);
      }
    }
    for (const [at, noun] of (data.nouns ?? []).entries())
      if (!nouns.some((n) => n.noun === noun)) nouns.push({ noun, index, at });
    for (const key of ['title', 'source', 'description'] as const)
      if (data[key] !== undefined) nearest[key] = data[key];
  }
  const own = chain[0]!;
  const record = (section: (typeof BY_NAME)[number]) => Object.fromEntries(sections.get(section)!);
  const data = {
    ...(own.version !== undefined ? { version: own.version } : {}),
    ...(own.name !== undefined ? { name: own.name } : {}),
    ...nearest,
    ...(nouns.length ? { nouns: nouns.map((n) => n.noun) } : {}),
    ...(chain.some((d) => d.conventions) ? { conventions: record('conventions') } : {}),
    assumptions: record('assumptions'),
    ...(chain.some((d) => d.derived) ? { derived: record('derived') } : {}),
    ...(chain.some((d) => d.expect) ? { expect: record('expect') } : {}),
    ...(chain.some((d) => d.omitted) ? { omitted: record('omitted') } : {}),
  } as ScenarioData;
  const definitionAt = (level: number, name: string) => {
    for (let i = level; i < chain.length; i++) {
      for (const section of ['assumptions', 'derived'] as const) {
        const entry = chain[i]![section]?.[name];
        if (entry !== undefined) return JSON.stringify(meaning(section, entry));
      }
    }
    return undefined;
  };
  const calendarAt = (level: number) => {
    const out: Record<string, string> = {};
    for (let i = chain.length - 1; i >= level; i--) Object.assign(out, chain[i]!.conventions ?? {});
    return out;
  };
  return {
    data,
    differsFrom: (level, name) => level > 0 && definitionAt(level, name) !== definitionAt(0, name),
    calendarDiffersFrom(level) {
      if (level === 0) return false;
      const [mine, theirs] = [calendarAt(0), calendarAt(level)];
      const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
      return [...keys].some((k) => mine[k]?.trim() !== theirs[k]?.trim());
    },
    writtenAt(path) {
      const [section, key] = path;
      if (section === 'nouns' && typeof key === 'number' && nouns[key])
        return { index: nouns[key]!.index, path: ['nouns', nouns[key]!.at, ...path.slice(2)] };
      const index = typeof section === 'string' && typeof key === 'string' ? origin.get(section)?.get(key) : undefined;
      return { index: index ?? 0, path: [...path] };
    },
  };
}

/** What of a figure's entry gives its value: not its note, origin, ref, section or headline. */
function meaning(section: 'assumptions' | 'derived', entry: unknown): unknown[] {
  const e = (typeof entry === 'string' ? { [section === 'derived' ? 'expr' : 'value']: entry } : entry) as Record<
    string,
    string | undefined
  >;
  const keys = section === 'derived' ? ['expr', 'unit'] : ['value', 'low', 'high', 'dist'];
  return [section, ...keys.map((k) => e[k]?.trim() ?? null)];
}
