import { readdirSync, readFileSync } from 'node:fs';
import { CAPACITY, capacityRow, findCapacity } from '../../src/core/reference/capacity.js';
import { compileScenario } from '../../src/core/scenario/compile-text.js';
import { parseQuantity } from '../../src/core/expr/quantity.js';
import { UnitRegistry } from '../../src/core/units/registry.js';
import { describe, expect, it } from 'vitest';
import { availabilityRow, availabilityTable, parseAvailability } from '../../src/core/reference/availability.js';
import { findLatency, LATENCY_NUMBERS } from '../../src/core/reference/latency.js';
import { parsePower, powerRow, powersTable } from '../../src/core/reference/powers.js';
import { formatDowntime, logBar } from '../../src/render/reference.js';

// Independent arithmetic: a 365-day year, month = year/12.
const DAY = 24 * 60 * 60;
const YEAR = 365 * DAY;

/** Equal to one part in 10^9: the test's own 1 - 0.9995 carries binary noise. */
function expectClose(actual: number, expected: number) {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(1e-9);
}

describe('availability', () => {
  it('99.99% of a 365-day year is 52.56 minutes, not the 52.60 of 365.25-day copies', () => {
    const row = availabilityRow(0.9999);
    expect(row.downtime.year / 60).toBeCloseTo(52.56, 10);
    expect((0.0001 * 365.25 * DAY) / 60).toBeCloseTo(52.596, 3);
    expect(formatDowntime(row.downtime.year)).toBe('52.56 min');
  });

  it('computes day, week, month and year for every listed target', () => {
    const rows = availabilityTable();
    expect(rows.map((r) => r.percent)).toEqual(['99%', '99.9%', '99.95%', '99.99%', '99.999%', '99.9999%']);
    for (const r of rows) {
      const down = 1 - r.availability;
      expectClose(r.downtime.day, down * DAY);
      expectClose(r.downtime.week, down * 7 * DAY);
      expectClose(r.downtime.month, (down * YEAR) / 12);
      expectClose(r.downtime.year, down * YEAR);
    }
  });

  it('gives the figures of the usual table in a 365-day year', () => {
    const [p99, p999, , , p99999, p999999] = availabilityTable();
    expect(p99!.downtime.day).toBe(14.4 * 60);
    expect(p99!.downtime.year).toBe(3.65 * DAY);
    expect(p999!.downtime.year).toBe(8.76 * 3600);
    expect(p99999!.downtime.day).toBe(0.864);
    expect(p999999!.downtime.year).toBe(31.536);
  });

  it('counts nines the way SLAs do, and none for other targets', () => {
    expect(availabilityTable().map((r) => r.nines)).toEqual([2, 3, 3.5, 4, 5, 6]);
    expect(availabilityRow(0.997).nines).toBeNull();
    expect(availabilityRow(1).nines).toBeNull();
    expect(availabilityRow(1).downtime.year).toBe(0);
  });

  it.each([
    ['99.95%', 0.9995],
    ['99.95', 0.9995],
    ['0.9995', 0.9995],
    [' 99.95 % ', 0.9995],
    ['3 nines', 0.999],
    ['three nines', 0.999],
    ['Four Nines', 0.9999],
    ['1 nine', 0.9],
    ['3.5 nines', 0.9995],
    ['4.5 nines', 0.99995],
    ['three and a half nines', 0.9995],
    ['100%', 1],
    ['1', 1],
    ['0', 0],
    ['50%', 0.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseAvailability(text)).toEqual({ ok: true, value });
  });

  it.each(['101%', '100.5', '-1', '-0.5%', 'high', '', '99.9.9', '0 nines', 'ten nines', '3.3 nines'])(
    'rejects %j',
    (text) => {
      expect(parseAvailability(text).ok).toBe(false);
    },
  );
});

