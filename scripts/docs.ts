// The parts of the docs that are read off the units and functions tables:
// `npm run docs` writes them between their markers, and
// tests/unit/docs-generated.test.ts fails when one is stale.
import { arityOf } from '../src/core/expr/calls.js';
import { FUNCTIONS, type FunctionDef } from '../src/core/expr/functions.js';
import { IEC_PREFIXES, PREFIX_FAMILIES, SI_PREFIXES, UNITS, type UnitEntry } from '../src/core/units/table.js';

const code = (s: string) => `\`${s}\``;
const list = (xs: readonly string[]) => xs.map(code).join(', ');

function defined(u: UnitEntry): string {
  if (u.base === 'unit') return 'base unit';
  if (u.base === 'noun') return 'count noun';
  const is = code(u.is ?? '');
  if (u.calendar) return `${is}, or as the scenario's \`conventions:\` restate it`;
  return u.number ? `${is} (a plain number)` : is;
}

function prefixed(u: UnitEntry): string {
  if (!u.prefixes) return '';
  const { family, symbols, words } = u.prefixes;
  const forms = (ps: readonly { symbol: string }[]) =>
    `${list(ps.slice(0, 2).map((p) => `${p.symbol}${u.name}`))}… ${code(`${ps.at(-1)!.symbol}${u.name}`)}`;
  const hasIec = PREFIX_FAMILIES[family].includes(IEC_PREFIXES[0]!);
  const firsts = [SI_PREFIXES[0]!, ...(hasIec ? [IEC_PREFIXES[0]!] : [])];
  const spelled = words?.length ? `; ${list(firsts.map((p) => `${p.word}${words[0]}`))}…` : '';
  // `Mb` is a megabit, written back as Mbit; `MB` a megabyte.
  const alias = symbols
    .filter((s) => s !== u.name)
    .map((s) => `; ${code(`M${s}`)} is ${code(`M${u.name}`)}`)
    .join('');
  const iec = hasIec ? `, IEC ${forms(IEC_PREFIXES)}` : '';
  return `SI ${forms(SI_PREFIXES.filter((p) => p.shown !== false))}${iec}${alias}${spelled}`;
}

const LADDER_WORDS = { duration: 'on the duration ladder', length: 'on the length ladder' } as const;

/** docs/units.md: every unit of the table, one row each. */
export function unitsSection(): string {
  const rows = UNITS.map((u) => {
    const shown = u.ladder
      ? LADDER_WORDS[u.ladder]
      : u.prefixes
        ? 're-prefixed in its family'
        : u.number
          ? 'as a number'
          : 'with a scale (150 M)';
    return `| ${code(u.name)} | ${list(u.spellings ?? [])} | ${defined(u)} | ${prefixed(u)} | ${shown} |`;
  });
  const prefixes = (ps: readonly { symbol: string; factor: number }[]) =>
    ps.map((p) => `${code(p.symbol)} ${p.factor.toExponential().replace('e+', 'e')}`).join(', ');
  return [
    '| unit | also written | is | prefixes | shown |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `SI prefixes: ${prefixes(SI_PREFIXES)}. IEC prefixes: ${IEC_PREFIXES.map((p) => `${code(p.symbol)} 2^${Math.log2(p.factor)}`).join(', ')}.`,
    `Attached to a number: ${list(UNITS.filter((u) => u.number === 'suffix').flatMap((u) => u.spellings ?? []))} (\`300k\`, \`2bn\`).`,
  ].join('\n');
}

function signature(f: FunctionDef): string {
  const params = f.params.map((p) =>
    p.default !== undefined ? `${p.name} = ${p.default}` : p.optional && !f.variadic ? `${p.name}?` : p.name,
  );
  return `${f.name}(${params.join(', ')}${f.variadic ? ', ...' : ''})`;
}

/** docs/units.md: every function of the table, with its one line and its example. */
export function functionsSection(): string {
  const rows = FUNCTIONS.map((f) => {
    const [min, max] = arityOf(f);
    const args = min === max ? `${min}` : max === Infinity ? `${min} or more` : `${min} to ${max}`;
    return `| ${code(signature(f))} | ${f.doc} | ${args} | ${code(f.example.formula)} is ${f.example.answer} |`;
  });
  return ['| function | does | arguments | example |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** README.md and docs/scenarios.md: the names, in a sentence. */
export function functionNames(): string {
  return code(FUNCTIONS.map((f) => f.name).join(' '));
}

/** Each generated part: the file it is in, its marker name, its text. */
export const GENERATED: ReadonlyArray<{ file: string; name: string; text: () => string }> = [
  { file: 'docs/units.md', name: 'units', text: unitsSection },
  { file: 'docs/units.md', name: 'functions', text: functionsSection },
  { file: 'README.md', name: 'function names', text: functionNames },
  { file: 'docs/scenarios.md', name: 'function names', text: functionNames },
];

/**
 * `text` with the part between `<!-- generated: NAME -->` and
 * `<!-- /generated -->` replaced by `content`; a block part (on lines of its
 * own) stays on lines of its own, an inline one inline. Throws without the markers.
 */
export function withGenerated(text: string, name: string, content: string): string {
  const open = `<!-- generated: ${name} (npm run docs) -->`;
  const close = '<!-- /generated -->';
  const start = text.indexOf(open);
  const end = start < 0 ? -1 : text.indexOf(close, start);
  if (start < 0 || end < 0) throw new Error(`no markers for "${name}": ${open} ... ${close}`);
  const block = text[start + open.length] === '\n';
  const inner = block ? `\n${content}\n` : content;
  return text.slice(0, start + open.length) + inner + text.slice(end);
}
