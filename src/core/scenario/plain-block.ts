import { RESERVED_NAMES } from './names.js';
import type { KeyedNode, PlainEntry, SpanNode } from './precompiled.js';

/** A simple block file read: its data, and where each part was written (as precompiled.ts ships a built-in). */
export interface PlainBlock {
  data: Record<string, unknown>;
  tree: SpanNode;
}

/**
 * The block YAML scenarios are written in, read without the yaml package,
 * whose lexer, parser and composer are generators (about 0.4 µs a byte: a
 * second for the 2.5 MB of 100,000 generated figures, and most of the time a
 * user's file takes to read), and whose document takes a few hundred bytes a
 * line for as long as the file is compiled. Read here: lines of `key: value`,
 * or `key:` opening a mapping indented deeper on the next line; blank lines
 * and comments (`# ...`, alone or after a value); keys that are names; values
 * on one line: plain text (formulas, quantities, notes), text in quotes
 * without escapes, and a flow mapping or list of such text (`{ value: 50%,
 * note: "a, b" }`, `[tweet]`). The first line with a key is not indented, no
 * key is written twice in a mapping nor is one of RESERVED_NAMES, and the file
 * ends with a newline. Anything else, and any doubt, is undefined: the caller
 * parses it, and says what is wrong. What is read is what the parser gives:
 * the same data, and the same places for every key and value
 * (tests/property/plain-block.test.ts).
 */
export function readPlainBlock(text: string): PlainBlock | undefined {
  if (!text.endsWith('\n')) return undefined;
  // Open mappings, outermost first; `at` is where the mapping's first key starts, `last` where its
  // last value ends (with the rest of its line: the parser's end of the mapping).
  const open: Array<{ indent: number; data: Record<string, unknown>; node: Mapping; at: number; last: number }> = [];
  /** The key of the last line, when it opened a mapping: the next line must indent deeper. */
  let opener: { indent: number; key: string; keySpan: [number, number] } | undefined;
  /** Closes the innermost mapping, which ends where its last value does: so does its parent's value. */
  const close = () => {
    const inner = open.pop()!;
    inner.node.s = [inner.at, inner.last];
    if (open.length) open[open.length - 1]!.last = inner.last;
  };
  /** The indentation of the last line with a key, and whether a comment line came after it. */
  let keyIndent = 0;
  let comments = false;
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const lineEnd = end + 1;
    const i = skipSpaces(text, start);
    if (i === end) {
      start = lineEnd;
      continue;
    }
    const indent = i - start;
    if (text.charCodeAt(i) === HASH) {
      // The parser counts a comment deeper than the key above it into that key's value: left to it.
      if (!opener && open.length && indent > keyIndent) return undefined;
      comments = true;
      start = lineEnd;
      continue;
    }
    const keyEnd = nameEnd(text, i);
    if (keyEnd === i || text.charCodeAt(keyEnd) !== COLON) return undefined;
    if (opener) {
      if (indent <= opener.indent) return undefined; // `key:` with nothing under it: a null the parser reads
      const inner = { indent, data: {}, node: { s: [i, i], m: new Map() } as Mapping, at: i, last: i };
      const outer = open[open.length - 1]!;
      outer.data[opener.key] = inner.data;
      outer.node.m.set(opener.key, [opener.keySpan, inner.node]);
      open.push(inner);
      opener = undefined;
    } else if (open.length === 0) {
      if (indent !== 0) return undefined;
      open.push({ indent, data: {}, node: { s: [i, i], m: new Map() }, at: i, last: i });
    } else {
      const closing = open.length > 1 && open[open.length - 1]!.indent > indent;
      // Where the parser ends a mapping among comments is left to it.
      if (closing && comments) return undefined;
      while (open.length > 1 && open[open.length - 1]!.indent > indent) close();
      if (open[open.length - 1]!.indent !== indent) return undefined;
    }
    keyIndent = indent;
    comments = false;
    const key = text.slice(i, keyEnd);
    const into = open[open.length - 1]!;
    // Left to the parser, which says what is wrong with them.
    if (into.node.m.has(key) || RESERVED_NAMES.has(key)) return undefined;
    if (keyEnd + 1 === end || restIsComment(text, keyEnd + 1, end)) {
      opener = { indent, key, keySpan: [i, keyEnd] };
    } else {
      if (text.charCodeAt(keyEnd + 1) !== SPACE) return undefined;
      const read = readValue(text, [i, keyEnd], end);
      if (!read) return undefined;
      into.data[key] = read.value;
      into.node.m.set(key, read.entry);
      into.last = lineEnd;
    }
    start = lineEnd;
  }
  if (opener || !open.length || (comments && open.length > 1)) return undefined;
  const top = open[0]!;
  while (open.length) close();
  return { data: top.data, tree: top.node };
}

