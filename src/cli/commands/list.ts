import { parseScenarioSource } from '../../core/scenario/source.js';
import type { Io } from '../io.js';
import { listScenarios } from '../scenario-files.js';

interface Row {
  name: string;
  title: string;
  source: string;
  file: string;
  origin: string;
  group: string;
}

/** `bote list`: every scenario a name reaches, grouped by where its figures come from. */
export function list(io: Io, options: { json?: boolean }): void {
  const rows: Row[] = listScenarios(io).map((f) => {
    const parsed = parseScenarioSource(io.readFile(f.path), f.display);
    const data = (parsed.ok ? parsed.value.data : {}) as { title?: unknown; source?: unknown };
    const title = typeof data.title === 'string' ? data.title : parsed.ok ? '' : '(does not load: run bote validate)';
    const source = typeof data.source === 'string' ? data.source : '';
    return { name: f.name, title, source, file: f.display, origin: f.origin, group: groupOf(f.origin, source) };
  });
  if (options.json) {
    io.stdout(`${JSON.stringify(rows.map(({ group: _g, ...r }) => r), null, 2)}\n`);
    return;
  }
  const width = Math.max(...rows.map((r) => r.name.length));
  const groups = [...new Set(rows.map((r) => r.group))];
  for (const group of groups) {
    io.stdout(`${group}\n`);
    for (const r of rows.filter((x) => x.group === group)) io.stdout(`  ${r.name.padEnd(width)}  ${r.title}\n`);
    io.stdout('\n');
  }
  io.stdout('A name is looked for in ./scenarios/, then in the folders of BOTE_PATH, then among the built-ins.\n');
}

/** Built-ins group by the reference they reproduce ("seeds/004"); others by where they were found. */
function groupOf(origin: string, source: string): string {
  if (origin === 'local') return 'In ./scenarios/';
  if (origin === 'BOTE_PATH') return 'On BOTE_PATH';
  const seed = /seeds\/\d{3}/.exec(source)?.[0];
  return seed ? `Built-in, from ${seed}` : 'Built-in';
}
