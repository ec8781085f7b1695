import { toDigits } from '../core/units/display.js';
import { unitOf, type Figure } from '../core/scenario/model.js';
import { formatDisplay, threeDigits } from './number.js';
import type { Conventions } from '../core/units/table.js';

/**
 * A base-unit value in a unit, without the last bit of conversion noise:
 * 1 million order/day goes through order/s and back as 999999.9999999999;
 * 15 significant digits give 1000000, and drop nothing a double really holds.
 */
export function inUnit(base: number, factor: number): number {
  return toDigits(base / factor, 15);
}

/** A base-unit value of a figure in friendly form: 54.8 PB, 150 M user; 25% when the figure was written as a percentage. */
export function displayOf(f: Figure, base: number, conventions: Conventions): string {
  const { text, factor } = unitOf(f);
  if (text === '' && f.kind === 'assumption' && f.text.trim().endsWith('%')) return `${threeDigits(base * 100)}%`;
  return formatDisplay(inUnit(base, factor), text, conventions);
}
