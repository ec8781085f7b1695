import { describe, expect, it } from 'vitest';
import { inferSection, SECTIONS, CAPACITY_SECTIONS, type Section } from '../../src/core/scenario/sections.js';
import { parseUnit } from '../../src/core/expr/quantity.js';
import { UnitRegistry } from '../../src/core/units/registry.js';

const registry = UnitRegistry.create({ nouns: ['tweet', 'video'] });
const sectionOf = (unit: string) => {
  const u = parseUnit(unit, registry);
  return inferSection(u.dim, u.text ? u : undefined, registry);
};

describe('inferSection: the section a declared unit implies', () => {
  it.each<[string, Section]>([
    // A count per time is traffic, whatever the period.
    ['tweet/s', 'traffic'],
    ['request/s', 'traffic'],
    ['video/day', 'traffic'],
    ['request/day', 'traffic'],
    ['user/month', 'traffic'],
    // A flow of bytes or bits, per second, minute or hour, is bandwidth.
    ['MB/s', 'bandwidth'],
    ['Gbps', 'bandwidth'],
    ['Mbps', 'bandwidth'],
    ['KB/s', 'bandwidth'],
    ['GB/hour', 'bandwidth'],
    ['bit/min', 'bandwidth'],
    // Bytes, and bytes per day or longer, accumulate: storage.
    ['B', 'storage'],
    ['PB', 'storage'],
    ['GiB', 'storage'],
    ['TB/day', 'storage'],
    ['GB/week', 'storage'],
    ['PB/year', 'storage'],
    ['TB/month', 'storage'],
    // What servers() and shards() count.
    ['server', 'servers'],
    ['shard', 'servers'],
    // Money, and money per time.
    ['USD', 'cost'],
    ['USD/month', 'cost'],
    ['USD/day', 'cost'],
    // Everything else.
    ['user', 'other'],
    ['tweet', 'other'],
    ['', 'other'],
    ['tweet/user/day', 'other'],
    ['s', 'other'],
    ['year', 'other'],
    ['GB/s/server', 'other'],
    ['request/s/server', 'other'],
    ['server/s', 'other'],
    ['USD/GB', 'other'],
    ['m', 'other'],
    ['B^2', 'other'],
  ])('%s is %s', (unit, section) => {
    expect(sectionOf(unit)).toBe(section);
  });

  it('a byte rate with no declared unit is in base units, B/s: bandwidth', () => {
    expect(inferSection(parseUnit('MB/s', registry).dim, undefined, registry)).toBe('bandwidth');
  });

  it("reads day by the scenario's conventions: a byte rate per day is storage however long the day", () => {
    const short = UnitRegistry.create({ conventions: { day: 100000 } });
    const u = parseUnit('GB/day', short);
    expect(inferSection(u.dim, u, short)).toBe('storage');
  });

  it('never infers cache: only `section: cache` puts a figure there', () => {
    const units = ['B', 'GB', 'MB/s', 'TB/day', 'shard', 'server', 'request/s', 'USD'];
    expect(units.map(sectionOf)).not.toContain('cache');
  });

  it('lists the six sections of the whole picture, then other', () => {
    expect(SECTIONS).toEqual(['traffic', 'storage', 'bandwidth', 'cache', 'servers', 'cost', 'other']);
    expect(CAPACITY_SECTIONS).toEqual(SECTIONS.slice(0, 6));
  });
});