type Mapping = SpanNode & { m: Map<string, KeyedNode | PlainEntry> };

/**
 * The value of a block `key: value` line (the key at `key`, the value after
 * `: `, to the line's end `end`, and nothing after it but a comment): its data,
 * and its entry in the mapping's places.
 */
function readValue(
  text: string,
  key: [number, number],
  end: number,
): { value: unknown; entry: KeyedNode | PlainEntry } | undefined {
  const at = skipSpaces(text, key[1] + 2);
  const c = text.charCodeAt(at);
  if (c === BRACE || c === BRACKET || c === QUOTE || c === APOSTROPHE) {
    const read =
      c === BRACE
        ? readFlowMap(text, at, end)
        : c === BRACKET
          ? readFlowList(text, at, end)
          : readQuoted(text, at, end);
    if (!read || !restIsComment(text, read.next, end)) return undefined;
    return { value: read.value, entry: [key, read.node] };
  }
  if (!VALUE_START[c]) return undefined;
  let stop = at + 1;
  while (stop < end && BLOCK_CHARACTER[text.charCodeAt(stop)]) stop++;
  if (stop < end && !(text.charCodeAt(stop) === HASH && text.charCodeAt(stop - 1) === SPACE)) return undefined;
  const last = trimmedEnd(text, stop);
  // A plain scalar: offsets in its value map one to one to offsets in the file.
  return { value: text.slice(at, last), entry: [key[0], key[1], at, last] };
}

/** `{ key: value, ... }` on one line, its values text: the mapping, and where reading goes on. */
function readFlowMap(text: string, open: number, end: number) {
  const data: Record<string, string> = {};
  const m = new Map<string, KeyedNode | PlainEntry>();
  let at = skipSpaces(text, open + 1);
  if (text.charCodeAt(at) === CLOSE_BRACE)
    return { value: data, node: { s: [open, at + 1], m } as SpanNode, next: at + 1 };
  for (;;) {
    const keyEnd = nameEnd(text, at);
    if (keyEnd === at || text.charCodeAt(keyEnd) !== COLON || text.charCodeAt(keyEnd + 1) !== SPACE) return undefined;
    const key = text.slice(at, keyEnd);
    if (m.has(key) || RESERVED_NAMES.has(key)) return undefined;
    const item = readFlowItem(text, skipSpaces(text, keyEnd + 2), end);
    if (!item) return undefined;
    data[key] = item.value;
    m.set(key, [[at, keyEnd], item.node]);
    at = skipSpaces(text, item.next);
    const c = text.charCodeAt(at);
    if (c === CLOSE_BRACE) return { value: data, node: { s: [open, at + 1], m } as SpanNode, next: at + 1 };
    if (c !== COMMA) return undefined;
    at = skipSpaces(text, at + 1);
  }
}

