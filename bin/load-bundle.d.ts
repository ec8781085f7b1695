// Types of bin/load-bundle.js, for tsup.config.ts and the tests.
import type { Script } from 'node:vm';

export const VENDORED: readonly string[];
export type CacheUse = 'accepted' | 'rejected' | 'stale' | 'none';
export interface Loaded {
  exports: Record<string, unknown>;
  script: Script;
  cache: CacheUse;
}
export function loadCli(options?: { cache?: boolean }): Record<string, unknown>;
export function loadScript(path: string, require: (id: string) => unknown, options?: { cache?: boolean }): Loaded;
export function loadedScripts(): Array<{ path: string; cache: CacheUse }>;
export function makeCodeCaches(): void;
