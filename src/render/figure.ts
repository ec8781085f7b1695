import { isWholeCount, unitOf, type Figure } from '../core/scenario/model.js';
import { formatDisplay, isBought, threeDigits } from './number.js';
import type { Conventions } from '../core/units/table.js';
import { inUnit } from '../core/units/in-unit.js';

export { inUnit };

/** A base-unit value of a figure in friendly form: 54.8 PB, 150 M user; 25% when the figure was written as a percentage. */
export function displayOf(f: Figure, base: number, conventions: Conventions): string {
  const { text, factor } = unitOf(f);
  if (text === '' && f.kind === 'assumption' && f.text.trim().endsWith('%')) return `${threeDigits(base * 100)}%`;
  return formatDisplay(inUnit(base, factor), text, conventions, isBought(text) || isWholeCount(f));
}
