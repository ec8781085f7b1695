// Formula-shaped inputs for the property tests of the tokenizer and the parser.
import fc from 'fast-check';

const TOKENS = [
  '1',
  '2.5',
  '1,500',
  '300M',
  '2bn',
  '1e3',
  '.5',
  '0',
  'dau',
  'GB',
  'MiB',
  'tweet',
  'user',
  'day',
  's',
  'qps',
  '%',
  '$',
  'to',
  '+',
  '-',
  '*',
  '/',
  '^',
  '×',
  '÷',
  '−',
  '(',
  ')',
  ',',
  '->',
  '~',
  'ceil(',
  'max(',
  'log(',
  'sqrt(',
  'foo(',
  '**',
  '.',
  '=',
  '[',
  ';',
  '"',
  ' ',
];

/** Token soup: any order of formula-ish pieces. */
export const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((ts) => ts.join(' '));
export const tightSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((ts) => ts.join(''));

/** Well-formed-ish expressions, nested at random. */
export const { expr } = fc.letrec<{ expr: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    fc.constantFrom(
      '1',
      '2',
      '0',
      '1.5',
      '300M',
      '1,500',
      '1e3',
      '50%',
      '$3',
      'dau',
      '2 GB',
      '1 day',
      '3 tweet/user/day',
      'qps',
      'MBB',
    ),
    fc.double({ noNaN: true }).map(String),
  ),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    fc
      .tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', ' '), tie('expr'))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('expr').map((e) => `(${e})`),
    tie('expr').map((e) => `-${e}`),
    fc
      .tuple(
        fc.constantFrom(
          'ceil',
          'floor',
          'round',
          'min',
          'max',
          'abs',
          'sqrt',
          'log',
          'log2',
          'log10',
          'servers',
          'shards',
          'cache_80_20',
          'nope',
        ),
        fc.array(tie('expr'), { maxLength: 4 }),
      )
      .map(([f, args]) => `${f}(${args.join(', ')})`),
  ),
}));

/** Long flat chains and deep nestings, where recursion would give out. */
export const extreme = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('+', '*', '/', '-', '^')).map(([n, op]) =>
    Array(n + 1)
      .fill('2')
      .join(op),
  ),
  fc.integer({ min: 1, max: 30_000 }).map((n) => `2${' s'.repeat(n)}`),
  fc
    .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('(', '-', '+', '$', 'abs(', '2^'))
    .map(([n, open]) => `${open.repeat(n)}1`),
  fc.integer({ min: 1, max: 30_000 }).map((n) => `1${'%'.repeat(n)}`),
  fc.integer({ min: 1, max: 10_000 }).map((n) => `${'('.repeat(n)}1${')'.repeat(n)}`),
);
