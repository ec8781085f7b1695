import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Document, isMap, isPair, isScalar, parseDocument } from 'yaml';
import { readPlainBlock } from '../../src/core/scenario/plain-block.js';
import { readDocument, YAML_OPTIONS } from '../../src/core/scenario/source.js';

// readPlainBlock builds the yaml package's document for the plainest block
// YAML without its parser: where it reads a text at all, the document must be
// the parser's, node for node (values, sources, types, ranges), with no error.

/** Everything of a document the rest of bote can see, as plain data. */
function tree(node: unknown): unknown {
  if (isScalar(node))
    return { scalar: node.value, source: node.source, type: node.type, range: node.range, tag: node.tag ?? null };
  if (isMap(node))
    return {
      map: node.items.map((p) => (isPair(p) ? [tree(p.key), tree(p.value)] : 'not a pair')),
      range: node.range,
      flow: node.flow ?? false,
      tag: node.tag ?? null,
    };
  return node === null ? null : `other: ${String(node)}`;
}

function whole(doc: Document) {
  return {
    contents: tree(doc.contents),
    range: doc.range,
    data: doc.toJS(),
    errors: doc.errors.length,
    warnings: doc.warnings.length,
    directives: JSON.stringify(doc.directives),
    comment: [doc.comment, doc.commentBefore],
  };
}

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/);
// Characters of formulas, and some a plain value may not hold or start with.
const formula = fc.constantFrom(...'ab xyz019_()+-*/.^%$,~'.split(''));
const other = fc.constantFrom(':', '#', '"', "'", '&', '!', '|', '>', '@', '`', '?', '\t', 'é', '✓', '[', '{');
const value = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(fc.constantFrom(...'ax09_(+.$'.split('')), fc.array(formula, { maxLength: 12 }))
      .map(([first, rest]) => `${first}${rest.join('')}`.trimEnd()),
  },
  { weight: 2, arbitrary: fc.array(formula, { minLength: 1, maxLength: 14 }).map((cs) => cs.join('')) },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(formula, other), { minLength: 1, maxLength: 14 }).map((cs) => cs.join('')),
  },
);
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

describe('readPlainBlock', () => {
  it('reads a text as the parser does, or leaves it to the parser', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(mapping(4), fc.integer({ min: 1, max: 4 }), damage, (map, step, hurt) => {
        runs++;
        const text = hurt(render(map, step));
        const fast = readPlainBlock(text, YAML_OPTIONS);
        if (!fast) return;
        read++;
        const parsed = parseDocument(text, YAML_OPTIONS);
        expect(whole(fast)).toEqual(whole(parsed));
        expect(parsed.errors).toEqual([]);
        // As readDocument gives it to the rest of bote.
        expect(whole(readDocument(text) as Document)).toEqual(whole(parsed));
      }),
      { numRuns: 3000 },
    );
    // Most generated texts are in reach: the comparison above is not vacuous.
    expect(read).toBeGreaterThan(runs / 10);
  });

  it('reads a generated scenario of the bench and the shape of a hand-written one', () => {
    const texts = [
      'name: chain\nassumptions:\n  a: 1\n  x0: 1\nderived:\n  x1: x0*1.0001+a\n  x2: (x1+x0)/2\n',
      'name: s\ntitle: A title\nassumptions:\n  dau: 300 million user\n  share: 50%\n  price: $0.023/GB-month\nderived:\n  qps: dau * share / (86400 s/day)\n',
    ];
    for (const text of texts) {
      const fast = readPlainBlock(text, YAML_OPTIONS);
      expect(fast).toBeDefined();
      expect(whole(fast!)).toEqual(whole(parseDocument(text, YAML_OPTIONS)));
    }
  });
});
