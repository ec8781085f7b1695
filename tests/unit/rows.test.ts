import { describe, expect, it } from 'vitest';
import { renderRows } from '../../src/render/rows.js';
import { parseCsv } from '../helpers/csv.js';

const csv = (cells: Array<string | number | null>) =>
  renderRows('csv', { columns: cells.map((_, i) => `c${i}`), rows: [cells] });

describe('CSV cells', () => {
  it('writes numbers as they are, negative ones too', () => {
    expect(parseCsv(csv([-1.5, 0, 3e21]))[1]).toEqual(['-1.5', '0', '3e+21']);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1+HYPERLINK("http://evil","x")', '\'-1+HYPERLINK("http://evil","x")'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('text a spreadsheet would run, %j, gets a leading apostrophe', (text, cell) => {
    expect(parseCsv(csv([text]))[1]).toEqual([cell]);
  });

  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(parseCsv(csv(['a,b', 'say "hi"', 'two\nlines', '2 MB/tweet', null]))[1]).toEqual([
      'a,b',
      'say "hi"',
      'two\nlines',
      '2 MB/tweet',
      '',
    ]);
  });
});

describe('Markdown cells', () => {
  it('escapes pipes, flattens line breaks and groups numbers', () => {
    const text = renderRows('markdown', {
      columns: ['a', 'b'],
      rows: [
        ['x|y', 1234567],
        ['one\r\ntwo\rthree', null],
      ],
    });
    expect(text.split('\n')).toEqual([
      '| a | b |',
      '| --- | --- |',
      '| x\\|y | 1,234,567 |',
      '| one two three |  |',
      '',
    ]);
  });
});
