/**
 * `npm run fuzz -- [--minutes N] [--seed S] [--out DIR]`: mutates every
 * built-in scenario, seeded, and runs the commands that compute on each
 * mutant, in process, checking the invariant every output must hold
 * (tests/helpers/invariant.ts). Runs for the time given (1 minute by
 * default), then prints how many cases ran and which failed; each failure's
 * file and command are kept in DIR. Not part of `npm test`: it takes minutes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../src/core/analysis/random.js';
import { brokenInvariant } from '../tests/helpers/invariant.js';
import { runInProcess } from '../tests/helpers/in-process.js';
import { ROOT } from '../tests/helpers/run-bote.js';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const minutes = Number(flag('minutes', '1'));
const seed = Number(flag('seed', '1'));
const out = flag('out', join(tmpdir(), `bote-fuzz-${seed}`));
const random = mulberry32(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random.uniform() * xs.length)]!;
const chance = (p: number) => random.uniform() < p;

const scenarios = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: f, text: readFileSync(join(ROOT, 'scenarios', f), 'utf8') }));

const EXTREMES = [
  '0',
  '-1',
  '1e308',
  '1.7976931348623157e308',
  '-1e308',
  '5e-324',
  '1e-300',
  '1e16',
  '150%',
  '-50%',
  '0%',
];
const UNITS = ['B', 'GB', 'TB/day', 'req/s', 'user', 'day', 'year', 'ms', 'bit', '%', 'server', 'req/s/server'];
const NASTY = [
  '\u001b[2J',
  '\u0007',
  '\u202e',
  '\r',
  '\t',
  '"',
  "'",
  '{',
  '[',
  '#',
  ': ',
  '*a',
  '&a',
  '!!str',
  '\\',
  '',
];
const OPS = ['+', '-', '*', '/', '^'];

/** One mutation of a scenario's text: a number, a unit, an operator, a line, a character. */
function mutate(text: string): string {
  const lines = text.split('\n');
  const at = Math.floor(random.uniform() * lines.length);
  const line = lines[at]!;
  switch (Math.floor(random.uniform() * 9)) {
    case 0: // a number made extreme
      lines[at] = line.replace(/\d+(\.\d+)?/, pick(EXTREMES));
      break;
    case 1: // a unit swapped
      lines[at] = line.replace(/\b(B|KB|MB|GB|TB|PB|day|year|s|ms|user|server|shard|tweet|request)\b/, pick(UNITS));
      break;
    case 2: // an operator swapped
      lines[at] = line.replace(/ [-+*/] /, ` ${pick(OPS)} `);
      break;
    case 3: // a line dropped
      lines.splice(at, 1);
      break;
    case 4: // a line repeated
      lines.splice(at, 0, line);
      break;
    case 5: {
      // a character put in
      const i = Math.floor(random.uniform() * (line.length + 1));
      lines[at] = line.slice(0, i) + pick(NASTY) + line.slice(i);
      break;
    }
    case 6: // a value made a range
      lines[at] = line.replace(/value: ([^,}]+)/, (_, v: string) => `value: ${pick(EXTREMES)} to ${v.trim()}`);
      break;
    case 7: // a formula wrapped in a building block
      lines[at] = line.replace(
        /expr: ([^,}]+)/,
        (_, e: string) => `expr: "servers(${e.trim()}, ${pick(EXTREMES)} req/s/server)"`,
      );
      break;
    default: // text cut short
      return text.slice(0, Math.floor(random.uniform() * text.length));
  }
  return lines.join('\n');
}

const assumptionNames = (text: string) => [...text.matchAll(/^ {2}([a-z_][a-z0-9_]*):/gm)].map((m) => m[1]!);

/** A command to run on a mutant, with names taken from the original (they may no longer exist: that is fine). */
function command(path: string, names: string[]): string[] {
  const name = names.length ? pick(names) : 'x';
  const sets = chance(0.4) ? ['--set', `${pick(names.length ? names : ['x'])}=${pick(EXTREMES)}`] : [];
  const seedArgs = ['--seed', String(Math.floor(random.uniform() * 1000))];
  switch (Math.floor(random.uniform() * 9)) {
    case 0:
      return ['estimate', path, ...sets, ...seedArgs, '--samples', '500'];
    case 1:
      return ['estimate', path, ...sets, ...seedArgs, '--samples', '500', '--json'];
    case 2:
      return ['estimate', path, ...sets, ...seedArgs, '--samples', '500', '--format', pick(['csv', 'markdown'])];
    case 3:
      return ['explain', path, name, ...sets, ...(chance(0.5) ? ['--mental'] : [])];
    case 4:
      return ['sensitivity', path, name, ...sets, ...seedArgs, '--samples', '300', '--json'];
    case 5:
      return [
        'sweep',
        path,
        '--vary',
        `${name}=${pick(EXTREMES)}..${pick(EXTREMES)}`,
        '--show',
        pick(names),
        '--steps',
        '5',
        ...sets,
      ];
    case 6:
      return ['check', path];
    case 7:
      return ['validate', path];
    default:
      return ['estimate', path, ...sets, '--mental', ...seedArgs, '--samples', '200'];
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'bote-fuzz-work-'));
  mkdirSync(out, { recursive: true });
  const end = Date.now() + minutes * 60_000;
  let cases = 0;
  let failures = 0;
  const kinds = new Map<string, number>();
  try {
    while (Date.now() < end) {
      const base = scenarios[cases % scenarios.length]!;
      let text = base.text;
      for (let k = 1 + Math.floor(random.uniform() * 3); k > 0; k--) text = mutate(text);
      const path = join(work, base.file);
      writeFileSync(path, text);
      const args = command(path, assumptionNames(base.text));
      const r = await runInProcess(args, { cwd: work });
      cases++;
      const broken = brokenInvariant(args, r);
      if (!broken) continue;
      failures++;
      const kind = broken.replace(/:.*/s, '');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const name = `failure-${failures}`;
      writeFileSync(join(out, `${name}.yaml`), text);
      writeFileSync(
        join(out, `${name}.txt`),
        `${broken}\nbote ${args.map((a) => (a === path ? `${name}.yaml` : JSON.stringify(a))).join(' ')}\nexit ${r.code}\n--- stdout\n${r.stdout.slice(0, 4000)}\n--- stderr\n${r.stderr.slice(0, 4000)}\n`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(
    `fuzz: seed ${seed}, ${minutes} min, ${scenarios.length} built-in scenarios mutated: ${cases} cases, ${failures} failures${
      failures ? ` (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}; kept in ${out})` : ''
    }\n`,
  );
  process.exitCode = failures ? 1 : 0;
}

await main();
