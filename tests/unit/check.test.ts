import { describe, expect, it } from 'vitest';
import { DiagnosticError, type Diagnostic } from '../../src/core/diagnostic.js';
import { checkFormula, type NameRef, type Scope } from '../../src/core/expr/check.js';
import { capacity } from '../../src/core/expr/functions.js';
import { compileCode, RUNTIME } from '../../src/core/expr/calls.js';
import { parseFormula } from '../../src/core/expr/parser.js';
import { Dimension } from '../../src/core/units/dimension.js';
import { UnitRegistry } from '../../src/core/units/registry.js';

const registry = UnitRegistry.create({ nouns: ['tweet'] });
const B = Dimension.base('B');
const S = Dimension.base('s');
const USER = Dimension.base('user');
const REQ = Dimension.base('request');
const DAY = 86400;

/** Figures of a small scenario, in base units: dau (user), size (B), rate (request/s), n (plain). */
const FIGURES: Record<string, NameRef & { value: number }> = {
  dau: { index: 0, dim: USER, value: 150e6 },
  size: { index: 1, dim: B, value: 2.5e9 },
  rate: { index: 2, dim: REQ.div(S), value: 3000 },
  n: { index: 3, dim: Dimension.none, value: 3 },
};
const VALUES = Float64Array.from(Object.values(FIGURES).map((f) => f.value));

function scope(extra: Partial<Scope> = {}): Scope {
  return { registry, lookup: (name) => FIGURES[name], names: () => Object.keys(FIGURES), ...extra };
}

/** The formula's value in base units, whether folded or compiled. */
function evaluate(text: string, extra: Partial<Scope> = {}): { value: number; dim: Dimension; folded: boolean } {
  const checked = checkFormula(parseFormula(text).expr, scope(extra));
  const value = checked.constant ?? compileCode(checked.code)(VALUES);
  return { value, dim: checked.dim, folded: checked.constant !== undefined };
}

function diagnose(text: string, extra: Partial<Scope> = {}): Diagnostic & { under: string } {
  try {
    checkFormula(parseFormula(text).expr, scope(extra));
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    const d = e.diagnostics[0]!;
    return { ...d, under: text.slice(d.span!.start, d.span!.end) };
  }
  throw new Error(`expected ${text} to be refused`);
}

