// Writes schema/scenario.schema.json from the zod schema, and schema/output.schema.json,
// the schema of the --json documents (run by `npm run build`).
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/core/scenario/json-schema.js';
import { outputJsonSchema } from '../src/render/output-schema.js';

const write = (name: string, schema: object) =>
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
write('scenario.schema.json', scenarioJsonSchema());
write('output.schema.json', outputJsonSchema());
