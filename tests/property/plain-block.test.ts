import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlainBlock, readPlainBlock } from '../../src/core/scenario/plain-block.js';
import { type KeyedNode, type PlainEntry, spannedSource, type SpanNode } from '../../src/core/scenario/precompiled.js';
import { checkShape } from '../../src/core/scenario/schema-diagnostics.js';
import { type PathKey, parseScenarioSource, parseYamlSource } from '../../src/core/scenario/source.js';
import { ROOT } from '../helpers/run-bote.js';

// readPlainBlock reads the plainest block YAML without the yaml package's
// parser. Where it reads a text at all, the parser must read it without an
// error, and what the rest of bote sees must be the same: the data, where
// each key and value was written (every path, and paths that are not there),
// how offsets in a value map into the file, and the schema's messages.

/** Every path of a tree, and under each a name and an index that are not there. */
function paths(node: SpanNode | null, at: PathKey[] = []): PathKey[][] {
  const here: PathKey[][] = [at, [...at, 'not_there'], [...at, 0]];
  if (!node?.m) return here;
  if (!(node.m instanceof Map)) throw new Error('a mapping read at run time is a Map');
  // A plain scalar's entry (four offsets) has no node under it.
  const under = (entry: KeyedNode | PlainEntry) => (entry.length === 4 ? null : entry[1]);
  return [...here, ...[...node.m].flatMap(([k, entry]) => paths(under(entry), [...at, k]))];
}

function expectSame(text: string, read: PlainBlock) {
  const parsed = parseYamlSource(text, 'f.yaml');
  if (!parsed.ok) throw new Error(`the parser refuses what was read: ${parsed.diagnostics[0]!.message}`);
  const plain = spannedSource({ text, ...read }, 'f.yaml', checkShape);
  expect(plain.data).toEqual(parsed.value.data);
  expect(plain.checked()).toEqual(parsed.value.checked());
  for (const path of paths(read.tree)) {
    for (const part of ['key', 'value'] as const)
      expect(plain.locate(path, part), `${path.join('.')} ${part}`).toEqual(parsed.value.locate(path, part));
    const [a, b] = [plain.offsetIn(path), parsed.value.offsetIn(path)];
    for (const i of [0, 1, 3]) expect(a(i), `${path.join('.')} +${i}`).toBe(b(i));
  }
  // As parseScenarioSource gives it to the rest of bote.
  const source = parseScenarioSource(text, 'f.yaml');
  expect(source.ok && source.value.data).toEqual(parsed.value.data);
}

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/);
// Characters of formulas and notes, and some a plain value may not hold or start with.
const formula = fc.constantFrom(...'ab xyz019_()+-*/.^%$,~\'";=<>?!&@|[]{}'.split(''));
const other = fc.constantFrom(
  ':',
  '#',
  '"',
  "'",
  '&',
  '!',
  '|',
  '>',
  '@',
  '`',
  '?',
  '\t',
  'é',
  '✓',
  '[',
  '{',
  '\\',
  '-',
);
const plain = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(fc.constantFrom(...'ax09_(+.$~'.split('')), fc.array(formula, { maxLength: 12 }))
      .map(([first, rest]) => `${first}${rest.join('')}`.trimEnd()),
  },
  { weight: 2, arbitrary: fc.array(formula, { minLength: 1, maxLength: 14 }).map((cs) => cs.join('')) },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(formula, other), { minLength: 1, maxLength: 14 }).map((cs) => cs.join('')),
  },
);
const quoted = fc
  .tuple(fc.constantFrom('"', "'"), fc.array(fc.oneof({ weight: 6, arbitrary: formula }, other), { maxLength: 10 }))
  .map(([q, cs]) => `${q}${cs.join('')}${q}`);
const scalar = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: quoted });
// Inside a flow collection: text without `,` and brackets, most of the time.
const item = scalar.map((t) => (t.startsWith('"') || t.startsWith("'") ? t : t.replace(/[,[\]{}]/g, '')));
const gap = fc.constantFrom('', ' ', '  ');
const flow = fc.oneof(
  fc
    .tuple(fc.array(fc.tuple(name, item), { minLength: 1, maxLength: 3 }), gap)
    .map(([pairs, g]) => `{${g}${pairs.map(([k, v]) => `${k}: ${v}`).join(`,${g || ' '}`)}${g}}`),
  fc.tuple(fc.array(item, { minLength: 1, maxLength: 3 }), gap).map(([items, g]) => `[${g}${items.join(`,${g}`)}${g}]`),
);
// As written after `key: `: a scalar or a flow collection, now and then a comment after it.
const value = fc
  .tuple(
    fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 2, arbitrary: flow }),
    fc.constantFrom('', '', '', ' # a note', '  #: x'),
  )
  .map(([v, comment]) => `${v}${comment}`);
