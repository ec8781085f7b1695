// The JSON Schema of every `--json` document (docs/json.md), written by hand
// beside the code that builds them: schema/output.schema.json and
// `bote schema --output`. Each document is a definition of its own; the root
// accepts any of them. Objects allow more keys than they name, as the
// contract does ("new keys may be added in version 1").
// tests/e2e/output-schema.test.ts holds every command's JSON to it.

type Schema = Record<string, unknown>;

export const OUTPUT_SCHEMA_ID = 'bote-output.schema.json';

const num: Schema = { type: 'number' };
const str: Schema = { type: 'string' };
const bool: Schema = { type: 'boolean' };
const orNull = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const list = (items: Schema): Schema => ({ type: 'array', items });
const byName = (values: Schema): Schema => ({ type: 'object', additionalProperties: values });
const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
/** An object with these keys, the `required` ones always there. */
function obj(properties: Record<string, Schema>, required: readonly string[] = Object.keys(properties)): Schema {
  return { type: 'object', required: [...required], properties };
}
/** A document: `version` first, and a scenario when `scenario` says so. */
function doc(properties: Record<string, Schema>, required: readonly string[], scenario?: 'brief' | 'full'): Schema {
  return obj({ version: { const: 1 }, ...(scenario ? { scenario: ref(`scenario-${scenario}`) } : {}), ...properties }, [
    'version',
    ...(scenario ? ['scenario'] : []),
    ...required,
  ]);
}

const SECTION: Schema = { enum: ['traffic', 'storage', 'bandwidth', 'cache', 'servers', 'cost', 'other'] };
const RANGE = obj({ low: num, high: num, dist: { enum: ['lognormal', 'normal', 'uniform'] }, fellBackToNormal: bool });
const MENTAL = obj({ value: num, unit: str, error: num });
const APPROXIMATION = obj({ what: str, exact: num, mental: num, in: str, id: str, error: num }, [
  'what',
  'exact',
  'mental',
  'in',
]);

