import {
  Composer,
  CST,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  Parser,
  parseDocument,
  visit,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { fail, ok, type Diagnostic, type Result, type Span } from '../diagnostic.js';
import type { PathKey, ScenarioSource } from './located.js';
import { spannedSource, type Precompiled, type SpanNode } from './precompiled.js';
import { checkShape } from './schema-diagnostics.js';
import { readPlainBlock } from './plain-block.js';
import { RESERVED_NAMES } from './names.js';

/** Scenario files are small; anything larger is refused before parsing. */
export const MAX_FILE_BYTES = 1 << 20;
/** Deeper flow nesting than this is refused before the YAML parser sees it. */
export const MAX_NESTING = 32;
/** Alias expansion bound: a scenario needs few, a "billion laughs" file many. */
export const MAX_ALIASES = 50;

export type { PathKey, ScenarioSource } from './located.js';

/** How every scenario file is read: YAML 1.2, every scalar text. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'failsafe',
  merge: false,
  resolveKnownTags: false,
  customTags: [],
  // 'error', not 'silent': with 'silent' the yaml package drops the MULTIPLE_DOCS
  // error and a second document is ignored. Neither level prints anything.
  // uniqueKeys: false: the yaml package compares each key with every earlier
  // one (quadratic: seconds for 10,000 figures); duplicateKey() does it in one pass.
  uniqueKeys: false,
  stringKeys: true,
  logLevel: 'error',
  prettyErrors: false,
};

/** The document as every scenario file is read. */
const yamlDocument = (text: string): Document => parseDocument(text, YAML_OPTIONS);

/**
 * The document, or where a flow collection nests deeper than MAX_NESTING
 * (the yaml package's parser can abort the whole process on a second parse
 * of such a document): the depth is read off the lexer's tokens before the
 * parser sees any, and the parser is then given those tokens, so that the
 * text is lexed once. parseDocument's own steps, from the tokens on.
 */
export function readDocument(text: string): Document | { deep: number } {
  // Most scenarios are block YAML: no flow collection, nothing to measure.
  if (!text.includes('[') && !text.includes('{')) return yamlDocument(text);
  const lexemes = [...new Lexer().lex(text)];
  const deep = deepestFlow(lexemes);
  if (deep !== undefined) return { deep };
  const parser = new Parser();
  function* tokens() {
    for (const lexeme of lexemes) yield* parser.next(lexeme);
    yield* parser.end();
  }
  let doc: Document | undefined;
  for (const next of new Composer(YAML_OPTIONS).compose(tokens(), true, text.length)) {
    if (!doc) doc = next;
    else {
      // What parseDocument says of a second document (logLevel 'error').
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  // compose(..., true) ends with a document at the latest.
  return doc!;
}

/**
 * Parses scenario text as YAML 1.2 with every scalar a string (the failsafe
 * schema: `2`, `1e3` and `50%` all reach the one quantity parser). Refuses,
 * each with a position: syntax errors, flow nesting past MAX_NESTING (the yaml
 * package can abort the whole process on a second parse of such a document),
 * tags, YAML 1.1 directives, alias bombs and reserved key names.
 */
export function parseScenarioSource(text: string, file?: string): Result<ScenarioSource> {
  if (utf8Length(text) > MAX_FILE_BYTES)
    return fail(placed(file)('the file is larger than 1 MB', { start: 0, end: 0 }, undefined, 'yaml-limit'));
  // Most scenarios are simple block YAML, read without the parser.
  const plain = readPlainBlock(text);
  if (plain) return ok(spannedSource({ text, ...plain }, file, checkShape));
  return parseYamlSource(text, file);
}

/**
 * parseScenarioSource by the yaml package's parser, whatever the text (the
 * size aside): what the plain block reader is held to.
 */
export function parseYamlSource(text: string, file?: string): Result<ScenarioSource> {
  const at = placed(file);
  const doc = readDocument(text);
  if ('deep' in doc)
    return fail(
      at(
        `the document nests deeper than ${MAX_NESTING} levels`,
        { start: doc.deep, end: doc.deep + 1 },
        'a scenario needs at most a few levels',
        'yaml-limit',
      ),
    );

  const first = doc.errors[0];
  if (first) {
    return fail(at(cleanYamlMessage(first.message), { start: first.pos[0], end: first.pos[1] }, yamlHint(first.code)));
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    return fail(at('only YAML 1.2 is read; remove the %YAML directive', { start: 0, end: 5 }));
  }
  const duplicate = duplicateKey(doc);
  if (duplicate) return fail(at('Map keys must be unique', duplicate, yamlHint('DUPLICATE_KEY')));
  const refused = refuseNodes(doc, text);
  if (refused) return fail({ ...refused, ...(file !== undefined ? { file } : {}) });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    // toJS throws a ReferenceError for excessive aliases; nothing else here throws.
    return fail(
      at(
        'aliases expand too far: this looks like an alias bomb',
        firstAlias(doc),
        `use at most ${MAX_ALIASES} aliases`,
        'yaml-limit',
      ),
    );
  }
  // An empty file, a list or a lone value: nothing below can look inside it.
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const what =
      data === null ? 'the file is empty' : Array.isArray(data) ? 'the file is a list' : 'the file is a single value';
    return fail(
      at(
        `${what}: a scenario is a mapping of \`title:\`, \`assumptions:\` and \`derived:\``,
        { start: 0, end: 0 },
        'start from `bote init NAME`, or see docs/scenarios.md',
        'schema',
      ),
    );
  }
  const source = {
    ...(file !== undefined ? { file } : {}),
    text,
    data,
    locate: (path: readonly PathKey[], part: 'key' | 'value' = 'value') => locate(doc, path, part),
    offsetIn: (path: readonly PathKey[]) => offsetIn(doc, text, path),
  };
  return ok({ ...source, checked: () => checkShape(source) });
}

/**
 * A file read as the command line reads a built-in, as data to ship
 * (precompiled.ts): its text, its data parsed and checked, and where each part
 * was written. Undefined when that would not be the same as reading it: the
 * file does not parse or check, it has aliases (locate follows them), or its
 * data does not survive JSON.
 */
export function precompile(text: string): Precompiled | undefined {
  const parsed = parseScenarioSource(text);
  if (!parsed.ok) return undefined;
  const checked = parsed.value.checked();
  if (!checked.ok) return undefined;
  const doc = yamlDocument(text);
  let alias = false;
  visit(doc, {
    Alias() {
      alias = true;
      return visit.BREAK;
    },
  });
  const same = (x: unknown) => JSON.stringify(JSON.parse(JSON.stringify(x))) === JSON.stringify(x) && !hasUndefined(x);
  if (alias || !same(parsed.value.data) || !same(checked.value)) return undefined;
  return { text, data: parsed.value.data, checked: checked.value, tree: spanNode(doc.contents, text)! };
}

function hasUndefined(x: unknown): boolean {
  if (x === undefined) return true;
  if (x === null || typeof x !== 'object') return false;
  if (Object.getPrototypeOf(x) !== Object.prototype && !Array.isArray(x)) return true;
  return Object.values(x).some(hasUndefined);
}

/** A node's spans as locate() and offsetIn() find them: scalar keys, the first pair of each. */
function spanNode(node: unknown, text: string): SpanNode | null {
  if (!node) return null;
  const { start, end } = nodeSpan(node);
  const out: SpanNode = { s: [start, end] };
  if (isMap(node)) {
    out.m = {};
    for (const p of node.items) {
      if (!isPair(p) || !isScalar(p.key) || Object.hasOwn(out.m, String(p.key.value))) continue;
      const k = nodeSpan(p.key);
      out.m[String(p.key.value)] = [[k.start, k.end], spanNode(p.value, text)];
    }
  } else if (isSeq(node)) {
    out.q = node.items.map((item) => spanNode(item, text));
  } else if (isScalar(node) && node.range) {
    out.o = scalarOffset(node, text);
  }
  return out;
}

/** A message about a file's text: placed in `file`. */
function placed(file: string | undefined) {
  return (message: string, span: Span, hint?: string, code: Diagnostic['code'] = 'yaml-syntax'): Diagnostic => ({
    code,
    message,
    span,
    ...(file !== undefined ? { file } : {}),
    ...(hint ? { hint } : {}),
  });
}

/** The size in UTF-8 bytes, counted only when the UTF-16 length leaves it in doubt. */
function utf8Length(text: string): number {
  return text.length * 3 <= MAX_FILE_BYTES ? text.length : new TextEncoder().encode(text).length;
}

/** Finds the first offset where flow collections nest deeper than allowed. The lexer is iterative. */
function deepestFlow(lexemes: readonly string[]): number | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of lexemes) {
    if (token === '[' || token === '{') {
      if (++depth > MAX_NESTING) return offset;
    } else if (token === ']' || token === '}') depth--;
    // The lexer's marker tokens (document start, scalar, flow end) are not in the text.
    if (token !== CST.DOCUMENT && token !== CST.SCALAR && token !== CST.FLOW_END) offset += token.length;
  }
  // Block nesting is bounded by indentation and handled by the parser itself.
  return undefined;
}

