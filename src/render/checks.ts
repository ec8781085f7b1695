import type { CheckResult } from '../core/scenario/checks.js';
import { threeDigits } from './number.js';

/** "+0.8%", "-90%": how far the computed figure is from the published one. */
export function formatDifference(d: number): string {
  if (!Number.isFinite(d)) return 'n/a';
  const pct = d * 100;
  // Floating-point noise (150 TB computed as 149.99999999999997) is no difference.
  if (Math.abs(pct) < 1e-6) return '0%';
  return `${pct >= 0 ? '+' : ''}${threeDigits(pct)}%`;
}

/** The verdict in words, for a table cell: "ok", "off by +12%", "erratum". */
export function verdict(c: CheckResult): string {
  switch (c.status) {
    case 'ok':
      return 'agrees';
    case 'erratum':
      return 'erratum';
    case 'fail':
      return c.erratum !== undefined ? 'agrees with a known erratum' : `off by ${formatDifference(c.difference)}`;
    default:
      return c.status satisfies never;
  }
}
