import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareExpectations } from '../../src/core/scenario/checks.js';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import { evaluateModel } from '../../src/core/scenario/run.js';
import { CAPACITY } from '../../src/core/reference/capacity.js';
import { buildReport, byId, originLabel, priceLine, resultGroups } from '../../src/render/report.js';
import { wrapText } from '../../src/render/wrap.js';
import { ROOT } from '../helpers/run-bote.js';

function report(text: string, settings: Record<string, string> = {}) {
  const r = compileScenario(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  const values = evaluateModel(r.value);
  if (!values.ok) throw new Error('evaluation failed');
  return buildReport(
    r.value,
    values.value,
    compareExpectations(r.value, values.value),
    new Map(Object.entries(settings)),
  );
}

describe('resultGroups: the results by section', () => {
  it('is undefined when every result is in other: a reference table stays one list', () => {
    expect(resultGroups(report('assumptions:\n  a: 2\nderived:\n  x: a * 2\n'))).toBeUndefined();
  });

  it('gives the six sections in order, then other; an empty one carries its reason or the default line', () => {
    const groups = resultGroups(
      report(
        [
          'assumptions:',
          '  rate: 10 request/s',
          '  size: 1 KB/request',
          'derived:',
          '  ratio: { expr: rate / (1 request/s) }',
          '  out: { expr: rate * size, unit: Mbps }',
          '  qps: { expr: rate, unit: request/s }',
          'omitted:',
          '  storage: nothing is kept',
          '',
        ].join('\n'),
      ),
    )!;
    expect(groups.map((g) => g.section)).toEqual([
      'traffic',
      'storage',
      'bandwidth',
      'cache',
      'servers',
      'cost',
      'other',
    ]);
    expect(groups.map((g) => g.rows.map((r) => r.name))).toEqual([['qps'], [], ['out'], [], [], [], ['ratio']]);
    expect(groups.map((g) => g.empty)).toEqual([
      undefined,
      'nothing is kept',
      undefined,
      'not estimated by this scenario',
      'not estimated by this scenario',
      'not estimated by this scenario',
      undefined,
    ]);
  });
});

describe('the prices behind the cost section', () => {
  const url = readFileSync(join(ROOT, 'scenarios', 'url-shortener.yaml'), 'utf8');

  it('names the rows of every price a cost uses, with their dates, P1 before P4 before P7', () => {
    const r = report(url);
    expect(r.prices).toEqual({
      refs: [
        { id: 'P1', date: '2022-07-07' },
        { id: 'P4', date: '2026' },
        { id: 'P7', date: '2026-06-17' },
      ],
      stated: [],
      set: [],
    });
    expect(priceLine(r.prices!)).toBe('prices as of 2022-07-07, 2026, 2026-06-17 (bote ref capacity P1, P4, P7)');
  });

  it('says which prices the source states, and which were set', () => {
    const r = report(url, { egress_price: '$0.05/GB' });
    expect(priceLine(r.prices!)).toBe(
      'prices as of 2022-07-07, 2026-06-17 (bote ref capacity P1, P7); egress_price set with --set',
    );
    const yt = report(readFileSync(join(ROOT, 'scenarios', 'youtube.yaml'), 'utf8'));
    expect(priceLine(yt.prices!)).toBe(
      'prices as of 2022-07-07, 2026-06-17 (bote ref capacity P1, P7); cdn_price as the source states it',
    );
  });

  it('is absent without a cost figure', () => {
    expect(report('assumptions:\n  a: $2\nderived:\n  x: { expr: a * 2, section: other }\n').prices).toBeUndefined();
  });
});

describe('originLabel', () => {
  it('marks stated, default (row), default, and set', () => {
    const r = report(readFileSync(join(ROOT, 'scenarios', 'url-shortener.yaml'), 'utf8'), { replicas: '2' });
    const label = (name: string) => originLabel(r.assumptions.find((a) => a.name === name)!);
    expect([label('url_size'), label('peak_factor'), label('spares'), label('replicas')]).toEqual([
      'stated',
      'default (M9)',
      'default',
      'set',
    ]);
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width, indenting the lines after the first', () => {
    expect(wrapText('aaa bbb ccc ddd', 8, '  ')).toEqual(['aaa bbb', '  ccc', '  ddd']);
    expect(wrapText('short', 80)).toEqual(['short']);
    expect(wrapText('a  b', Infinity)).toEqual(['a  b']);
  });

  it('keeps a word longer than the width whole, on its own line', () => {
    expect(wrapText('x https://example.com/a/very/long/path y', 10)).toEqual([
      'x',
      'https://example.com/a/very/long/path',
      'y',
    ]);
  });
});

describe('the order of capacity rows in a price line', () => {
  it('is the order of localeCompare with numeric collation, for every row', () => {
    const ids = CAPACITY.map((r) => r.id).reverse();
    expect([...ids].sort(byId)).toEqual([...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(['P10', 'P4', 'P1', 'H8'].sort(byId)).toEqual(['H8', 'P1', 'P4', 'P10']);
  });
});
