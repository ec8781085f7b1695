import { describe, expect, it } from 'vitest';
import { formatDisplay, formatValue, scaled, threeDigits } from '../../src/render/number.js';

describe('formatValue', () => {
  it.each<[number, string]>([
    [0, '0'],
    [7, '7'],
    [1500, '1,500'],
    [150_000_000, '150,000,000'],
    [54.75, '54.75'],
    [3472.2222, '3,472.22'],
    [123_456_789.123, '123,457,000'],
    [-0.5, '-0.5'],
    [-1234567, '-1,234,567'],
    [0.0001, '0.0001'],
    [0.00001, '1e-5'],
    [0.000012346, '1.235e-5'],
    [1e21, '1e+21'],
    [2.5e22, '2.5e+22'],
    [1e20, '100,000,000,000,000,000,000'],
  ])('%d', (x, text) => {
    expect(formatValue(x)).toBe(text);
  });
});

describe('threeDigits', () => {
  it.each<[number, string]>([
    [3.4721, '3.47'],
    [54.75, '54.8'],
    [30, '30'],
    [0.5, '0.5'],
    [999.5, '1000'],
    [31_700_000, '31,700,000'],
    [2e15, '2e+15'],
    [-1234, '-1230'],
    [0.000123456, '0.000123'],
    [0.00001, '1e-5'],
    [1e21, '1e+21'],
    [0, '0'],
  ])('%d', (x, text) => {
    expect(threeDigits(x)).toBe(text);
  });
});

describe('scaled', () => {
  it.each<[number, string]>([
    [7, '7'],
    [999, '999'],
    [1000, '1 K'],
    [3472, '3.47 K'],
    [150_000, '150 K'],
    [999_499, '999 K'],
    [999_500, '1 M'],
    [2.5e9, '2.5 bn'],
    [3e12, '3 T'],
    [-2500, '-2.5 K'],
    [0.5, '0.5'],
  ])('%d', (x, text) => {
    expect(scaled(x)).toBe(text);
  });
});

describe('formatDisplay', () => {
  it.each<[number, string, string]>([
    [54.75, 'PB', '54.8 PB'],
    [30, 'TB/day', '30 TB/day'],
    [3472.2, 'tweet/s', '3.47 K tweet/s'],
    [150e6, 'user', '150 M user'],
    [2e15, 'user', '2e+15 user'],
    [0.5, 'GiB', '512 MiB'],
    [2048, 'KiB', '2 MiB'],
    [1, 'KiB', '1 KiB'],
    [1, 'KiB/s', '1 KiB/s'],
    [1023.9, 'MiB', '1 GiB'],
    [1000, 'MiB', '1000 MiB'],
    [1000, 'KB', '1 MB'],
    [1500, 'kB', '1.5 MB'],
    [0.999, 'kB', '999 B'],
    [999.6, 'B', '1 kB'],
    [0.0025, 'TB/day', '2.5 GB/day'],
    [125, 'Mbps', '125 Mbps'],
    [1000, 'Mbps', '1 Gbps'],
    [8000, 'bit', '8 kbit'],
    [0.5, 'Kibit', '512 bit'],
    [-5, 'MB', '-5 MB'],
    [0, 'MB', '0 B'],
    [90, 's', '1.5 min'],
    [3600, 's', '1 hour'],
    [0.25, 'ms', '250 us'],
    [48, 'hour', '2 day'],
    [730, 'day', '2 year'],
    [1.5, 'year', '1.5 year'],
    [0, 's', '0 s'],
    [2, 'week', '2 week'],
    [0.5, '', '0.5'],
    [12_000, '', '12 K'],
    [5e-5, 'tweet/s', '5e-5 tweet/s'],
  ])('%d %s', (value, unit, text) => {
    expect(formatDisplay(value, unit)).toBe(text);
  });

  it.each<[number, string, RegExp]>([
    // Re-prefixed within the unit's own family: SI stays SI, IEC stays IEC.
    [1536, 'MB', / (GB|MB)$/],
    [1536, 'MiB', / (GiB|MiB)$/],
    [1e6, 'KiB', /iB$/],
    [1e6, 'kB', / [kMGTPE]?B$/],
    [5e6, 'Kbps', / [kMGT]?bps$/],
  ])('%d %s stays in its family', (value, unit, family) => {
    expect(formatDisplay(value, unit)).toMatch(family);
  });

  it('never shows K as a byte prefix, always k', () => {
    expect(formatDisplay(5, 'KB')).toBe('5 kB');
    expect(formatDisplay(5000, 'B')).toBe('5 kB');
  });
});

describe("formatDisplay by a scenario's conventions", () => {
  // seeds/003 takes a day as 100,000 s; say a year of 360 such days.
  const conventions = { day: 100_000, month: 3_000_000, year: 36_000_000 };

  it('shows a duration in days and years of the scenario, so that it reads back the same', () => {
    expect(formatDisplay(30, 'hour', conventions)).toBe('1.08 day'); // 108,000 s / 100,000 s
    expect(formatDisplay(365, 'day', conventions)).toBe('1.01 year'); // 365 / 360
    expect(formatDisplay(30, 'hour')).toBe('1.25 day'); // the default 86,400 s day
  });
});
