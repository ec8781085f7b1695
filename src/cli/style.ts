import type { ChalkInstance } from 'chalk';
import { makeStyle, useColor } from '../render/style.js';
import type { Io } from './io.js';

/** `--color` / `--no-color`: absent, the terminal and the environment decide. */
export interface ColorFlags {
  color?: boolean;
}

/** The style for a stream, by the one colour policy (render/style.ts) and --color / --no-color. */
export function styleFor(io: Io, flags: ColorFlags, stream: 'stdout' | 'stderr' = 'stdout'): ChalkInstance {
  const isTTY = stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
  return makeStyle(useColor({ isTTY, env: io.env, ...(flags.color !== undefined ? { flag: flags.color } : {}) }));
}