const DEFINITIONS: Record<string, Schema> = {
  'scenario-brief': obj({ name: str, title: str, file: orNull(str) }),
  'scenario-full': obj({ name: str, title: str, source: orNull(str), file: orNull(str), conventions: byName(str) }, [
    'name',
    'title',
    'source',
    'file',
  ]),
  diagnostic: obj({
    file: orNull(str),
    severity: { enum: ['error', 'warning', 'note'] },
    code: str,
    message: str,
    hint: orNull(str),
    line: orNull(num),
    column: orNull(num),
    endLine: orNull(num),
    endColumn: orNull(num),
  }),
  estimate: doc(
    {
      sampling: obj({ samples: num, seed: num }),
      assumptions: byName(
        obj(
          {
            value: num,
            unit: str,
            text: str,
            origin: { enum: ['source', 'default'] },
            ref: str,
            overridden: { const: true },
            original: num,
            change: orNull(num),
            range: RANGE,
          },
          ['value', 'unit', 'text', 'origin'],
        ),
      ),
      results: byName(
        obj(
          {
            value: num,
            unit: str,
            display: str,
            expr: str,
            section: SECTION,
            headline: { const: true },
            overridden: { const: true },
            set: str,
            original: num,
            change: orNull(num),
            range: RANGE,
            percentiles: obj({ p5: num, p50: num, p95: num }),
            mental: MENTAL,
          },
          ['value', 'unit', 'display', 'expr', 'section'],
        ),
      ),
      checks: list(
        obj(
          {
            name: str,
            expected: num,
            actual: num,
            unit: str,
            ok: bool,
            status: { enum: ['ok', 'fail', 'erratum'] },
            tolerance: num,
            published: str,
            erratum: str,
            note: str,
          },
          ['name', 'expected', 'actual', 'unit', 'ok', 'status', 'tolerance', 'published'],
        ),
      ),
      checksSetAside: list(str),
    },
    ['assumptions', 'results', 'checks'],
    'full',
  ),
  explain: doc(
    {
      rule: str,
      approximations: list(APPROXIMATION),
      steps: list(
        obj(
          {
            name: str,
            kind: { enum: ['assumption', 'derived'] },
            formula: str,
            substituted: str,
            value: num,
            unit: str,
            display: str,
            spoken: str,
            uses: list(str),
            overridden: bool,
            origin: { enum: ['source', 'default'] },
            ref: str,
            note: str,
            range: RANGE,
            inside: list(obj({ block: str, lines: list(str) })),
            mental: obj(
              { value: num, unit: str, error: num, derivation: list(str), approximations: list(APPROXIMATION) },
              ['value', 'unit', 'derivation'],
            ),
          },
          ['name', 'kind', 'formula', 'substituted', 'value', 'unit', 'display', 'spoken', 'uses', 'overridden'],
        ),
      ),
    },
    ['steps'],
    'brief',
  ),
  'sensitivity-result': obj(
    {
      result: obj({ name: str, unit: str, value: num }),
      swings: list(
        obj({
          name: str,
          unit: str,
          low: num,
          high: num,
          basis: { enum: ['range', 'half'] },
          resultLow: num,
          resultHigh: num,
          swing: num,
        }),
      ),
      variance: orNull(obj({ samples: num, seed: num, shares: list(obj({ name: str, share: num })) })),
    },
    ['result', 'swings', 'variance'],
  ),
  sensitivity: {
    allOf: [doc({}, [], 'brief'), ref('sensitivity-result')],
  },
  'sensitivity-headlines': doc({ results: list(ref('sensitivity-result')) }, ['results'], 'brief'),
  compare: doc(
    {
      columns: list(obj({ name: str, scenario: str, file: orNull(str), settings: byName(str) })),
      results: byName(
        obj({
          section: SECTION,
          unit: str,
          values: list(orNull(num)),
          changes: list(orNull(num)),
          displays: list(orNull(str)),
        }),
      ),
      assumptions: byName(
        obj({ unit: str, values: list(orNull(num)), changes: list(orNull(num)), displays: list(orNull(str)) }),
      ),
    },
    ['columns', 'results', 'assumptions'],
  ),
  sweep: doc(
    {
      vary: obj({ name: str, unit: str, from: num, to: num, steps: num, log: bool }),
      units: byName(str),
      points: list(byName(num)),
    },
    ['vary', 'units', 'points'],
    'brief',
  ),
  calc: doc({ value: num, unit: str, display: str, notes: list(str) }, ['value', 'unit', 'display', 'notes']),
  list: doc(
    {
      scenarios: list(
        obj(
          {
            name: str,
            title: str,
            source: orNull(str),
            file: str,
            origin: { enum: ['local', 'BOTE_PATH', 'built-in'] },
          },
          ['name', 'title', 'file', 'origin'],
        ),
      ),
    },
    ['scenarios'],
  ),
  validate: doc(
    {
      ok: bool,
      files: list(str),
      results: list(obj({ file: str, ok: bool })),
      diagnostics: list(ref('diagnostic')),
    },
    ['ok', 'files', 'results', 'diagnostics'],
  ),
  check: doc(
    {
      ok: bool,
      scenarios: list(
        obj(
          {
            scenario: str,
            file: str,
            checks: list(
              obj(
                {
                  name: str,
                  published: str,
                  expected: num,
                  actual: num,
                  unit: str,
                  tolerance: num,
                  difference: num,
                  status: { enum: ['ok', 'fail', 'erratum'] },
                  ok: bool,
                },
                ['name', 'published', 'expected', 'actual', 'unit', 'status', 'ok'],
              ),
            ),
          },
          ['scenario', 'checks'],
        ),
      ),
    },
    ['ok', 'scenarios'],
  ),
  'ref-tables': doc({ tables: list(obj({ name: str, summary: str })) }, ['tables']),
  'ref-latency': doc(
    { table: { const: 'latency' }, unit: { const: 's' }, rows: list(obj({ name: str, seconds: num, source: str })) },
    ['table', 'unit', 'rows'],
  ),
  'ref-availability': doc(
    {
      table: { const: 'availability' },
      unit: { const: 's' },
      conventions: obj({ yearDays: num, periods: byName(num) }),
      rows: list(
        obj({ availability: num, percent: str, nines: orNull(num), downtime: byName(num) }, [
          'availability',
          'percent',
          'downtime',
        ]),
      ),
    },
    ['table', 'rows'],
  ),
  'ref-powers': doc(
    {
      table: { const: 'powers' },
      conventions: obj({ approximation: str, iec: num, si: num }),
      rows: list(
        obj({
          power: num,
          value: num,
          exact: str,
          approximate: num,
          approximateText: str,
          iec: str,
          si: str,
          iecLargerBy: num,
        }),
      ),
      shortcuts: list(
        obj({ id: str, text: str, what: str, exact: num, approx: num, unit: str, error: num }, [
          'id',
          'text',
          'exact',
          'approx',
          'error',
        ]),
      ),
    },
    ['table'],
  ),
  'ref-capacity': doc(
    {
      table: { const: 'capacity' },
      rows: list(obj({ id: str, name: str, value: str, source: str, date: str }, ['id', 'name', 'value', 'source'])),
    },
    ['table', 'rows'],
  ),
  'drill-question': obj(
    {
      number: num,
      figure: str,
      section: SECTION,
      question: str,
      unit: str,
      given: list(obj({ name: str, text: str, value: num, unit: str }, ['name', 'text', 'value', 'unit'])),
      answer: obj({ value: num, unit: str }),
      mental: obj({ value: num, unit: str, error: num }, ['value', 'unit']),
    },
    ['number', 'figure', 'question', 'unit', 'given', 'answer'],
  ),
  drill: doc(
    { seed: num, vary: bool, rule: str, questions: list(ref('drill-question')) },
    ['seed', 'questions'],
    'brief',
  ),
  'drill-answer': doc(
    {
      seed: num,
      question: ref('drill-question'),
      given: obj({ text: str, value: num, unit: str }, ['text']),
      grade: obj({ verdict: { enum: ['good', 'order', 'off'] }, ratio: num, factor: num, orders: num }),
    },
    ['seed', 'question', 'given', 'grade'],
    'brief',
  ),
};

/** The documents, by the command that prints them (the definitions' names). */
export const OUTPUT_DOCUMENTS = Object.keys(DEFINITIONS).filter(
  (n) => !['scenario-brief', 'scenario-full', 'diagnostic', 'sensitivity-result', 'drill-question'].includes(n),
);

/** The JSON Schema (draft-07) of every document `--json` prints: schema/output.schema.json. */
export function outputJsonSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: OUTPUT_SCHEMA_ID,
    title: 'bote --json output (version 1)',
    description:
      'Every document a bote command prints with --json (docs/json.md): one of the definitions, by command. Objects may hold more keys than they name.',
    anyOf: OUTPUT_DOCUMENTS.map(ref),
    definitions: DEFINITIONS,
  };
}
