import { describe, expect, it } from 'vitest';
import { didYouMean, distance } from '../../src/core/suggest.js';

describe('didYouMean', () => {
  const figures = ['dau', 'mau', 'qps', 'peak_qps', 'storage_total', 'media_size'];

  it.each<[string, string[], string | undefined]>([
    ['dua', figures, 'dau'],
    ['DAU', figures, 'dau'],
    ['peak_qsp', figures, 'peak_qps'],
    ['storage_totl', figures, 'storage_total'],
    ['media_sise', figures, 'media_size'],
    ['MBB', ['MB', 'GB', 'B'], 'MB'],
    ['gib', ['GB', 'GiB', 'Gib2'], 'GiB'],
    ['asumptions', ['name', 'assumptions', 'derived'], 'assumptions'],
    // Too far: more than a third of the input's length.
    ['xyz', figures, undefined],
    ['storage', figures, undefined],
    // Too short to guess at, except for case.
    ['q', ['qps', 'a'], undefined],
    ['x', [], undefined],
    ['anything', [], undefined],
  ])('%s', (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });

  it('a case-only difference wins over a closer-looking candidate', () => {
    expect(didYouMean('mb', ['mbb', 'MB'])).toBe('MB');
  });

  it('an exact match is the closest candidate', () => {
    expect(didYouMean('dau', ['dau'])).toBe('dau');
    expect(didYouMean('xyzw', ['xyzw', 'abcd'])).toBe('xyzw');
  });

  it('accepts any iterable', () => {
    expect(didYouMean('dua', new Set(['dau'])[Symbol.iterator]())).toBe('dau');
  });
});

describe('distance (optimal string alignment)', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['dau', 'dua', 1],
    ['ab', 'ba', 1],
    ['ca', 'abc', 3],
    ['flaw', 'lawn', 2],
    ['same', 'same', 0],
  ])('%s → %s', (a, b, d) => {
    expect(distance(a, b)).toBe(d);
    expect(distance(b, a)).toBe(d);
  });
});
