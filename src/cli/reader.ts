// The full reader of scenario text: the YAML parser, and through each parsed
// source the schema validator. The command line runs it only for a file that
// is not a built-in shipped parsed (cli/builtins.ts requires it then); the
// parser and zod are then loaded from dist/vendor.cjs (tsup.config.ts).
export { parseScenarioSource } from '../core/scenario/source.js';
