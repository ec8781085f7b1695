import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

// The CLI in process, as a user runs it (stdout is not a terminal).
const bote = (...args: string[]) => runInProcess(args);

describe('bote ref latency', () => {
  it('prints every row with its best unit and a log-scale bar', async () => {
    const r = await bote('ref', 'latency');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/L1 cache reference[*†]*\s+0\.5 ns\s+██/);
    expect(r.stdout).toMatch(/Read 1 MB sequentially from memory\*?\s+250 us\s+█{25}/);
    expect(r.stdout).toMatch(/Send packet CA to Netherlands to CA[*†]*\s+150 ms\s+█{36}/);
    expect(r.stdout).toContain('log scale');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('finds one row by its words in any order', async () => {
    const r = await bote('ref', 'latency', 'from disk 1 mb read');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Read 1 MB sequentially from disk\s+30 ms/);
    expect(r.stdout).toContain('30,000,000 ns');
    expect(r.stdout).not.toContain('Disk seek');
  });

  it('exits 1 with suggestions when nothing matches', async () => {
    const r = await bote('ref', 'latency', 'quantum teleport');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no latency number matches "quantum teleport"');
    expect(r.stderr).toContain('did you mean');
  });

  it('gives times in seconds as JSON', async () => {
    const doc = JSON.parse((await bote('ref', 'latency', '--json')).stdout);
    expect(doc).toMatchObject({ version: 1, table: 'latency', unit: 's' });
    expect(doc.rows).toHaveLength(15);
    expect(doc.rows[0]).toEqual({
      name: 'L1 cache reference',
      seconds: 5e-10,
      source: 'seeds/004 ch. 2; seeds/000 ch. 3',
    });
    expect(JSON.parse((await bote('ref', 'latency', 'disk seek', '--json')).stdout).rows).toEqual([
      { name: 'Disk seek', seconds: 0.01, source: 'seeds/004 ch. 2; seeds/000 ch. 3' },
    ]);
  });
});

describe('bote ref availability', () => {
  it('prints the computed table, its year length and the 365.25-day note', async () => {
    const r = await bote('ref', 'availability');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Year = 365 days, month = year/12');
    expect(r.stdout).toMatch(/99\.99%\s+4\s+8\.64 s\s+1\.008 min\s+4\.38 min\s+52\.56 min/);
    expect(r.stdout).toMatch(/99\.9%\s+3\s+1\.44 min.*8\.76 hour/);
    expect(r.stdout).toContain('365.25');
  });

  it.each(['99.95%', '99.95', '0.9995', '3.5 nines'])('computes one target written %j', async (target) => {
    const r = await bote('ref', 'availability', target);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('99.95% (3.5 nines)');
    expect(r.stdout).toMatch(/per day\s+43\.2 s/);
    expect(r.stdout).toMatch(/per year\s+4\.38 hour/);
  });

  it.each(['101%', '-1', 'always'])('rejects %j with exit 1', async (target) => {
    const r = await bote('ref', 'availability', target);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bote: error:');
  });

  it('gives downtime in seconds and the calendar as JSON', async () => {
    const doc = JSON.parse((await bote('ref', 'availability', '4 nines', '--json')).stdout);
    expect(doc.conventions).toEqual({
      yearDays: 365,
      periods: { day: 86400, week: 604800, month: 2628000, year: 31536000 },
    });
    expect(doc.rows).toEqual([
      {
        availability: 0.9999,
        percent: '99.99%',
        nines: 4,
        downtime: { day: 8.64, week: 60.48, month: 262.8, year: 3153.6 },
      },
    ]);
  });
});