/** Where the first alias (`*name`) of the document stands. */
function firstAlias(doc: Document): Span {
  let span: Span = { start: 0, end: 0 };
  visit(doc, {
    Alias(_, node) {
      span = nodeSpan(node);
      return visit.BREAK;
    },
  });
  return span;
}

/** The tag written before a value (`!!js/function "x"`): the value's node range starts after it. */
function tagSpan(text: string, value: Span): Span {
  const lineStart = text.lastIndexOf('\n', value.start - 1) + 1;
  let bang = text.lastIndexOf('!', value.start);
  if (bang < lineStart) return value;
  while (bang > lineStart && text[bang - 1] === '!') bang--;
  const end = text.slice(bang).search(/\s/);
  return { start: bang, end: end < 0 ? text.length : bang + end };
}

function refuseNodes(doc: Document, text: string): Omit<Diagnostic, 'file'> | undefined {
  let found: Omit<Diagnostic, 'file'> | undefined;
  visit(doc, {
    Node(_, node) {
      const span = nodeSpan(node);
      if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag) {
        const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
        found = {
          code: 'yaml-syntax',
          message: `tags such as \`${tag}\` are not allowed in a scenario`,
          span: tagSpan(text, span),
          hint: 'remove the tag; values are plain text',
        };
        return visit.BREAK;
      }
      return undefined;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && RESERVED_NAMES.has(String(pair.key.value))) {
        found = {
          code: 'reserved-name',
          message: `\`${String(pair.key.value)}\` is a reserved name`,
          span: nodeSpan(pair.key),
          hint: 'choose another name',
        };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The first key that repeats an earlier one of its mapping, as the yaml package's uniqueKeys would find it. */
function duplicateKey(doc: Document): Span | undefined {
  let found: Span | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          found = nodeSpan(pair.key);
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** A mapping's pairs by scalar key (the first of each), built once per mapping: locate() runs once per figure. */
const pairIndex = new WeakMap<object, Map<unknown, Pair>>();
function pairOf(map: YAMLMap, key: PathKey): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isPair(p) && isScalar(p.key) && !index.has(p.key.value)) index.set(p.key.value, p);
    pairIndex.set(map, index);
  }
  return index.get(key);
}

function nodeSpan(node: unknown): Span {
  const range = (node as { range?: [number, number, number] }).range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

function locate(doc: Document, path: readonly PathKey[], part: 'key' | 'value'): Span {
  let node: unknown = doc.contents;
  let best: Span = nodeSpan(node);
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = pairOf(node, key!);
      if (!pair) return best;
      if (i === path.length - 1 && part === 'key') return nodeSpan(pair.key);
      node = pair.value;
      best = pair.value ? nodeSpan(pair.value) : nodeSpan(pair.key);
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (!node) return best;
      best = nodeSpan(node);
    } else {
      return best;
    }
  }
  return best;
}

