import type { Diagnostic } from '../diagnostic.js';

/**
 * The memory one Monte Carlo run or one sweep may take for its columns of
 * numbers (8 bytes each): samples × figures kept, or steps × figures shown.
 * Checked before anything is allocated, so a request beyond it is refused
 * with a message instead of exhausting memory (docs/scenarios.md, "Limits").
 */
export const MEMORY_BUDGET = 512 * 1024 * 1024;
const CELLS = MEMORY_BUDGET / 8;

/** `2.5 GiB`, `512 MiB`: a size in binary units, for the messages below. */
function size(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  return gib >= 1 ? `${Number(gib.toPrecision(3))} GiB` : `${Math.ceil(bytes / 1024 ** 2)} MiB`;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Refuses `rows` × `columns` numbers beyond the budget: rows are samples or
 * steps, columns the figures kept. The hint says how many rows would fit.
 */
export function overBudget(rows: number, columns: number, what: 'samples' | 'steps'): Diagnostic | undefined {
  if (rows * columns <= CELLS) return undefined;
  const fits = Math.floor(CELLS / columns);
  const need = `${count(rows)} ${what} × ${count(columns)} figures need ${size(rows * columns * 8)}, more than the ${size(MEMORY_BUDGET)} bote allows`;
  return what === 'samples'
    ? {
        code: 'too-large',
        message: `Monte Carlo: ${need}`,
        hint: `ask for fewer samples (--samples ${fits} fits), or study fewer figures`,
      }
    : {
        code: 'too-large',
        message: `sweep: ${need}`,
        hint: `ask for fewer steps (--steps ${fits} fits), or --show fewer figures`,
      };
}
