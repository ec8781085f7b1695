import { parseScenarioSource } from '../../core/scenario/source.js';
import type { Io } from '../io.js';
import { listBuiltins } from '../scenario-files.js';

/** `bote list`: each built-in scenario with its title and source. */
export function list(io: Io, options: { json?: boolean }): void {
  const rows = listBuiltins(io).map((f) => {
    const parsed = parseScenarioSource(io.readFile(f.path), f.display);
    const data = (parsed.ok ? parsed.value.data : {}) as { title?: string; source?: string };
    return { name: f.name, title: data.title ?? '', source: data.source ?? '', file: f.display };
  });
  if (options.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    io.stdout(`${r.name.padEnd(width)}  ${r.title}\n${' '.repeat(width)}  ${r.source ? `source: ${r.source}` : ''}\n`);
  }
}