function offsetIn(doc: Document, text: string, path: readonly PathKey[]): (offset: number) => number {
  const node = nodeAt(doc, path);
  if (!isScalar(node) || !node.range) {
    const start = locate(doc, path, 'value').start;
    return () => start;
  }
  const [start, oneToOne] = scalarOffset(node, text);
  return oneToOne ? (i) => start + i : () => start;
}

/** Where offset 0 of a scalar's value is in the file, and whether the offsets after it map one to one. */
function scalarOffset(node: Scalar, text: string): [number, 0 | 1] {
  const [start, end] = node.range!;
  const raw = text.slice(start, end);
  // Plain and simply-quoted scalars map one to one; others point at their start.
  if (node.type === 'PLAIN' && raw === node.value) return [start, 1];
  const quoted = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE';
  if (quoted && raw.slice(1, -1) === node.value) return [start + 1, 1];
  return [start, 0];
}

/** doc.getIn(path, true), with the indexed lookup: aliases are not followed. */
function nodeAt(doc: Document, path: readonly PathKey[]): unknown {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) node = pairOf(node, key)?.value;
    else if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else return undefined;
  }
  return node;
}

function cleanYamlMessage(message: string): string {
  // The yaml package appends " at line L, column C" and a code excerpt; we print our own.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each name may appear once in a mapping';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: nested keys take two more spaces than their parent';
    case 'MULTIPLE_DOCS':
      return 'a scenario file holds one document; remove the extra `---`';
    case 'RESOURCE_EXHAUSTION':
      return 'the document is too deep or too large';
    default:
      return undefined;
  }
}
