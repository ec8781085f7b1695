import { RESERVED_NAMES } from './names.js';
import type { KeyedNode, PlainEntry, SpanNode } from './precompiled.js';

/** A plain block file read: its data, and where each part was written (as precompiled.ts ships a built-in). */
export interface PlainBlock {
  data: Record<string, unknown>;
  tree: SpanNode;
}

/**
 * The plainest block YAML, read without the yaml package, whose lexer,
 * parser and composer are generators (about 0.4 µs a byte: a second for the
 * 2.5 MB of 100,000 generated figures), and whose document takes a few
 * hundred bytes a line for as long as the file is compiled. Read here: text
 * whose every line is `key: value`, or `key:` opening a mapping indented
 * deeper on the next line, the keys names and the values plain formulas and
 * quantities (letters, digits, spaces and `_ ( ) + - * / . ^ % $ , ~`, not
 * starting with a space or `-`), the first line not indented, no blank line,
 * no key twice in a mapping and none of RESERVED_NAMES, and one newline at
 * the end. Anything else, and any doubt, is undefined: the caller parses it,
 * and says what is wrong. What is read is what the parser gives: the same
 * data, and the same places for every key and value
 * (tests/property/plain-block.test.ts).
 */
export function readPlainBlock(text: string): PlainBlock | undefined {
  if (!text.endsWith('\n') || text.charCodeAt(0) === SPACE) return undefined;
  // Open mappings, outermost first; `at` is where the mapping's first key starts.
  const open: Array<{ indent: number; data: Record<string, unknown>; node: Mapping; at: number }> = [];
  /** The key of the last line, when it opened a mapping: the next line must indent deeper. */
  let opener: { indent: number; key: string; keySpan: [number, number] } | undefined;
  const close = (node: Mapping, at: number, end: number) => {
    node.s = [at, end];
  };
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    let i = start;
    while (text.charCodeAt(i) === SPACE) i++;
    const indent = i - start;
    const keyEnd = nameEnd(text, i);
    if (keyEnd === i || text.charCodeAt(keyEnd) !== COLON) return undefined;
    if (opener) {
      if (indent <= opener.indent) return undefined; // `key:` with nothing under it: a null the parser reads
      const inner = { indent, data: {}, node: { s: [i, i], m: new Map() } as Mapping, at: i };
      const outer = open[open.length - 1]!;
      outer.data[opener.key] = inner.data;
      outer.node.m.set(opener.key, [opener.keySpan, inner.node]);
      open.push(inner);
      opener = undefined;
    } else if (open.length === 0) {
      open.push({ indent, data: {}, node: { s: [i, i], m: new Map() }, at: i });
    } else {
      while (open.length > 1 && open[open.length - 1]!.indent > indent) {
        const inner = open.pop()!;
        close(inner.node, inner.at, start);
      }
      if (open[open.length - 1]!.indent !== indent) return undefined;
    }
    const key = text.slice(i, keyEnd);
    const into = open[open.length - 1]!;
    // Left to the parser, which says what is wrong with them.
    if (into.node.m.has(key) || RESERVED_NAMES.has(key)) return undefined;
    if (keyEnd + 1 === end) {
      opener = { indent, key, keySpan: [i, keyEnd] };
    } else {
      if (text.charCodeAt(keyEnd + 1) !== SPACE || !isPlainValue(text, keyEnd + 2, end)) return undefined;
      const from = keyEnd + 2;
      into.data[key] = text.slice(from, end);
      // A plain scalar: offsets in its value map one to one to offsets in the file.
      into.node.m.set(key, [i, keyEnd, from, end]);
    }
    start = end + 1;
  }
  if (opener) return undefined;
  const top = open[0]!;
  while (open.length) {
    const { node, at } = open.pop()!;
    close(node, at, text.length);
  }
  return { data: top.data, tree: top.node };
}

type Mapping = SpanNode & { m: Map<string, KeyedNode | PlainEntry> };

const SPACE = 32;
const COLON = 58;

/** Where a name starting at `i` ends: a letter or `_`, then letters, digits and `_`; `i` when none starts there. */
function nameEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (!(isLetter(first) || first === 95)) return i;
  let j = i + 1;
  for (let c = text.charCodeAt(j); isLetter(c) || isDigit(c) || c === 95; c = text.charCodeAt(++j));
  return j;
}

/**
 * A value the parser reads as the same plain text: characters of formulas
 * only (no `:` or `#`, which end or comment a plain scalar, no quote, bracket,
 * brace, tab or character outside ASCII), starting with none of YAML's
 * indicators (`-` a list, `*` an alias, `%`, `,`) nor a space, and not ending
 * with a space (trimmed).
 */
function isPlainValue(text: string, from: number, to: number): boolean {
  if (to <= from || !VALUE_START[text.charCodeAt(from)] || text.charCodeAt(to - 1) === SPACE) return false;
  for (let i = from; i < to; i++) if (!VALUE_CHARACTER[text.charCodeAt(i)]) return false;
  return true;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const VALUE_CHARACTER: readonly boolean[] = Array.from(
  { length: 128 },
  (_, c) => isLetter(c) || isDigit(c) || ' _()+-*/.^%$,~'.includes(String.fromCharCode(c)),
);
const VALUE_START: readonly boolean[] = Array.from(
  { length: 128 },
  (_, c) => isLetter(c) || isDigit(c) || '_(+.$'.includes(String.fromCharCode(c)),
);
