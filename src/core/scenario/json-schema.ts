import { toJSONSchema } from 'zod/mini';
import { ScenarioSchema } from './schema.js';

export const SCHEMA_ID = 'https://unpkg.com/bote/schema/scenario.schema.json';

/**
 * The JSON Schema of scenario files, from the zod schema: draft-07, because
 * yaml-language-server reads "JSON Schema 7 and below"; `io: 'input'`,
 * because editors see the file before bote's transforms.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = toJSONSchema(ScenarioSchema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  // `assumptions` is required of a scenario that extends nothing: a variant (`extends:`) may leave it out.
  const required = (schema.required as string[]).filter((k) => k !== 'assumptions');
  return {
    $schema: schema.$schema,
    $id: SCHEMA_ID,
    title: 'bote scenario (format version 1)',
    description: 'Assumptions, derived formulas and published figures of a back-of-the-envelope estimate.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema' && k !== 'required')),
    ...(required.length ? { required } : {}),
    anyOf: [{ required: ['assumptions'] }, { required: ['extends'] }],
  };
}