/** `[item, ...]` on one line, its items text. */
function readFlowList(text: string, open: number, end: number) {
  const value: string[] = [];
  const q: SpanNode[] = [];
  let at = skipSpaces(text, open + 1);
  if (text.charCodeAt(at) === CLOSE_BRACKET) return { value, node: { s: [open, at + 1], q } as SpanNode, next: at + 1 };
  for (;;) {
    const item = readFlowItem(text, at, end);
    if (!item) return undefined;
    value.push(item.value);
    q.push(item.node);
    at = skipSpaces(text, item.next);
    const c = text.charCodeAt(at);
    if (c === CLOSE_BRACKET) return { value, node: { s: [open, at + 1], q } as SpanNode, next: at + 1 };
    if (c !== COMMA) return undefined;
    at = skipSpaces(text, at + 1);
  }
}

/** A value inside a flow collection: quoted, or plain up to the `,` or closing bracket (spaces trimmed). */
function readFlowItem(text: string, at: number, end: number) {
  const c = text.charCodeAt(at);
  if (c === QUOTE || c === APOSTROPHE) return readQuoted(text, at, end);
  if (!VALUE_START[c]) return undefined;
  let stop = at + 1;
  while (stop < end && FLOW_CHARACTER[text.charCodeAt(stop)]) stop++;
  const last = trimmedEnd(text, stop);
  const node: SpanNode = { s: [at, last], o: [at, 1] };
  return { value: text.slice(at, last), node, next: stop };
}

/** Text in double or single quotes with no escape inside (nor `''`): its value is what stands between. */
function readQuoted(text: string, at: number, end: number) {
  const quote = text.charCodeAt(at);
  let close = at + 1;
  for (let c = text.charCodeAt(close); close < end && c !== quote; c = text.charCodeAt(++close))
    if (!QUOTED_CHARACTER[c]) return undefined;
  if (close >= end || text.charCodeAt(close + 1) === quote) return undefined;
  const node: SpanNode = { s: [at, close + 1], o: [at + 1, 1] };
  return { value: text.slice(at + 1, close), node, next: close + 1 };
}

/** Nothing but spaces from `at` to the line's end, or spaces and then a comment. */
function restIsComment(text: string, at: number, end: number): boolean {
  const next = skipSpaces(text, at);
  return next === end || (next > at && text.charCodeAt(next) === HASH);
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Where text ending at `end` ends without its trailing spaces. */
function trimmedEnd(text: string, end: number): number {
  let i = end;
  while (text.charCodeAt(i - 1) === SPACE) i--;
  return i;
}

const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const APOSTROPHE = 39;
const COMMA = 44;
const COLON = 58;
const BRACKET = 91;
const CLOSE_BRACKET = 93;
const BRACE = 123;
const CLOSE_BRACE = 125;

/** Where a name starting at `i` ends: a letter or `_`, then letters, digits and `_`; `i` when none starts there. */
function nameEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (!(isLetter(first) || first === 95)) return i;
  let j = i + 1;
  for (let c = text.charCodeAt(j); isLetter(c) || isDigit(c) || c === 95; c = text.charCodeAt(++j));
  return j;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const table = (ok: (c: number) => boolean): readonly boolean[] => Array.from({ length: 128 }, (_, c) => ok(c));
const among = (c: number, chars: string) => chars.includes(String.fromCharCode(c));
/**
 * What a plain value may start with: none of YAML's indicators (`-` a list,
 * `*` an alias, `%`, `,`, quotes, brackets, `#`...) nor a space.
 */
const VALUE_START = table((c) => isLetter(c) || isDigit(c) || among(c, '_(+.$~'));
/**
 * What a plain value may hold after its first character, in a block: no `:`
 * (which may end it) or `#` (which may start a comment; one after a space
 * ends the value), no tab, and nothing outside ASCII.
 */
const BLOCK_CHARACTER = table((c) => isLetter(c) || isDigit(c) || among(c, ' _()+-*/.^%$,~\'";=<>?!&@|[]{}'));
/** And inside a flow collection, where `,` and brackets end it. */
const FLOW_CHARACTER = table((c) => BLOCK_CHARACTER[c]! && !among(c, ',[]{}'));
/** What quoted text may hold before its closing quote: printable ASCII and spaces, but a backslash (an escape). */
const QUOTED_CHARACTER = table((c) => c >= 32 && c < 127 && c !== 92);