describe('powers of two', () => {
  it('lists 2^8, 2^16, 2^32 and every tenth power to 2^60', () => {
    expect(powersTable().map((r) => r.power)).toEqual([8, 10, 16, 20, 30, 32, 40, 50, 60]);
  });

  it('gives exact digits beyond 2^53', () => {
    expect(powerRow(60).exact).toBe('1152921504606846976');
    expect(powerRow(32).exact).toBe(String(4294967296));
    expect(powerRow(60).value).toBe(1024 ** 6);
  });

  it('names IEC sizes next to the SI ones they are confused with', () => {
    expect(powerRow(10)).toMatchObject({ iec: '1 KiB', si: '1 KB', approximateText: '~1 thousand', approximate: 1000 });
    expect(powerRow(32)).toMatchObject({ iec: '4 GiB', si: '4 GB', approximateText: '~4 billion' });
    expect(powerRow(50)).toMatchObject({ iec: '1 PiB', si: '1 PB', approximateText: '~1 quadrillion' });
    expect(powerRow(8)).toMatchObject({ iec: '256 B', si: '256 B', approximateText: '256', iecLargerBy: 0 });
  });

  it('measures the gap as 1.024^k - 1', () => {
    expect(powerRow(30).iecLargerBy).toBeCloseTo(1.024 ** 3 - 1, 12);
    expect(powerRow(60).iecLargerBy).toBeCloseTo(1.024 ** 6 - 1, 12);
  });

  it.each([
    ['32', 32],
    ['2^32', 32],
    ['2**16', 16],
    ['0', 0],
    ['89', 89],
  ])('reads %j', (text, power) => {
    expect(parsePower(text)).toBe(power);
  });

  it.each(['90', '-1', 'x', '2^', '3^4'])('rejects %j', (text) => {
    expect(parsePower(text)).toBeUndefined();
  });
});

describe('latency numbers', () => {
  const seconds = (name: string) => LATENCY_NUMBERS.find((r) => r.name === name)!.seconds;

  it('holds the figures of the book, and the SSD rows of the primer', () => {
    expect(LATENCY_NUMBERS).toHaveLength(15);
    expect(seconds('Read 4 KB randomly from SSD')).toBe(150e-6);
    expect(seconds('Read 1 MB sequentially from SSD')).toBe(1e-3);
    expect(seconds('L1 cache reference')).toBe(0.5e-9);
    expect(seconds('Read 1 MB sequentially from disk')).toBe(30e-3);
    expect(seconds('Send packet CA to Netherlands to CA')).toBe(150e-3);
  });

  it.each([
    ['read 1 MB from disk', 'Read 1 MB sequentially from disk'],
    ['DISK SEEK', 'Disk seek'],
    ['seek disk', 'Disk seek'],
    ['L1', 'L1 cache reference'],
    ['memory 1 MB', 'Read 1 MB sequentially from memory'],
    ['1MB memory', 'Read 1 MB sequentially from memory'],
    ['main memroy', 'Main memory reference'],
    ['mutex', 'Mutex lock/unlock'],
    ['round trip datacenter', 'Round trip within the same datacenter'],
    ['california netherlands', 'Send packet CA to Netherlands to CA'],
    ['compress 1 KB', 'Compress 1K bytes with Zippy'],
    ['branch', 'Branch mispredict'],
    ['ssd random read', 'Read 4 KB randomly from SSD'],
    ['1 MB ssd', 'Read 1 MB sequentially from SSD'],
  ])('finds %j', (query, name) => {
    expect(findLatency(query).matches.map((r) => r.name)).toEqual([name]);
  });

  it('returns every row of a tie', () => {
    expect(findLatency('1 MB').matches).toHaveLength(4);
  });

  it('suggests three names when nothing matches', () => {
    const result = findLatency('quantum teleport');
    expect(result.matches).toEqual([]);
    expect(result.suggestions).toHaveLength(3);
  });

  it('draws bars proportional to log10(time), visible at 0.5 ns', () => {
    const cells = (s: string) => [...s].length;
    expect(cells(logBar(0.5e-9))).toBeGreaterThanOrEqual(3);
    expect(logBar(1e-9)).toBe('████');
    expect(logBar(1)).toBe('█'.repeat(40));
    expect(cells(logBar(150e-3))).toBe(37);
  });
});

