import type { CheckResult } from '../core/scenario/checks.js';
import { scaled, threeDigits } from './number.js';

/** "+0.8%", "-90%": how far the computed figure is from the published one. */
export function formatDifference(d: number): string {
  if (!Number.isFinite(d)) return 'n/a';
  const pct = d * 100;
  // A difference of 1e307 times is no finite percentage: said as a multiple.
  if (!Number.isFinite(pct)) return `${d > 0 ? '+' : ''}${threeDigits(d)}×`;
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

/** The computed figure in the published unit, three digits: "44.1 request/s", "86.8%". */
export function computedFigure(c: CheckResult): string {
  const n = scaled(c.actual);
  return c.unit === '%' ? `${n}%` : c.unit ? `${n} ${c.unit}` : n;
}

/**
 * A check as one sentence, both figures in the published unit:
 * "published 40 request/s, computed 44.1 request/s: off by +10.3% (tolerance 1%)".
 */
export function checkSentence(c: CheckResult): string {
  const head = `published ${c.published}, computed ${computedFigure(c)}`;
  const tolerance = `tolerance ${threeDigits(c.tolerance * 100)}%`;
  switch (c.status) {
    case 'ok':
      return `${head}: agrees (${formatDifference(c.difference)}, ${tolerance})`;
    case 'erratum':
      return `${head}: a known erratum (${formatDifference(c.difference)})`;
    case 'fail':
      return c.erratum !== undefined
        ? `${head}: agrees with the known erratum, so the scenario repeats it`
        : `${head}: off by ${formatDifference(c.difference)} (${tolerance})`;
    default:
      return c.status satisfies never;
  }
}
