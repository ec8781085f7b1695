import { envelope } from '../../render/json.js';
import { parserFor } from '../builtins.js';
import { readOrWhy, type Io } from '../io.js';
import { emit, formatOf, type FormatFlags } from '../output.js';
import { listScenarios } from '../scenario-files.js';
import { visible } from '../../render/visible.js';

interface Row {
  name: string;
  title: string;
  source: string;
  file: string;
  origin: string;
  group: string;
}

/** `bote list`: every scenario a name reaches, grouped by where its figures come from. */
export async function list(io: Io, options: FormatFlags): Promise<void> {
  // A built-in is read from the data the build shipped, without the YAML parser (builtins.ts).
  const parse = parserFor(io);
  const rows: Row[] = listScenarios(io).map((f) => {
    const text = readOrWhy(io, f.path);
    const parsed = text.ok ? parse({ file: f.display, text: text.value, id: f.path }) : text;
    const data = (parsed.ok ? parsed.value.data : {}) as { title?: unknown; source?: unknown; extends?: unknown };
    const title =
      typeof data.title === 'string'
        ? data.title
        : typeof data.extends === 'string'
          ? `(extends ${data.extends})`
          : parsed.ok
            ? ''
            : text.ok
              ? '(does not load: run bote validate)'
              : `(${text.why})`;
    const source = typeof data.source === 'string' ? data.source : '';
    return { name: f.name, title, source, file: f.display, origin: f.origin, group: groupOf(f.origin, source) };
  });
  const columns = ['name', 'title', 'source', 'file', 'origin'] as const;
  return emit(io, formatOf(options), {
    json: () => envelope({ scenarios: rows.map(({ group: _g, ...r }) => r) }),
    rows: () => ({ columns, rows: rows.map((r) => columns.map((c) => r[c])) }),
    table: () => {
      const width = rows.reduce((m, r) => Math.max(m, visible(r.name).length), 0);
      const out: string[] = [];
      for (const group of new Set(rows.map((r) => r.group))) {
        out.push(
          `${group}\n`,
          ...rows
            .filter((x) => x.group === group)
            .map((r) => `  ${visible(r.name).padEnd(width)}  ${visible(r.title)}\n`),
          '\n',
        );
      }
      return `${out.join('')}A name is looked for as ./NAME.yaml, then in ./scenarios/, then in the folders of BOTE_PATH, then among the built-ins.\n`;
    },
  });
}

/** Built-ins group by the reference they reproduce ("seeds/004"); others by where they were found. */
function groupOf(origin: string, source: string): string {
  if (origin === 'local') return 'In ./scenarios/';
  if (origin === 'BOTE_PATH') return 'On BOTE_PATH';
  const seed = /seeds\/\d{3}/.exec(source)?.[0];
  return seed ? `Built-in, from ${seed}` : 'Built-in';
}