describe('capacity defaults', () => {
  const registry = UnitRegistry.create();
  const read = (text: string) => parseQuantity(text, registry);

  it('holds the rows the research note names, each once', () => {
    const ids = CAPACITY.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'T8',
      'T9',
      'T10',
      'H6',
      'H8',
      'H9',
      'M8',
      'M9',
      'M10',
      'P1',
      'P4',
      'P6',
      'P7',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('gives every default as a quantity bote reads, inside the range the sources give', () => {
    for (const row of CAPACITY) {
      const value = read(row.value);
      expect(row.source.trim(), `${row.id} source`).not.toBe('');
      expect(row.date.trim(), `${row.id} date`).not.toBe('');
      if (!row.range) continue;
      const [low, high] = [read(row.range.low), read(row.range.high)];
      expect(
        low.dim.equals(value.dim) && high.dim.equals(value.dim),
        `${row.id}: the range is in the default's dimension`,
      ).toBe(true);
      expect(
        low.value <= value.value * (1 + 1e-12) && value.value <= high.value * (1 + 1e-12),
        `${row.id}: ${row.range.low} <= ${row.value} <= ${row.range.high}`,
      ).toBe(true);
      expect(row.range.note.trim(), `${row.id} range note`).not.toBe('');
    }
  });

  it('dates every price and says who charges it and where', () => {
    const prices = CAPACITY.filter((r) => r.id.startsWith('P'));
    expect(prices.length).toBeGreaterThanOrEqual(4);
    for (const p of prices) {
      expect(read(p.value).dim.powerOf('USD'), p.id).toBe(1);
      expect(p.provider, p.id).toBeTruthy();
      expect(p.region, p.id).toBeTruthy();
      expect(p.date, p.id).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
    }
  });

  it('finds a row by its ID in any case, and by words', () => {
    expect(findCapacity('T1').matches.map((r) => r.id)).toEqual(['T1']);
    expect(findCapacity('p6').matches.map((r) => r.id)).toEqual(['P6']);
    expect(capacityRow(' h8 ')?.id).toBe('H8');
    expect(capacityRow('T11')).toBeUndefined();
    expect(findCapacity('redis').matches.map((r) => r.id)).toEqual(['T3']);
    expect(findCapacity('postgres writes').matches.map((r) => r.id)).toEqual(['T6']);
    expect(findCapacity('cdn').matches.map((r) => r.id)).toEqual(['P6']);
    expect(findCapacity('websocket connections').matches.map((r) => r.id)).toEqual(['T10']);
  });

  it('suggests rows when no word matches', () => {
    const r = findCapacity('quantum teleport');
    expect(r.matches).toEqual([]);
    expect(r.suggestions).toHaveLength(3);
  });

  it('every built-in assumption citing a row has its dimension and a value within its range', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    let cited = 0;
    for (const file of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const compiled = compileScenario(readFileSync(new URL(file, dir), 'utf8'));
      if (!compiled.ok) throw new Error(`${file}: ${compiled.diagnostics[0]!.message}`);
      for (const f of compiled.value.figures.filter((x) => x.ref !== undefined)) {
        cited++;
        const row = capacityRow(f.ref!)!;
        // Read in the scenario's own calendar: "$0.023/GB-month" is per its month.
        const inScenario = (text: string) => parseQuantity(text, compiled.value.registry);
        const own = inScenario(row.value);
        expect(f.dim.equals(own.dim), `${file}: ${f.name} is in ${row.id}'s dimension`).toBe(true);
        const [low, high] = row.range
          ? [inScenario(row.range.low).value, inScenario(row.range.high).value]
          : [own.value, own.value];
        expect(
          f.value! >= low * (1 - 1e-12) && f.value! <= high * (1 + 1e-12),
          `${file}: ${f.name} = ${f.text} within ${row.id}`,
        ).toBe(true);
      }
    }
    expect(cited).toBeGreaterThan(20);
  });
});
