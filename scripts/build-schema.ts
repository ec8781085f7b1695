// Writes schema/scenario.schema.json from the zod schema (run by `npm run build`).
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/core/scenario/json-schema.js';

const target = new URL('../schema/scenario.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
