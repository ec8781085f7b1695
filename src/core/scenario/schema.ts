import * as z from 'zod';

/**
 * The shape of a scenario file, format version 1. Only the shape: names,
 * cycles, units and dimensions are the compiler's rules. This schema is also
 * the source of the JSON Schema that editors use.
 */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const nameError = 'names are identifiers: a letter or _, then letters, digits and _';

const Name = z.string().regex(NAME, { error: nameError });
/** YAML editors see `2` as a number; bote reads every scalar as text. */
const Text = z.union([z.string(), z.number()], { error: 'expected text' }).transform(String);
const QuantityText = z.union([z.string(), z.number()], { error: 'expected a quantity such as "300 million user"' }).transform(String);

const Assumption = z.union(
  [
    QuantityText,
    z.strictObject({
      value: QuantityText.meta({ description: 'The quantity, e.g. "300 million user"' }),
      note: Text.optional().meta({ description: 'Why this value: shown by explain' }),
    }),
  ],
  { error: 'expected a quantity such as "300 million user", or a mapping with `value:`' },
);

const Derived = z.union(
  [
    Text,
    z.strictObject({
      expr: Text.meta({ description: 'The formula, e.g. "dau * tweets_per_user"' }),
      unit: Text.optional().meta({ description: 'Express the result in this unit, e.g. "TB/day"' }),
      note: Text.optional(),
    }),
  ],
  { error: 'expected a formula such as "dau * tweets_per_user", or a mapping with `expr:`' },
);

const Expectation = z.union(
  [
    QuantityText,
    z.strictObject({
      value: QuantityText.meta({ description: 'The published figure; "~" means within 10%, otherwise within 1%' }),
      erratum: Text.optional().meta({ description: 'The published figure is wrong: what is right and why' }),
      note: Text.optional(),
    }),
  ],
  { error: 'expected a published figure such as "~3500 tweet/s", or a mapping with `value:`' },
);

export const ScenarioSchema = z.strictObject({
  version: z.union([z.literal('1'), z.literal(1)], { error: 'this bote reads scenario format version 1' }).optional(),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a scenario name is lowercase letters, digits and -' }).optional(),
  title: Text.optional(),
  source: Text.optional().meta({ description: 'Where the figures come from' }),
  description: Text.optional(),
  nouns: z.array(Name).optional().meta({ description: 'Count nouns beyond user and request, e.g. [tweet]' }),
  conventions: z
    .strictObject({ day: Text.optional(), month: Text.optional(), year: Text.optional() })
    .optional()
    .meta({ description: 'Calendar lengths when the source rounds them, e.g. day: 100000 s' }),
  assumptions: z.record(Name, Assumption),
  derived: z.record(Name, Derived).optional(),
  expect: z.record(Name, Expectation).optional(),
});

export type ScenarioData = z.output<typeof ScenarioSchema>;
export type ScenarioIssue = z.core.$ZodIssue;

export function validateScenarioData(data: unknown): { ok: true; data: ScenarioData } | { ok: false; issues: ScenarioIssue[] } {
  const result = ScenarioSchema.safeParse(data);
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: result.error.issues };
}