type Tree = Array<[string, string | Tree]>;
const mapping: fc.Memo<Tree> = fc.memo((depth) =>
  fc.array(fc.tuple(name, depth <= 1 ? value : fc.oneof({ weight: 3, arbitrary: value }, mapping(depth - 1))), {
    minLength: 1,
    maxLength: 4,
  }),
);

function render(map: Tree, step: number, indent = 0): string {
  return map
    .map(([key, v]) =>
      typeof v === 'string'
        ? `${' '.repeat(indent)}${key}: ${v}\n`
        : `${' '.repeat(indent)}${key}:\n${render(v, step, indent + step)}`,
    )
    .join('');
}

/** Blank lines and comment lines put before some lines, at any indentation. */
const decorate = fc
  .array(fc.tuple(fc.nat(), fc.constantFrom('\n', '# a comment\n', '  # more\n', '    #\n')), { maxLength: 3 })
  .map((inserts) => (t: string) => {
    const lines = t.split(/(?<=\n)/);
    for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line);
    return lines.join('');
  });

/** Small damage: a blank line, a character, a space, or the last newline gone. */
const damage = fc.oneof(
  fc.constant((t: string) => t),
  fc.constant((t: string) => t),
  fc.tuple(fc.nat(), fc.constantFrom('\n', ' ', ':', '#', '-', '\t', '  x: 1\n', '\n\n')).map(
    ([at, c]) =>
      (t: string) =>
        t.slice(0, at % (t.length + 1)) + c + t.slice(at % (t.length + 1)),
  ),
  fc.constant((t: string) => t.slice(0, -1)),
  fc.constant((t: string) => ` ${t}`),
);

/** What a text read may hold, each of which some texts read must. */
const FEATURES: ReadonlyArray<[string, RegExp]> = [
  ['a nested mapping', /:\n +[A-Za-z_]/],
  ['a comment line', /^ *#/m],
  ['a comment after a value', / #/],
  ['a blank line', /\n *\n/],
  ['quoted text', /: ["']/],
  ['a flow mapping', /: \{/],
  ['a flow list', /: \[/],
];

describe('readPlainBlock', () => {
  it('reads a text as the parser does, or leaves it to the parser', () => {
    const seen = new Map(FEATURES.map(([feature]) => [feature, 0]));
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(mapping(4), fc.integer({ min: 1, max: 4 }), decorate, damage, (map, step, dress, hurt) => {
        runs++;
        const text = hurt(dress(render(map, step)));
        const fast = readPlainBlock(text);
        if (!fast) return;
        read++;
        for (const [feature, pattern] of FEATURES) if (pattern.test(text)) seen.set(feature, seen.get(feature)! + 1);
        expectSame(text, fast);
      }),
      { numRuns: Number(process.env.PLAIN_BLOCK_RUNS ?? 3000) },
    );
    // Most generated texts are in reach, with each feature: the comparison above is not vacuous.
    expect(read).toBeGreaterThan(runs / 10);
    for (const [feature, count] of seen) expect(count, feature).toBeGreaterThan(read / 50);
  });

  it('reads a generated scenario of the bench and the shape of a hand-written one', () => {
    const texts = [
      'name: chain\nassumptions:\n  a: 1\n  x0: 1\nderived:\n  x1: x0*1.0001+a\n  x2: (x1+x0)/2\n',
      'name: s\ntitle: A title\nassumptions:\n  dau: 300 million user\n  share: 50%\n  price: $0.023/GB-month\nderived:\n  qps: dau * share / (86400 s/day)\n',
      // A schema message placed in a value: `dau` is not a quantity.
      'name: s\nassumptions:\n  dau: 300 million user\nderived:\n  qps:\n    expr: dau / (1 day)\n    section: nowhere\n',
    ];
    for (const text of texts) {
      const fast = readPlainBlock(text);
      expect(fast).toBeDefined();
      expectSame(text, fast!);
    }
  });

  it('reads most built-in scenarios, each as the parser does', () => {
    const dir = join(ROOT, 'scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    let read = 0;
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const fast = readPlainBlock(text);
      if (!fast) continue;
      read++;
      expectSame(text, fast);
    }
    // Those with text over several lines (`|`, `>`) go to the parser.
    expect(read).toBeGreaterThan(files.length / 2);
  });

  it('leaves a key written twice, or a reserved name, to the parser, which says what is wrong', () => {
    for (const text of ['a: 1\na: 2\n', 'a:\n  __proto__: 1\n', 'a:\n  b: 1\n  b: 2\n']) {
      expect(readPlainBlock(text)).toBeUndefined();
      const parsed = parseScenarioSource(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.diagnostics[0]!.message).toMatch(/unique|reserved/);
    }
  });
});
