// What bote uses of the YAML parser (src/cli/vendor.ts says why it is named).
export {
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
