import { scenarioJsonSchema } from '../../core/scenario/json-schema.js';
import type { Io } from '../io.js';

export interface SchemaFlags {
  /** The schema of the --json output instead of that of scenario files. */
  output?: boolean;
}

/**
 * `bote schema`: the JSON Schema of scenario files (schema/scenario.schema.json);
 * with --output, that of every --json document (schema/output.schema.json).
 */
export async function schemaCommand(io: Io, flags: SchemaFlags = {}): Promise<void> {
  if (flags.output) {
    const { outputJsonSchema } = await import('../../render/output-schema.js');
    io.stdout(`${JSON.stringify(outputJsonSchema(), null, 2)}\n`);
    return;
  }
  io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
