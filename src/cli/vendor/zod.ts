// What bote uses of zod (src/cli/vendor.ts says why it is named).
export {
  array,
  boolean,
  describe,
  enum,
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
