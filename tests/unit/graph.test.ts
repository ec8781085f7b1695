import { describe, expect, it } from 'vitest';
import { orderFigures } from '../../src/core/scenario/graph.js';

const deps = (entries: Array<[string, string[]]>) => new Map(entries);

/** Every figure comes after the figures it uses that are in the graph. */
function expectTopological(order: string[], graph: Map<string, string[]>) {
  const at = new Map(order.map((n, i) => [n, i]));
  expect(order).toHaveLength(graph.size);
  for (const [name, uses] of graph)
    for (const u of uses) if (graph.has(u)) expect(at.get(u)!).toBeLessThan(at.get(name)!);
}

describe('orderFigures', () => {
  it.each<[string, Array<[string, string[]]>, string[]]>([
    [
      'independent figures keep file order',
      [
        ['c', []],
        ['a', []],
        ['b', []],
      ],
      ['c', 'a', 'b'],
    ],
    [
      'a figure used later moves before its user',
      [
        ['total', ['per_day']],
        ['per_day', ['dau']],
        ['dau', []],
      ],
      ['dau', 'per_day', 'total'],
    ],
    [
      'names outside the graph (assumptions) are ignored',
      [
        ['qps', ['dau', 'rate']],
        ['peak', ['qps', 'factor']],
      ],
      ['qps', 'peak'],
    ],
    [
      'file order is kept wherever dependencies allow',
      [
        ['a', []],
        ['b', ['d']],
        ['c', []],
        ['d', []],
      ],
      ['a', 'd', 'b', 'c'],
    ],
    [
      'a diamond',
      [
        ['top', ['l', 'r']],
        ['l', ['base']],
        ['r', ['base']],
        ['base', []],
      ],
      ['base', 'l', 'r', 'top'],
    ],
  ])('%s', (_name, entries, order) => {
    const graph = deps(entries);
    const result = orderFigures(graph);
    expect(result).toEqual({ order });
    expectTopological(order, graph);
  });

  it.each<[string, Array<[string, string[]]>, string[]]>([
    ['a figure that uses itself', [['a', ['a']]], ['a', 'a']],
    [
      'two figures',
      [
        ['a', ['b']],
        ['b', ['a']],
      ],
      ['a', 'b', 'a'],
    ],
    [
      'three figures after a clean one',
      [
        ['x', []],
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
      ],
      ['a', 'b', 'c', 'a'],
    ],
    [
      'a circle reached through a tail',
      [
        ['t', ['a']],
        ['a', ['b']],
        ['b', ['a']],
      ],
      ['a', 'b', 'a'],
    ],
  ])('reports the cycle closed: %s', (_name, entries, cycle) => {
    expect(orderFigures(deps(entries))).toEqual({ cycle });
  });

  it('orders a 100,000-long chain without overflowing the stack', () => {
    const n = 100_000;
    // f0 uses f1, which uses f2, ...: the last in the file must come first.
    const graph = new Map<string, string[]>();
    for (let i = 0; i < n; i++) graph.set(`f${i}`, i + 1 < n ? [`f${i + 1}`] : []);
    const result = orderFigures(graph);
    expect('order' in result).toBe(true);
    const order = (result as { order: string[] }).order;
    expect(order).toHaveLength(n);
    expect(order[0]).toBe(`f${n - 1}`);
    expect(order[n - 1]).toBe('f0');
    expectTopological(order, graph);
  });

  it('finds the cycle closing a 100,000-long chain', () => {
    const n = 100_000;
    const graph = new Map<string, string[]>();
    for (let i = 0; i < n; i++) graph.set(`f${i}`, [`f${(i + 1) % n}`]);
    const result = orderFigures(graph);
    expect('cycle' in result).toBe(true);
    const cycle = (result as { cycle: string[] }).cycle;
    expect(cycle).toHaveLength(n + 1);
    expect(cycle[0]).toBe('f0');
    expect(cycle[n]).toBe('f0');
  });
});
