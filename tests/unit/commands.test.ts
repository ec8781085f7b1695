import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/cli/command.js';
import { specFromProgram } from '../../src/cli/completion/spec.js';
import { processIo } from '../../src/cli/io.js';
import { COMMANDS, makeProgram } from '../../src/cli/main.js';
import { outputOptions, setOption } from '../../src/cli/options.js';
import type { FormatFlags } from '../../src/cli/output.js';

const cli = new URL('../../src/cli/', import.meta.url).pathname;
const program = makeProgram(processIo());
const spec = specFromProgram(program, COMMANDS);

describe('commands describe themselves', () => {
  it('gives the program one command per description, in order, and hides what is hidden', () => {
    expect(program.commands.map((c) => c.name())).toEqual(COMMANDS.map((d) => d.name));
    expect(new Set(COMMANDS.map((d) => d.name)).size).toBe(COMMANDS.length);
    expect(spec.commands.map((c) => c.name)).toEqual([...COMMANDS.filter((d) => !d.hidden).map((d) => d.name), 'help']);
  });

  it('gives completion the kind of every argument and option value as described', () => {
    const seen = { arg: 0, option: 0 };
    for (const d of COMMANDS.filter((c) => !c.hidden)) {
      const command = spec.commands.find((c) => c.name === d.name)!;
      for (const [i, a] of (d.args ?? []).entries()) {
        const expected =
          { choice: 'choices', expression: 'any', text: 'any', number: 'any', command: 'choices' }[a.kind as string] ??
          a.kind;
        expect(command.args[i], `${d.name} ${a.name}`).toMatchObject({
          name: a.name,
          value: expected,
          variadic: Boolean(a.variadic),
          choices: [...(a.choices ?? [])],
        });
        seen.arg++;
      }
      for (const o of (d.options ?? []).filter((x) => x.kind)) {
        const long = /--[\w-]+/.exec(o.flags)![0];
        const expected =
          { choice: 'choices', expression: 'any', text: 'any', number: 'any', command: 'choices' }[o.kind as string] ??
          o.kind;
        expect(
          command.options.find((x) => x.names.includes(long)),
          `${d.name} ${long}`,
        ).toMatchObject({ takesValue: true, value: expected });
        seen.option++;
      }
    }
    expect(seen.arg).toBeGreaterThan(10);
    expect(seen.option).toBeGreaterThan(10);
  });

  it('completes a figure after `explain <scenario>`, a ref table, the formats and the shells', () => {
    const command = (name: string) => spec.commands.find((c) => c.name === name)!;
    expect(command('explain').args[1]).toMatchObject({ name: 'names', value: 'figure', variadic: true });
    expect(command('ref').args[0]).toMatchObject({
      value: 'choices',
      choices: ['latency', 'availability', 'powers', 'capacity'],
    });
    expect(command('estimate').options.find((o) => o.names.includes('--format'))).toMatchObject({
      value: 'choices',
      choices: ['table', 'json', 'markdown', 'csv', 'yaml'],
    });
    expect(command('completion').args[0]).toMatchObject({ value: 'choices', choices: ['bash', 'zsh', 'fish'] });
    expect(command('init').args[0]).toMatchObject({ value: 'file' });
    expect(command('sweep').options.find((o) => o.names.includes('--show'))).toMatchObject({ value: 'figures' });
    expect(command('help').args[0]!.choices).toEqual(spec.commands.map((c) => c.name));
  });
});

describe('adding a command (docs/architecture.md)', () => {
  // A description added to the list, as the recipe writes one: nothing else changes.
  const calls: Array<[string, unknown]> = [];
  const foo = defineCommand({
    name: 'foo',
    summary: 'a command of this test',
    args: [{ name: 'scenario', kind: 'scenario', help: 'a scenario' }],
    options: [setOption, ...outputOptions()],
    help: '\nExamples:\n  bote foo twitter',
    async action({ io }, [scenario]: [string], flags: FormatFlags & { set?: unknown }) {
      calls.push([scenario, flags]);
      io.stdout(`foo ${scenario}\n`);
    },
  });

  it('runs with its arguments and parsed flags, and has help and completion', async () => {
    const out: string[] = [];
    const io = { ...processIo(), stdout: (s: string) => void out.push(s), stderr: () => undefined };
    const withFoo = makeProgram(io, [...COMMANDS, foo]);
    await withFoo.parseAsync(['foo', 'twitter', '--set', 'dau=2M', '--json'], { from: 'user' });
    expect(out.join('')).toBe('foo twitter\n');
    expect(calls).toEqual([['twitter', { set: [{ name: 'dau', text: '2M' }], json: true, format: 'table' }]]);
    expect(withFoo.commands.find((c) => c.name() === 'foo')!.helpInformation()).toContain('-s, --set <name=quantity>');
    const command = specFromProgram(withFoo, [...COMMANDS, foo]).commands.find((c) => c.name === 'foo');
    expect(command).toMatchObject({ args: [{ name: 'scenario', value: 'scenario' }] });
    expect(command!.options.find((o) => o.names.includes('--set'))).toMatchObject({ value: 'setting' });
  });
});

/** The modules a file imports at load time: `import type` and `import()` load nothing then. */
function loadedImports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^import (?!type\b)[^'"]*?from '([^']+)'/gm)].map((m) => m[1]!);
}

describe('the command modules', () => {
  const files = readdirSync(`${cli}commands`).filter((f) => f.endsWith('.ts'));

  it('are one per command in cli/commands/, each listed in main.ts', () => {
    expect(files.length).toBe(COMMANDS.length);
  });

  it.each(files)('%s loads no action at start-up, only descriptions and shared options', (file) => {
    const allowed = ['../command.js', '../options.js', '../completion/shells.js', '../../core/reference/tables.js'];
    expect(loadedImports(`${cli}commands/${file}`).filter((i) => !allowed.includes(i))).toEqual([]);
  });

  it('are never imported back: nothing in src/cli imports main.ts', () => {
    const all = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? all(`${dir}${e.name}/`) : e.name.endsWith('.ts') ? [`${dir}${e.name}`] : [],
      );
    const importers = all(cli).filter((f) => /from '(\.\.?\/)+main\.js'/.test(readFileSync(f, 'utf8')));
    expect(importers).toEqual([]);
  });
});