describe('bote ref powers', () => {
  it('prints exact values, the 1000-based approximation and IEC next to SI', async () => {
    const r = await bote('ref', 'powers');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2\^10\s+1,024\s+~1 thousand\s+1 KiB\s+1 KB\s+2\.4%/);
    expect(r.stdout).toMatch(/2\^32\s+4,294,967,296\s+~4 billion\s+4 GiB\s+4 GB/);
    expect(r.stdout).toContain('1,152,921,504,606,846,976');
  });

  it('prints one power, and rejects one out of range', async () => {
    expect((await bote('ref', 'powers', '2^24')).stdout).toMatch(/2\^24\s+16,777,216\s+~16 million\s+16 MiB\s+16 MB/);
    expect((await bote('ref', 'powers', '200')).code).toBe(1);
  });

  it('keeps exact digits in JSON', async () => {
    const doc = JSON.parse((await bote('ref', 'powers', '--json')).stdout);
    expect(doc.rows.map((r: { power: number }) => r.power)).toEqual([8, 10, 16, 20, 30, 32, 40, 50, 60]);
    expect(doc.rows.at(-1)).toMatchObject({ power: 60, exact: '1152921504606846976', iec: '1 EiB', si: '1 EB' });
  });
});

describe('bote ref powers: the shortcuts of mental math', () => {
  // Errors from first principles: a day is 24 × 3,600 = 86,400 s, so 10^5 s is 15.7% long;
  // a year 365 × 86,400 = 31,536,000 s; 2^10 = 1,024; a million a day is 10^6 / 86,400 = 11.57 a second.
  it('follow the whole table, each with its exact value and error', async () => {
    const r = await bote('ref', 'powers');
    expect(r.stdout).toMatch(/Shortcuts of mental math\n/);
    expect(r.stdout).toMatch(/M1\s+day ≈ 10\^5 s\s+1 day = 86,400 s\s+\+15\.7%/);
    expect(r.stdout).toMatch(/M3\s+year ≈ 3 × 10\^7 s\s+1 year = 31,536,000 s\s+−4\.9%/);
    expect(r.stdout).toMatch(/M4\s+2\^10 ≈ 10\^3\s+2\^10 = 1,024\s+−2\.3%/);
    expect(r.stdout).toMatch(/M5\s+1 M\/day ≈ 12\/s\s+1 M\/day = 11\.5741\/s\s+\+3\.7%/);
    expect(r.stdout).toMatch(/M11\s+1 Gbps ≈ 100 MB\/s\s+1 Gbps = 125 MB\/s\s+−20\.0%/);
    // One power asked for: no shortcuts.
    expect((await bote('ref', 'powers', '32')).stdout).not.toContain('Shortcuts');
  });

  it('are data in JSON, and alone in every format with `shortcuts`', async () => {
    const doc = JSON.parse((await bote('ref', 'powers', '--json')).stdout);
    const m1 = doc.shortcuts.find((s: { id: string }) => s.id === 'M1');
    expect(m1).toMatchObject({ text: 'day ≈ 10^5 s', exact: 86_400, approx: 1e5, unit: 's' });
    expect(m1.error).toBeCloseTo(1e5 / 86_400 - 1, 12);
    const alone = JSON.parse((await bote('ref', 'powers', 'shortcuts', '--json')).stdout);
    expect(alone.shortcuts).toEqual(doc.shortcuts);
    expect(alone).not.toHaveProperty('rows');
    const csv = (await bote('ref', 'powers', 'shortcuts', '--format', 'csv')).stdout.split('\r\n');
    expect(csv[0]).toBe('id,text,what,exact,approx,unit,error');
    expect(csv[1]).toMatch(/^M1,day ≈ 10\^5 s,1 day,86400,100000,s,0\.1574/);
    const markdown = (await bote('ref', 'powers', '--format', 'markdown')).stdout;
    expect(markdown).toContain('| id | text | what | exact | approx | unit | error |');
  });
});

describe('bote ref', () => {
  it('exits 2 for an unknown table, suggesting the closest', async () => {
    const r = await bote('ref', 'latncy');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "latency"');
  });

  it('colours only when asked', async () => {
    expect((await bote('ref', 'powers', '--color')).stdout).toContain('\x1b[');
    expect((await bote('ref', 'powers', '--no-color')).stdout).not.toContain('\x1b[');
  });

  it('shows examples in its help', async () => {
    const r = await bote('ref', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bote ref latency "read 1 MB from disk"');
  });
});
