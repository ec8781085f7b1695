// zod/mini: the same schemas as `zod` at half the start-up cost (about 7 ms
// against 15 ms bundled), which matters on every `bote estimate`.
import * as z from 'zod/mini';
import { FUNCTIONS } from '../expr/functions.js';
import { DISTRIBUTIONS } from './range.js';
import { FIGURE_NAME } from './names.js';
import { CAPACITY_SECTIONS, SECTIONS } from './sections.js';

const nameError = 'names are identifiers: a letter or _, then letters, digits and _';

const Name = z.string().check(z.regex(FIGURE_NAME, { error: nameError }));
const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description)) as T;

/** YAML editors see `2` as a number; bote reads every scalar as text. */
const textOf = (error: string) => z.pipe(z.union([z.string(), z.number()], { error }), z.transform(String));
const Text = textOf('expected text');
const QuantityText = textOf('expected a quantity such as "300 million user"');

const AssumptionMapping = z.strictObject({
  value: z.optional(described(QuantityText, 'The quantity, e.g. "300 million user", or a range "100M to 300M user"')),
  low: z.optional(described(QuantityText, 'A guess: the 5th percentile (the lower bound for uniform)')),
  high: z.optional(described(QuantityText, 'A guess: the 95th percentile (the upper bound for uniform)')),
  dist: z.optional(
    described(
      z.enum(DISTRIBUTIONS, { error: `dist is ${DISTRIBUTIONS.slice(0, -1).join(', ')} or ${DISTRIBUTIONS.at(-1)}` }),
      'How low..high is read; lognormal by default',
    ),
  ),
  note: z.optional(described(Text, 'Why this value: shown with the assumptions')),
  origin: z.optional(
    described(
      z.enum(['source', 'default'], { error: "origin is source (the scenario states it) or default (bote's default)" }),
      "Who states this value: `source` (the default) or `default`, a default of bote's, which must give `ref:` or `note:`",
    ),
  ),
  ref: z.optional(described(Text, 'The row of `bote ref capacity` the value comes from, e.g. T1')),
});
const Assumption = z.union([QuantityText, AssumptionMapping], {
  error:
    'expected a quantity such as "300 million user", a range "100M to 300M user", or a mapping with `value:` or `low:` and `high:`',
});

/** `true` or `false`: YAML's booleans reach the schema as text, like every scalar. */
const Flag = z.pipe(
  z.union([z.boolean(), z.enum(['true', 'false'])], { error: 'expected true or false' }),
  z.transform((v) => v === true || v === 'true'),
);

const SectionName = z.enum(SECTIONS, {
  error: `a section is ${SECTIONS.slice(0, -1).join(', ')} or ${SECTIONS.at(-1)}`,
});

const DerivedMapping = z.strictObject({
  expr: described(
    Text,
    `The formula, e.g. "dau * tweets_per_user"; functions: ${FUNCTIONS.map((f) => f.name).join(', ')}`,
  ),
  unit: z.optional(described(Text, 'Express the result in this unit, e.g. "TB/day"')),
  note: z.optional(Text),
  section: z.optional(
    described(SectionName, 'Where the result is shown; inferred from its unit when absent (cache only when given)'),
  ),
  headline: z.optional(described(Flag, 'A figure `bote sensitivity NAME` studies when no result is named')),
});
const Derived = z.union([Text, DerivedMapping], {
  error: 'expected a formula such as "dau * tweets_per_user", or a mapping with `expr:`',
});

const ExpectationMapping = z.strictObject({
  value: described(QuantityText, 'The published figure; "~" means within 10%, otherwise within 1%'),
  erratum: z.optional(described(Text, 'The published figure is wrong: what is right and why')),
  note: z.optional(Text),
});
const Expectation = z.union([QuantityText, ExpectationMapping], {
  error: 'expected a published figure such as "~3500 tweet/s", or a mapping with `value:`',
});

const Conventions = z.strictObject({ day: z.optional(Text), month: z.optional(Text), year: z.optional(Text) });

const SCENARIO_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** A valid scenario `name:` made from a file name ("My Service!" -> "my-service"), or `fallback`. */
export function scenarioNameFor(fileBase: string, fallback: string): string {
  const name = fileBase
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return SCENARIO_NAME.test(name) ? name : fallback;
}

/**
 * The shape of a scenario file, format version 1. Only the shape: names,
 * cycles, units and dimensions are the compiler's rules. This schema is also
 * the source of the JSON Schema that editors use.
 */
export const ScenarioSchema = z.strictObject({
  version: z.optional(z.union([z.literal('1'), z.literal(1)], { error: 'this bote reads scenario format version 1' })),
  extends: z.optional(
    described(
      Text,
      'The scenario this one varies: a scenario name (twitter) or a path relative to this file. Only what differs is written here; `assumptions:` may then be left out',
    ),
  ),
  name: z.optional(
    z.string().check(z.regex(SCENARIO_NAME, { error: 'a scenario name is lowercase letters, digits and -' })),
  ),
  title: z.optional(Text),
  source: z.optional(described(Text, 'Where the figures come from')),
  description: z.optional(Text),
  nouns: z.optional(described(z.array(Name), 'Count nouns beyond user and request, e.g. [tweet]')),
  conventions: z.optional(described(Conventions, 'Calendar lengths when the source rounds them, e.g. day: 100000 s')),
  assumptions: z.record(Name, Assumption),
  derived: z.optional(z.record(Name, Derived)),
  expect: z.optional(z.record(Name, Expectation)),
  omitted: z.optional(
    described(
      z.partialRecord(z.enum(CAPACITY_SECTIONS, { error: `a section is ${CAPACITY_SECTIONS.join(', ')}` }), Text),
      'Why the scenario has no figure in a section, one line each, e.g. storage: the service keeps nothing',
    ),
  ),
});

export type ScenarioData = z.output<typeof ScenarioSchema>;

/** The keys each kind of mapping takes, for "did you mean": read off the schema, so they cannot drift. */
export const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(ScenarioSchema.shape),
  assumption: Object.keys(AssumptionMapping.shape),
  derived: Object.keys(DerivedMapping.shape),
  expect: Object.keys(ExpectationMapping.shape),
  conventions: Object.keys(Conventions.shape),
  omitted: CAPACITY_SECTIONS,
};
export type ScenarioIssue = z.core.$ZodIssue;

export function validateScenarioData(
  data: unknown,
): { ok: true; data: ScenarioData } | { ok: false; issues: ScenarioIssue[] } {
  const formulas = textFormulas(data);
  const result = ScenarioSchema.safeParse(formulas ? { ...(data as object), derived: {} } : data);
  if (!result.success) return { ok: false, issues: result.error.issues };
  return { ok: true, data: formulas ? { ...result.data, derived: formulas } : result.data };
}

/**
 * `derived:` when every figure is a formula written as text under a valid
 * name, which is all the schema would check of it (and it would give the
 * same strings back): 100,000 figures spent 0.2 s in it one by one.
 */
function textFormulas(data: unknown): Record<string, string> | undefined {
  if (data === null || typeof data !== 'object' || !Object.hasOwn(data, 'derived')) return undefined;
  const derived = (data as { derived: unknown }).derived;
  if (derived === null || typeof derived !== 'object' || Object.getPrototypeOf(derived) !== Object.prototype)
    return undefined;
  // Keys, then each value: Object.entries would make an array per figure.
  for (const name of Object.keys(derived)) {
    if (typeof (derived as Record<string, unknown>)[name] !== 'string' || !FIGURE_NAME.test(name)) return undefined;
  }
  return derived as Record<string, string>;
}