function relClose(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

describe('checkFormula: values and dimensions', () => {
  it.each<[string, number, Dimension]>([
    ['2 * 3 GB', 6e9, B],
    ['1 GB + 500 MB', 1.5e9, B],
    ['1 GiB - 1 MiB', 1024 ** 3 - 1024 ** 2, B],
    ['1/2 day', 1 / (2 * DAY), S.pow(-1)!],
    [
      '2 tweet/user/day',
      2 / DAY,
      Dimension.of([
        ['tweet', 1],
        ['user', -1],
        ['s', -1],
      ]),
    ],
    ['50%', 0.5, Dimension.none],
    [
      '$0.02/GB',
      0.02 / 1e9,
      Dimension.of([
        ['USD', 1],
        ['B', -1],
      ]),
    ],
    ['-2^2', -4, Dimension.none],
    ['2^3^2', 512, Dimension.none],
    ['(1 GB)^2', 1e18, B.pow(2)!],
    ['GB^2 / MB', 1e12, B],
    ['(4 GB^2)^0.5', 2e9, B],
    ['sqrt(16)', 4, Dimension.none],
    ['sqrt(9 GB^2)', 3e9, B],
    ['sqrt(4 B^2/s^2)', 2, B.div(S)],
    ['abs(-3 s)', 3, S],
    ['log(8, 2)', 3, Dimension.none],
    ['log2(1024)', 10, Dimension.none],
    ['log10(1000)', 3, Dimension.none],
    ['log(1)', 0, Dimension.none],
    ['min(1 GB, 500 MB, 2 GB)', 5e8, B],
    ['max(1 hour, 59 min)', 3600, S],
    ['servers(10000 req/s, 3000 req/s/server)', 4, Dimension.base('server')],
    ['servers(10000 req/s, 5000 req/s/server, 50%, 1)', 5, Dimension.base('server')],
    ['shards(10 TB, 2 TB/shard)', 5, Dimension.base('shard')],
    ['cache_80_20(10 GB/day)', 2e9, B],
    ['cache_80_20(10 GB)', 2e9, B],
    ['100 qps * 1 day', 100 * DAY, REQ],
  ])('%s', (text, value, dim) => {
    const r = evaluate(text);
    relClose(r.value, value);
    expect(r.dim.key).toBe(dim.key);
    expect(r.folded).toBe(true);
  });

  it.each<[string, number, Dimension]>([
    [
      'dau * 2 tweet/user/day',
      (150e6 * 2) / DAY,
      Dimension.of([
        ['tweet', 1],
        ['s', -1],
      ]),
    ],
    ['size / dau', 2.5e9 / 150e6, B.div(USER)],
    ['rate * 1 day', 3000 * DAY, REQ],
    ['max(size, 3 GB)', 3e9, B],
    ['-size', -2.5e9, B],
    ['n^n', 27, Dimension.none],
  ])('%s uses figures: compiled, not folded', (text, value, dim) => {
    const r = evaluate(text);
    relClose(r.value, value);
    expect(r.dim.key).toBe(dim.key);
    expect(r.folded).toBe(false);
  });

  it('folds constant parts into literals in the code', () => {
    const checked = checkFormula(parseFormula('dau * (2 * 3 GB)').expr, scope());
    expect(checked.code).toBe('(r[0]*6000000000)');
    expect(checked.constant).toBeUndefined();
  });

  it('a figure named like a unit (qps) wins over the unit', () => {
    const r = checkFormula(parseFormula('qps * 2').expr, {
      registry,
      lookup: (name) => (name === 'qps' ? { index: 0, dim: Dimension.base('tweet') } : undefined),
    });
    expect(r.code).toBe('(r[0]*2)');
    expect(r.dim.key).toBe('tweet');
  });
});

describe('checkFormula: ceil, floor and round', () => {
  it.each<[string, number]>([
    ['ceil(0.1*3*10)', 3],
    ['floor(0.1*3*10)', 3],
    ['ceil(2.000000000001)', 2],
    ['ceil(2.01)', 3],
    ['floor(2.99)', 2],
    ['round(2.5)', 3],
    ['ceil(-1.5)', -1],
    // Without a declared unit, rounding is in base units (bytes).
    ['ceil(1.2 GB)', 1.2e9],
  ])('%s', (text, value) => {
    expect(evaluate(text).value).toBe(value);
  });

  it.each<[string, { factor: number; dim: Dimension }, number]>([
    ['ceil(1.2 GB)', { factor: 1e9, dim: B }, 2e9],
    ['floor(1.8 GB)', { factor: 1e9, dim: B }, 1e9],
    ['round(1.5 GB)', { factor: 1e9, dim: B }, 2e9],
    ['ceil(90 min)', { factor: 3600, dim: S }, 7200],
    ['ceil(size)', { factor: 1e9, dim: B }, 3e9],
    // 0.1 GB × 3 × 10 is 3.0000000000000004 GB: still 3 GB.
    ['ceil(0.1 GB * 3 * 10)', { factor: 1e9, dim: B }, 3e9],
    // The declared unit does not fit the argument: base units.
    ['ceil(1.2 GB / 1 s)', { factor: 3600, dim: S }, 1.2e9],
  ])('%s rounds in the declared unit', (text, roundIn, value) => {
    relClose(evaluate(text, { roundIn }).value, value);
  });

  it('RUNTIME.ceil forgives float noise only', () => {
    const [ceil, floor] = [RUNTIME.ceil!, RUNTIME.floor!];
    expect(ceil(0.1 * 3 * 10, 1)).toBe(3);
    expect(ceil(3 + 1e-6, 1)).toBe(4);
    expect(floor(3 - 1e-12, 1)).toBe(3);
    expect(capacity(0.3 * 10, 1, 0.1 * 10, 0)).toBe(3);
    // A real fraction of a large count is not noise.
    expect(floor(1e10 + 0.6, 1)).toBe(1e10);
    expect(ceil(1e10 + 0.4, 1)).toBe(1e10 + 1);
  });
});

describe('checkFormula: errors', () => {
  it.each<[string, string, string, RegExp]>([
    // [formula, code, text under the span, message]
    ['1 B + 2 request/s', 'unit-mismatch', '1 B + 2 request/s', /cannot add B and request\/s/],
    ['size + rate', 'unit-mismatch', 'size + rate', /cannot add B and request\/s/],
    // In the units written: `1 day`, not s (a figure without a unit is in base units).
    ['size - 1 day', 'unit-mismatch', 'size - 1 day', /cannot subtract B and day$/],
    ['1 + (2 GB - 1 s) * 3', 'unit-mismatch', '2 GB - 1 s', /cannot subtract/],
    ['2^(1 s)', 'unit-mismatch', '(1 s)', /exponent must be a plain number/],
    ['1 GB^n', 'unit-mismatch', 'n', /fixed power/],
    ['GB^0.5', 'unit-mismatch', 'GB^0.5', /no whole dimension/],
    // A power past 2^53 would round s * s^n / s^n back to no unit at all.
    ['s^9007199254740992 * s / s^9007199254740992 + 1', 'unit-mismatch', 's^9007199254740992', /no whole dimension/],
    ['1 B^65', 'unit-mismatch', 'B^65', /no whole dimension/],
    ['sqrt(4 B/s^2)', 'unit-mismatch', 'sqrt(4 B/s^2)', /square root of B\/s\^2/],
    ['sqrt(1 GB)', 'unit-mismatch', 'sqrt(1 GB)', /square root of B/],
    ['sqrt(size)', 'unit-mismatch', 'sqrt(size)', /square root of B/],
    ['log(8 B)', 'unit-mismatch', '8 B', /log needs a plain number/],
    ['log(8, 2 s)', 'unit-mismatch', '2 s', /log needs a plain number/],
    ['log2(size)', 'unit-mismatch', 'size', /log2 needs a plain number/],
    ['log10(1 day)', 'unit-mismatch', '1 day', /log10 needs a plain number/],
    ['max(1 GB, 2 s)', 'unit-mismatch', '2 s', /cannot take the max of GB and s$/],
    ['min(size, dau, 3 GB)', 'unit-mismatch', 'dau', /cannot take the min of B and user/],
    ['ceil(1, 2)', 'bad-argument', 'ceil(1, 2)', /ceil takes 1 argument, not 2/],
    ['min()', 'bad-argument', 'min()', /min takes 1 or more arguments, not 0/],
    ['log(1, 2, 3)', 'bad-argument', 'log(1, 2, 3)', /log takes 1 or 2 arguments, not 3/],
    ['servers(1 GB, 2 s)', 'unit-mismatch', 'servers(1 GB, 2 s)', /not a count/],
    ['cache_80_20(3 s)', 'unit-mismatch', '3 s', /volume of data/],
    ['1/0', 'not-finite', '1/0', /not a finite number/],
    ['2 + 0/0', 'not-finite', '0/0', /not a finite number/],
    ['log(0)', 'not-finite', 'log(0)', /not a finite number/],
    ['10^400', 'not-finite', '10^400', /not a finite number/],
    ['1 GB / (1 s - 1 s)', 'not-finite', '1 GB / (1 s - 1 s)', /not a finite number/],
    ['dua * 2', 'unknown-name', 'dua', /unknown name `dua`/],
    ['3 MBB', 'unknown-unit', 'MBB', /unknown unit `MBB`/],
    ['5 Mibps', 'unknown-unit', 'Mibps', /unknown unit `Mibps`/],
  ])('%s', (text, code, under, message) => {
    const d = diagnose(text);
    expect(d.code).toBe(code);
    expect(d.message).toMatch(message);
    expect(d.under).toBe(under);
  });

  it.each<[string, string]>([
    ['dua * 2', 'did you mean `dau`?'],
    ['3 MBB', 'did you mean `MB`?'],
    ['3 gib', 'did you mean `GiB`?'],
    ['3 MIB', 'did you mean `MiB`?'],
    ['size * 2 tweeet', 'did you mean `tweet`?'],
  ])('%s hints %s', (text, hint) => {
    expect(diagnose(text).hint).toBe(hint);
  });

  it('the mismatch hint names both sides', () => {
    expect(diagnose('size + rate').hint).toBe(
      'left: `size` is B; right: `rate` is request/s. Both sides must have the same dimension',
    );
  });

  it('a quantity (no lookup) calls unknown words units', () => {
    const d = (() => {
      try {
        checkFormula(parseFormula('3 zorks').expr, { registry });
      } catch (e) {
        return (e as DiagnosticError).diagnostics[0]!;
      }
      throw new Error('expected an error');
    })();
    expect(d.code).toBe('unknown-unit');
    expect(d.hint).toMatch(/nouns:/);
  });

  it('forbidden names give their reason', () => {
    const d = diagnose('2 * dau', {
      lookup: () => undefined,
      forbidden: (n) => (n === 'dau' ? 'not here' : undefined),
    });
    expect(d.code).toBe('unknown-name');
    expect(d.message).toBe('not here');
    expect(d.under).toBe('dau');
  });
});
