/** What a figure's name may be: an identifier. Its own module, so the CLI checks `--set NAME=` without loading the schema. */
export const FIGURE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names that would reach an object's prototype if they were ever used as keys. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
