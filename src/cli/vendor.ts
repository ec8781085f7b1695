// The third-party parsers the command line needs for some inputs only: the
// YAML parser and zod. tsup.config.ts builds them into a script of their own,
// dist/vendor.cjs, which bin/load-bundle.js runs when dist/cli.cjs first
// requires one of them; the keys are the module names it asks for (VENDORED).
// What src imports of them is named here, so that the rest is left out (zod's
// locales alone are half its size); tests/unit/vendor.test.ts holds every
// import in src to this list.
import {
  Composer,
  CST,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  Parser,
  parseDocument,
  stringify,
  visit,
  YAMLParseError,
} from 'yaml';
import {
  array,
  boolean,
  describe,
  enum as enumOf,
  literal,
  number,
  optional,
  partialRecord,
  pipe,
  record,
  regex,
  strictObject,
  string,
  toJSONSchema,
  transform,
  union,
} from 'zod/mini';

export const modules = {
  yaml: {
    Composer,
    CST,
    isAlias,
    isMap,
    isPair,
    isScalar,
    isSeq,
    Lexer,
    Parser,
    parseDocument,
    stringify,
    visit,
    YAMLParseError,
  },
  'zod/mini': {
    array,
    boolean,
    describe,
    enum: enumOf,
    literal,
    number,
    optional,
    partialRecord,
    pipe,
    record,
    regex,
    strictObject,
    string,
    toJSONSchema,
    transform,
    union,
  },
};
