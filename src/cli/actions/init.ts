import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { scenarioNameFor } from '../../core/scenario/schema.js';
import { parseScenarioSource } from '../../core/scenario/source.js';
import { SCHEMA_ID } from '../../core/scenario/json-schema.js';
import { CliError, reasonOf, type Io } from '../io.js';
import { builtinDir, findScenario, isPathRef } from '../scenario-files.js';
import { loadModel, moveExtendsRef, writtenPath } from '../load.js';
import type { Model } from '../../core/scenario/model.js';

const TEMPLATE = (name: string) => `name: ${name}
title: ${name} - what it serves, sized
source: your own assumptions; say where each number comes from
nouns: [item]                     # count nouns beyond user, request, server and shard

assumptions:                      # inputs: a quantity, or { value, note, origin, ref }
  dau: { value: 10 million user, note: daily active users }
  items_per_user: { value: 5 item/user/day, note: writes per user per day }
  read_write_ratio: { value: 10, note: reads per write }
  item_size: { value: 2 KB/item }
  retention: { value: 5 year }
  # bote's defaults where you have no figure: each cites a row of \`bote ref capacity\`
  peak_factor: { value: 2, origin: default, ref: M9 }
  replicas: { value: 3, origin: default, ref: M10 }
  cache_share: { value: 20%, origin: default, ref: M8 }
  per_server: { value: 1000 request/s/server, origin: default, ref: T1 }
  cache_node_memory: { value: 13 GB/shard, origin: default, ref: H8 }
  storage_price: { value: $0.023/GB-month, origin: default, ref: P1 }
  egress_price: { value: $0.09/GB, origin: default, ref: P4 }
  instance_price: { value: $0.0816/server-hour, origin: default, ref: P7 }
  target_utilization: { value: 70%, origin: default, note: "a planning margin, not a measured figure" }

derived:                          # formulas over the names above, in any order; the unit picks the section
  write_qps: { expr: dau * items_per_user, unit: item/s, headline: true }
  read_qps: { expr: write_qps * read_write_ratio, unit: item/s }
  peak_qps: { expr: (write_qps + read_qps) * peak_factor * (1 request/item), unit: request/s }
  storage_per_day: { expr: dau * items_per_user * item_size, unit: GB/day }
  storage_total: { expr: storage_per_day * retention, unit: TB, headline: true }
  storage_replicated: { expr: storage_total * replicas, unit: TB }
  egress: { expr: read_qps * item_size, unit: Mbps }
  cache: { expr: read_qps * item_size * (1 day) * cache_share, unit: GB, section: cache }
  cache_nodes: { expr: "shards(cache, cache_node_memory)", unit: shard, section: cache }
  servers_needed: { expr: "servers(peak_qps, per_server, target_utilization, 1)", unit: server, headline: true }
  cost_per_month:
    expr: storage_total * storage_price + egress * egress_price + servers_needed * instance_price
    unit: USD/month

omitted: {}                       # a section with no figure, and why: e.g. storage: nothing is kept
expect: {}                        # published figures to check against: name: ~value unit
`;

export interface InitFlags {
  from?: string;
  /** A variant: `extends:` this scenario, with what differs (commented examples) and nothing else. */
  extends?: string;
  /** With --from: copy the source's published figures (`expect:`) too. */
  keepExpect?: boolean;
  force?: boolean;
}

/**
 * `bote init <name> [--from <scenario>]`: a new scenario file; never
 * overwrites without --force. A copy keeps the assumptions and formulas but
 * not the source's published figures, unless --keep-expect: they are the
 * source's, and the first edit would turn every one of them into ✗.
 */
