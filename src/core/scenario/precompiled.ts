import { ok, type Result, type Span } from '../diagnostic.js';
import type { ScenarioData } from './schema.js';
import type { PathKey, ScenarioSource } from './located.js';

// A built-in scenario does not change between releases: the build parses and
// checks it once (source.ts `precompile`) and ships the result as data, so
// that reading it needs neither the YAML parser nor the schema validator. The
// ScenarioSource made from that data answers as the parsed file would:
// tests/golden/precompiled.test.ts holds the two to the same output.

/** Where a node of the file was written, as locate() and offsetIn() of source.ts find it. */
export interface SpanNode {
  /** The node's span: start and end offsets. */
  s: [number, number];
  /**
   * A mapping: by key, the key's span and the value's node (null when there is
   * none). Shipped as an object (JSON). Made at run time (plain-block.ts),
   * a Map, which takes a key in half the time of an object of 100,000 keys,
   * and a plain scalar's entry in one array of four offsets (PlainEntry).
   */
  m?: Record<string, KeyedNode> | ReadonlyMap<string, KeyedNode | PlainEntry>;
  /** A sequence: its items. */
  q?: Array<SpanNode | null>;
  /** A scalar: where offset 0 of its value is, and whether offsets map one to one (1) or all to that start (0). */
  o?: [number, 0 | 1];
}

/** A key's span, and its value's node. */
export type KeyedNode = [[number, number], SpanNode | null];

/**
 * A key and its plain scalar value, whose offsets map one to one: the key's
 * start and end, the value's start and end. One array where a KeyedNode takes five.
 */
export type PlainEntry = readonly [number, number, number, number];

/** A file parsed and checked at build time. */
export interface Precompiled {
  text: string;
  /** The data as parsed (every scalar text). */
  data: unknown;
  /** The data as the schema checked it. */
  checked: ScenarioData;
  tree: SpanNode;
}

/** The parsed file, from data shipped in the build. `file` names it in messages. */
export function precompiledSource(p: Precompiled, file?: string): ScenarioSource {
  return spannedSource(p, file, () => ok(p.checked));
}

/**
 * A parsed file from its data and the places of its parts: a built-in shipped
 * parsed, or plain block YAML read without the parser (plain-block.ts).
 * `check` checks the data against the schema, with messages placed by the source.
 */
export function spannedSource(
  parts: { text: string; data: unknown; tree: SpanNode },
  file: string | undefined,
  check: (source: ScenarioSource) => Result<ScenarioData>,
): ScenarioSource {
  const { text, data, tree } = parts;
  const locate = (path: readonly PathKey[], part: 'key' | 'value' = 'value') => locateIn(tree, path, part);
  const source: ScenarioSource = {
    ...(file !== undefined ? { file } : {}),
    text,
    data,
    locate,
    offsetIn(path) {
      const o = nodeAt(tree, path)?.o;
      if (o) return o[1] ? (i) => o[0] + i : () => o[0];
      const start = locate(path).start;
      return () => start;
    },
    checked: () => check(source),
  };
  return source;
}

const span = ([start, end]: [number, number]): Span => ({ start, end });

function locateIn(tree: SpanNode, path: readonly PathKey[], part: 'key' | 'value'): Span {
  let node: SpanNode | null | undefined = tree;
  let best = span(tree.s);
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (node?.m) {
      const entry = entryOf(node.m, key!);
      if (!entry) return best;
      // A plain scalar's entry: its key, or its value, below which nothing is.
      if (entry.length === 4)
        return part === 'key' && i === path.length - 1 ? span([entry[0], entry[1]]) : span([entry[2], entry[3]]);
      const [k, value] = entry;
      if (i === path.length - 1 && part === 'key') return span(k);
      node = value;
      best = span(value ? value.s : k);
    } else if (node?.q && typeof key === 'number') {
      node = node.q[key];
      if (!node) return best;
      best = span(node.s);
    } else {
      return best;
    }
  }
  return best;
}

function nodeAt(tree: SpanNode, path: readonly PathKey[]): SpanNode | null | undefined {
  let node: SpanNode | null | undefined = tree;
  for (const key of path) {
    if (node?.m) node = nodeOf(entryOf(node.m, key));
    else if (node?.q && typeof key === 'number') node = node.q[key];
    else return undefined;
  }
  return node;
}

/** A mapping's entry for `key`. Mapping keys are text: a number never names one. */
function entryOf(m: NonNullable<SpanNode['m']>, key: PathKey): KeyedNode | PlainEntry | undefined {
  if (typeof key !== 'string') return undefined;
  if (m instanceof Map) return m.get(key);
  const record = m as Record<string, KeyedNode>;
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The node of an entry's value; a plain scalar's made from its offsets. */
function nodeOf(entry: KeyedNode | PlainEntry | undefined): SpanNode | null | undefined {
  if (entry?.length !== 4) return entry?.[1];
  return { s: [entry[2], entry[3]], o: [entry[2], 1] };
}
