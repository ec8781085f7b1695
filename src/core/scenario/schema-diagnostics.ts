import { fail, ok, type Diagnostic, type Result } from '../diagnostic.js';
import { didYouMean } from '../suggest.js';
import { KNOWN_KEYS, validateScenarioData, type ScenarioData, type ScenarioIssue } from './schema.js';
import type { PathKey, ScenarioSource } from './located.js';

/**
 * A parsed file's data checked against the schema, or the messages placed in
 * the file. A variant (a file with `extends:`) need not restate any assumption.
 */
export function checkShape(source: Omit<ScenarioSource, 'checked'>): Result<ScenarioData> {
  const data = source.data as Record<string, unknown>;
  const variant = Object.hasOwn(data, 'extends') && !Object.hasOwn(data, 'assumptions');
  const valid = validateScenarioData(variant ? { ...data, assumptions: {} } : data);
  return valid.ok ? ok(valid.data) : fail(...schemaDiagnostics(valid.issues, source));
}

/** Turns zod's issues into messages placed at the key or value they are about. */
export function schemaDiagnostics(
  issues: readonly ScenarioIssue[],
  source: Omit<ScenarioSource, 'checked'>,
): Diagnostic[] {
  const all = issues.flatMap((issue) => diagnose(issue, source));
  // "unknown key `asumptions`, did you mean `assumptions`?" already says that `assumptions` is missing.
  const suggested = new Set(all.flatMap((d) => d.suggestion ?? []));
  return all.filter((d) => !(d.missing && suggested.has(d.missing))).map(({ suggestion: _s, missing: _m, ...d }) => d);
}

type Draft = Diagnostic & { suggestion?: string; missing?: string };

function diagnose(issue: ScenarioIssue, source: Omit<ScenarioSource, 'checked'>): Draft[] {
  const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
  const where = path.length ? `${path.join('.')}: ` : '';
  const base = { code: 'schema' as const, ...(source.file !== undefined ? { file: source.file } : {}) };
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const known = KNOWN_KEYS[section(path)] ?? [];
    const guess = didYouMean(key, known);
    return [
      {
        ...base,
        message: `${where}unknown key \`${key}\``,
        span: source.locate([...path, key], 'key'),
        hint: guess ? `did you mean \`${guess}\`?` : `the keys here are ${known.join(', ')}`,
        ...(guess ? { suggestion: [...path, guess].join('.') } : {}),
      },
    ];
  }
  if (issue.code === 'invalid_key') {
    const inner = issue.issues[0]?.message ?? issue.message;
    return [
      {
        ...base,
        message: `${where}${inner}`,
        span: source.locate(path, 'key'),
        hint: 'rename it, e.g. peak_qps or dau',
      },
    ];
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && !present(source.data, path)) {
    return [
      {
        ...base,
        message: `\`${path.join('.')}\` is missing`,
        span: source.locate(path.slice(0, -1)),
        hint: missingHint(path),
        missing: path.join('.'),
      },
    ];
  }
  // A mapping where a quantity or a mapping may stand: what is wrong inside the mapping, not "expected one or the other".
  if (issue.code === 'invalid_union' && isMapping(valueAt(source.data, path))) {
    const branch = issue.errors.find(
      (errors) =>
        !errors.every((e) => e.path.length === 0 && (e.code === 'invalid_type' || e.code === 'invalid_union')),
    );
    if (branch)
      return branch.flatMap((inner) => diagnose({ ...inner, path: [...path, ...inner.path] } as ScenarioIssue, source));
  }
  if (issue.code === 'invalid_type' && issue.expected in SHAPES) {
    const empty = valueAt(source.data, path) === '' ? 'it is empty; ' : '';
    return [
      {
        ...base,
        message: `${where}${empty}expected ${SHAPES[issue.expected as keyof typeof SHAPES]}`,
        span: source.locate(path),
      },
    ];
  }
  return [{ ...base, message: `${where}${issue.message}`, span: source.locate(path) }];
}

/** What each shape looks like in a scenario, for zod's bare "Invalid input". */
const SHAPES = {
  record: 'a mapping of names, e.g. `dau: 100M user` on the next line, indented',
  array: 'a list, e.g. `[tweet, order]`',
  object: 'a mapping, e.g. `{ day: 100000 s }`',
} as const;

function valueAt(data: unknown, path: PathKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (!isMapping(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<PathKey, unknown>)[key];
  }
  return node;
}

function isMapping(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Whether the document has a value at `path` (zod reports a wrong type and a missing key alike). */
function present(data: unknown, path: PathKey[]): boolean {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = (node as Record<PathKey, unknown>)[key];
  }
  return node !== undefined && node !== null;
}

function section(path: PathKey[]): string {
  if (path.length === 0) return '';
  if (path[0] === 'assumptions') return 'assumption';
  if (path[0] === 'derived') return 'derived';
  if (path[0] === 'expect') return 'expect';
  return String(path[0]);
}

function missingHint(path: PathKey[]): string | undefined {
  if (path.length === 1 && path[0] === 'assumptions')
    return 'a scenario lists its inputs under assumptions:, e.g. `dau: 100M user`';
  return undefined;
}
