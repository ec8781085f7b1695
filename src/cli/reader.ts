// The full reader of scenario text: the YAML parser, and through each parsed
// source the schema validator. The command line loads it only for a file that
// is not a built-in shipped parsed (cli/builtins.ts); it is an entry of the
// bundle of its own (tsup.config.ts), which builtins.ts loads when first needed.
export { parseScenarioSource } from '../core/scenario/source.js';