export function initCommand(io: Io, name: string, flags: InitFlags): void {
  if (!name.trim()) throw new CliError('the new scenario needs a name', 2, 'e.g. bote init my-service');
  if (flags.keepExpect && !flags.from)
    throw new CliError(
      '--keep-expect keeps the published figures of a copy: give --from',
      2,
      'e.g. bote init mine --from url-shortener --keep-expect',
    );
  if (flags.extends !== undefined && (flags.from !== undefined || flags.keepExpect))
    throw new CliError(
      '--extends writes a variant that inherits everything: it takes no --from or --keep-expect',
      2,
      'e.g. bote init mine --extends twitter',
    );
  // A file needs a stem: `.yaml` would be written as .yaml.yaml, `sub/` as sub/.yaml, `.` as ..yaml.
  const last = name.split(/[\\/]/).pop() ?? '';
  const stem = last.replace(/\.ya?ml$/i, '');
  if (/^\.*$/.test(stem))
    throw new CliError(
      `${name}: ${stem === last ? 'give the file a name' : 'give a name before the extension'}`,
      2,
      'e.g. bote init my-service, or bote init sub/my-service',
    );
  const path = resolve(io.cwd, extname(name) ? name : `${name}.yaml`);
  const slug = scenarioNameFor(basename(path, extname(path)), 'my-scenario');
  let body: string;
  if (flags.extends !== undefined) {
    body = variantTemplate(slug, extendsRef(io, flags.extends, path), loadModel(io, flags.extends));
  } else if (flags.from) {
    const source = findScenario(io, flags.from);
    body = io
      .readFile(source.path)
      .replace(/^# yaml-language-server:.*\n/, '')
      .replace(/^name: .*$/m, `name: ${slug}`);
    body = moveExtendsRef(body, source.path, path);
    if (!flags.keepExpect) body = withoutPublished(body, flags.from, name);
  } else {
    body = TEMPLATE(slug);
  }
  const text = `# yaml-language-server: $schema=${schemaRef(io)}\n${body}`;
  try {
    io.writeFile(path, text, { overwrite: Boolean(flags.force) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CliError(
        `${relative(io.cwd, path)} exists; nothing was written`,
        1,
        'choose another name, or pass --force to replace it',
      );
    }
    if ((e as NodeJS.ErrnoException).code === 'EDANGLING')
      throw new CliError(
        `${relative(io.cwd, path)}: ${reasonOf(e)}; nothing was written`,
        1,
        'choose another name, or pass --force to write the file it points to',
      );
    throw new CliError(`cannot write ${relative(io.cwd, path)}: ${reasonOf(e)}`, 1);
  }
  const shown = relative(io.cwd, path);
  const made = flags.from ? ` (from ${flags.from})` : flags.extends ? ` (extends ${flags.extends})` : '';
  io.stdout(`wrote ${shown}${made}\nnext: bote estimate ${shellWord(shown.startsWith('..') ? path : `./${shown}`)}\n`);
}

/**
 * A variant: `extends:` and commented examples, written from the parent's
 * own figures (its first assumption to override, its first result to build
 * on), so that each example compiles once uncommented.
 */
function variantTemplate(slug: string, ref: string, parent: Model): string {
  const assumption = parent.figures.find((f) => f.kind === 'assumption');
  const result = parent.figures.find((f) => f.kind === 'derived');
  const lines = [
    `extends: ${ref}`,
    `name: ${slug}`,
    `title: ${parent.title.replaceAll('#', '')} - a variant`,
    '',
    `# Only what differs from ${parent.name} is written here; everything else is inherited.`,
    `# bote compare ${shellWord(ref)} ./${slug}.yaml shows the differences.`,
  ];
  if (assumption)
    lines.push(
      '',
      `# Override an assumption: this entry replaces the whole entry of ${parent.name}.`,
      '# assumptions:',
      `#   ${assumption.name}: { value: ${assumption.text.trim()}, note: what changes and why }`,
    );
  if (result)
    lines.push(
      '',
      `# Add a figure (or replace one of ${parent.name}'s by using its name):`,
      '# derived:',
      `#   ${result.name}_with_headroom: { expr: ${result.name} * 1.5${result.unit ? `, unit: ${result.unit.text}` : ''}, note: 50% headroom }`,
    );
  return `${lines.join('\n')}\n`;
}

/** The parent as the new file names it: a scenario name as given, a path relative to the new file. */
function extendsRef(io: Io, ref: string, path: string): string {
  return isPathRef(ref) ? writtenPath(dirname(path), resolve(io.cwd, ref)) : ref;
}

/**
 * The scenario text without its `expect:` block (errata are in it), and a
 * comment in its place that says whose figures they were and how to see or
 * copy them. A file that does not parse, or has no `expect:`, stays as it is.
 */
function withoutPublished(text: string, from: string, name: string): string {
  const parsed = parseScenarioSource(text);
  if (!parsed.ok || !isMapping(parsed.value.data) || !('expect' in parsed.value.data)) return text;
  const start = text.lastIndexOf('\n', parsed.value.locate(['expect'], 'key').start - 1) + 1;
  const valueEnd = parsed.value.locate(['expect'], 'value').end;
  const newline = text.indexOf('\n', Math.max(valueEnd - 1, start));
  const end = newline < 0 ? text.length : newline + 1;
  const note = [
    `# expect: (the published figures of ${from}, with their errata) was left out:`,
    "# this copy is yours to change, and its figures are no longer the source's.",
    `# \`bote check ${shellWord(from)}\` shows them; \`bote init ${shellWord(name)} --from ${shellWord(from)} --keep-expect\` copies them too.`,
  ].join('\n');
  return `${text.slice(0, start)}${note}\n${text.slice(end)}`;
}

function isMapping(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/** A path as one shell word, quoted only when it must be. */
function shellWord(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}

/**
 * The schema line's path. Absolute, so that it holds wherever the new file
 * moves (a path relative to it broke as soon as it did). The schema of the
 * bote npm installed globally (`npm install -g .` links the clone there) comes
 * first: its path stays when the clone moves and is installed again. Else the
 * schema beside this bote. No URL: bote is not published, and a CDN address
 * would serve whatever were published under the name.
 */
function schemaRef(io: Io): string {
  const global =
    process.platform === 'win32'
      ? join(dirname(process.execPath), 'node_modules')
      : join(dirname(dirname(process.execPath)), 'lib', 'node_modules');
  const candidates = [
    join(global, 'bote', 'schema', 'scenario.schema.json'),
    join(builtinDir(io), '..', 'schema', 'scenario.schema.json'),
  ];
  const found = candidates.find((c) => io.isFile(c));
  return found ? found.split('\\').join('/') : SCHEMA_ID;
}
