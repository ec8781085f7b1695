import { scenarioJsonSchema } from '../../core/scenario/json-schema.js';
import type { Io } from '../io.js';

/** `bote schema`: the JSON Schema of scenario files (the same as schema/scenario.schema.json). */
export function schemaCommand(io: Io): void {
  io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
