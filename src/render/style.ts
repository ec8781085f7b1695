import { Chalk, type ChalkInstance } from 'chalk';

export interface ColorEnv {
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** --color / --no-color from the command line, when given. */
  flag?: boolean;
}

/**
 * One colour policy for the whole tool. chalk's own detection ignores
 * NO_COLOR, so it never decides: --no-color and NO_COLOR turn colour off,
 * --color and FORCE_COLOR (not 0) turn it on, otherwise a TTY that is not
 * TERM=dumb gets colour.
 */
export function useColor({ isTTY, env, flag }: ColorEnv): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '')
    return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

export function makeStyle(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
