/** What a figure's name may be: an identifier. Its own module, so the CLI checks `--set NAME=` without loading the schema. */
export const FIGURE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
