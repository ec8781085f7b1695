import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { stackTraceLines } from '../helpers/run-bote.js';

interface Step {
  name: string;
  kind: string;
  formula: string;
  substituted: string;
  value: number;
  unit: string;
  display: string;
  overridden: boolean;
  uses: string[];
  range?: { low: number; high: number; dist: string };
}

async function explainJson(...args: string[]): Promise<Step[]> {
  const r = await runInProcess(['explain', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { steps: Step[] }).steps;
}

describe('bote explain', () => {
  it('prints the chain of one figure, given first, then derived', async () => {
    const r = await runInProcess(['explain', 'twitter', 'peak_qps']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Twitter - tweet QPS and media storage');
    expect(lines).toContain('Given');
    expect(lines.indexOf('Given')).toBeLessThan(lines.indexOf('Derived'));
    expect(r.stdout).toContain(
      'qps = dau × tweets_per_user = 150 M user × 2 tweet/user/day = 3,472 tweet/s (~3.5 K tweet/s)',
    );
    // 3,472.2 tweet/s × 2 = 6,944.4 tweet/s
    expect(r.stdout).toContain('peak_qps = qps × peak_factor = 3.47 K tweet/s × 2 = 6,944 tweet/s (~6.9 K tweet/s)');
    expect(r.stdout).not.toContain('media_storage');
  });

  it('--json gives the same steps as data, with values that agree with estimate', async () => {
    const steps = await explainJson('url-shortener');
    const estimate = JSON.parse((await runInProcess(['estimate', 'url-shortener', '--json'])).stdout) as {
      results: Record<string, { value: number; unit: string }>;
    };
    for (const [name, result] of Object.entries(estimate.results)) {
      const step = steps.find((s) => s.name === name)!;
      expect(step.kind).toBe('derived');
      expect(step.unit).toBe(result.unit);
      expect(Math.abs(step.value - result.value)).toBeLessThanOrEqual(1e-9 * Math.abs(result.value));
    }
    // 36.5 TB: 365 billion records × 100 B.
    expect(steps.find((s) => s.name === 'storage_total')!.value).toBeCloseTo(36.5, 9);
  });

  it('works with --set: the set figure is given, and what uses it follows', async () => {
    const steps = await explainJson('twitter', 'qps', '--set', 'dau=200M');
    expect(steps.map((s) => s.name)).toEqual(['tweets_per_user', 'dau', 'qps']);
    expect(steps[1]).toMatchObject({ name: 'dau', overridden: true, value: 200e6, uses: [] });
    expect(steps[2]!.value).toBeCloseTo((200e6 * 2) / 86400, 6);
  });

  it('says which inputs were ranges', async () => {
    const steps = await explainJson('twitter', 'qps', '--set', 'dau=100M to 300M');
    expect(steps.find((s) => s.name === 'dau')!.range).toMatchObject({ low: 100e6, high: 300e6, dist: 'lognormal' });
    const r = await runInProcess(['explain', 'twitter', 'qps', '--set', 'dau=100M to 300M']);
    expect(r.stdout).toContain(
      'a guess: 100 M user to 300 M user (lognormal, a 90% interval); its median is used here',
    );
  });

  it('an unknown figure is bad input with a did-you-mean', async () => {
    const r = await runInProcess(['explain', 'twitter', 'peak_qsp']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('`peak_qsp` is not a figure of twitter');
    expect(r.stderr).toContain('did you mean `peak_qps`?');
    expect(stackTraceLines(r.stderr)).toEqual([]);
  });
});
