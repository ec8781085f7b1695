import { Document, type DocumentOptions, Pair, type ParseOptions, Scalar, type SchemaOptions, YAMLMap } from 'yaml';

/**
 * The yaml package's document for the plainest block YAML, built without its
 * lexer, parser and composer, which are generators (about 0.4 µs a byte: a
 * second for the 2.5 MB of 100,000 generated figures). Read here: text whose
 * every line is `key: value`, or `key:` opening a mapping indented deeper on
 * the next line, the keys names and the values plain formulas and quantities
 * (letters, digits, spaces and `_ ( ) + - * / . ^ % $ , ~`, not starting with
 * a space or `-`), the first line not indented, no blank line, and one
 * newline at the end. Anything else, and any doubt, is undefined: the caller
 * parses it. The document is the parser's: the same nodes with the same
 * values, sources, types and ranges (tests/property/plain-block.test.ts).
 */
export function readPlainBlock(
  text: string,
  options: ParseOptions & DocumentOptions & SchemaOptions,
): Document | undefined {
  if (!text.endsWith('\n') || text.charCodeAt(0) === SPACE) return undefined;
  const doc = new Document(undefined, options);
  // Open mappings, outermost first; `at` is where the mapping's first key starts.
  const open: Array<{ indent: number; map: YAMLMap; at: number }> = [];
  /** The key of the last line, when it opened a mapping: the next line must indent deeper. */
  let opener: { indent: number; pair: Pair } | undefined;
  const close = (map: YAMLMap, at: number, end: number) => {
    map.range = [at, end, end];
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
      const map = new YAMLMap(doc.schema);
      opener.pair.value = map;
      open.push({ indent, map, at: i });
      opener = undefined;
    } else if (open.length === 0) {
      open.push({ indent, map: new YAMLMap(doc.schema), at: i });
    } else {
      while (open.length > 1 && open[open.length - 1]!.indent > indent) {
        const inner = open.pop()!;
        close(inner.map, inner.at, start);
      }
      if (open[open.length - 1]!.indent !== indent) return undefined;
    }
    const key = plain(text, i, keyEnd, keyEnd);
    if (keyEnd + 1 === end) {
      const pair = new Pair(key);
      open[open.length - 1]!.map.items.push(pair);
      opener = { indent, pair };
    } else {
      if (text.charCodeAt(keyEnd + 1) !== SPACE || !isPlainValue(text, keyEnd + 2, end)) return undefined;
      open[open.length - 1]!.map.items.push(new Pair(key, plain(text, keyEnd + 2, end, end + 1)));
    }
    start = end + 1;
  }
  if (opener) return undefined;
  doc.contents = open[0]!.map;
  while (open.length) {
    const { map, at } = open.pop()!;
    close(map, at, text.length);
  }
  doc.range = [0, text.length, text.length];
  return doc;

  function plain(text: string, from: number, to: number, after: number): Scalar {
    const source = text.slice(from, to);
    const scalar = new Scalar(source);
    scalar.range = [from, to, after];
    scalar.source = source;
    scalar.type = Scalar.PLAIN;
    return scalar;
  }
}

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
