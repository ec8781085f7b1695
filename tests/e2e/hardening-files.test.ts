import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, processIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { capturedIo, runInProcess } from '../helpers/in-process.js';
import { BIN, runShell, stackTraceLines } from '../helpers/run-bote.js';

// Text from a file never reaches the terminal raw; files, links and
// arguments a hostile or careless user gives are refused clearly.
const dir = mkdtempSync(join(tmpdir(), 'bote-hardening-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bote(args: string[], options: { cwd?: string; stdin?: string } = {}) {
  const r = await runInProcess(args, { cwd: options.cwd ?? dir, ...(options.stdin ? { stdin: options.stdin } : {}) });
  expect(stackTraceLines(r.stderr)).toEqual([]);
  expect(r.stderr).not.toMatch(/internal error/);
  return r;
}

const ESC = '\u001b';
const HOSTILE = [
  'name: hostile',
  'title: "Title \\e[2J\\e]52;c;aGk=\\a"',
  'source: "Source \\e[31m"',
  'description: "Description \\e[H"',
  'assumptions:',
  '  a: { value: 1 to 2, note: "note a \\e[2J" }',
  '  u: { value: 3 day, note: "note u \\u202e" }',
  'derived:',
  '  c: { expr: a * 2, note: "note c \\x07" }',
  '  d: { expr: a * u, unit: day }',
  'expect:',
  '  c: { value: 3, erratum: "erratum \\e[2J", note: "note \\e[2J" }',
  '',
].join('\n');

describe('control characters from a file are written out in every text format', () => {
  const path = join(dir, 'hostile.yaml');
  writeFileSync(path, HOSTILE);
  mkdirSync(join(dir, 'listed', 'scenarios'), { recursive: true });
  writeFileSync(join(dir, 'listed', 'scenarios', 'hostile.yaml'), HOSTILE);

  it.each([
    ['estimate', path, '--seed', '1'],
    ['estimate', path, '--seed', '1', '--format', 'markdown'],
    ['estimate', path, '--seed', '1', '--format', 'csv'],
    ['estimate', path, '--seed', '1', '--chart'],
    ['explain', path],
    ['explain', path, '--mental'],
    ['explain', path, '--format', 'csv'],
    ['check', path],
    ['check', path, '--format', 'markdown'],
    ['sensitivity', path, 'c', '--seed', '1'],
    ['sweep', path, '--vary', 'a=1..2', '--show', 'c'],
  ])('bote %s %s', async (...args) => {
    const r = await bote(args, {});
    expect(r.stdout + r.stderr).not.toContain(ESC);
    expect(r.stdout + r.stderr).not.toContain('\u0007');
    expect(r.stdout + r.stderr).not.toContain('\u202e');
  });

  it('shows them as \\x1b in the title and notes', async () => {
    const r = await bote(['estimate', path, '--seed', '1']);
    expect(r.stdout).toContain('Title \\x1b[2J\\x1b]52;c;aGk=\\x07');
    expect(r.stdout).toContain('note a \\x1b[2J');
  });

  it('bote list in the folder of a hostile scenario', async () => {
    const r = await bote(['list'], { cwd: join(dir, 'listed') });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/hostile +Title \\x1b\[2J/);
    expect(r.stdout).not.toContain(ESC);
  });

  it('JSON keeps the text as it is: JSON escapes it itself', async () => {
    const r = await bote(['estimate', path, '--seed', '1', '--json']);
    expect(JSON.parse(r.stdout).scenario.title).toBe(`Title ${ESC}[2J${ESC}]52;c;aGk=\u0007`);
    expect(r.stdout).not.toContain(ESC);
  });

  it('an error quoting a line of the file writes out its control characters', async () => {
    const bad = join(dir, 'bad-line.yaml');
    writeFileSync(bad, 'name: bad\nassumptions:\n  a: 1\nderived:\n  b: "\u001b[2J a * nope"\n');
    const r = await bote(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).toContain('\\x1b[2J');
  });
});

describe('files, links and arguments', () => {
  it('an unreadable ./scenarios folder is skipped with a warning, and built-in names still load', async () => {
    const cwd = join(dir, 'locked');
    mkdirSync(join(cwd, 'scenarios'), { recursive: true });
    const real = processIo(cwd);
    const out = capturedIo(cwd, {
      listDir: (p) => {
        if (p === join(cwd, 'scenarios')) throw new CliError('cannot list the folder scenarios: permission denied', 1);
        return real.listDir(p);
      },
    });
    const code = await run(['estimate', 'twitter', '--json'], out.io);
    expect(code).toBe(0);
    expect(JSON.parse(out.stdout).scenario.name).toBe('twitter');
    expect(out.stderr).toBe('bote: warning: cannot list the folder scenarios: permission denied; skipped\n');
  });

  it('a file that is not UTF-8 is refused at its line and column', async () => {
    const path = join(dir, 'latin1.yaml');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from('name: x\nassumptions:\n  é: 1\n  a: "1'), Buffer.from([0xff, 0x22, 0x0a])]),
    );
    const r = await bote(['estimate', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/latin1\.yaml:4:8: the file is not UTF-8 text \(byte 0xff\)/);
  });

  it('standard input that is not UTF-8 is refused the same way', () => {
    // In process, stdin is text already: the bytes go through the binary's own reader.
    const r = runShell(`node ${JSON.stringify(BIN)} estimate - < ${JSON.stringify(join(dir, 'latin1.yaml'))}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'bote: error: <stdin>:4:8: the file is not UTF-8 text (byte 0xff)\n  hint: save it as UTF-8\n',
    );
  });

  it('init --force through a symbolic link writes the file it points to, and keeps the link', async () => {
    const cwd = join(dir, 'links');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'real.yaml'), 'keep me');
    symlinkSync('real.yaml', join(cwd, 'link.yaml'));
    const refused = await bote(['init', 'link'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/link\.yaml exists; nothing was written/);
    expect(readFileSync(join(cwd, 'real.yaml'), 'utf8')).toBe('keep me');
    const r = await bote(['init', 'link', '--force'], { cwd });
    expect(r.code).toBe(0);
    expect(lstatSync(join(cwd, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(cwd, 'real.yaml'), 'utf8')).toMatch(/^name: link$/m);
  });

  it('a dangling symbolic link is named as one, not as a file that appeared meanwhile', async () => {
    const cwd = join(dir, 'dangling');
    mkdirSync(cwd);
    symlinkSync('nowhere.yaml', join(cwd, 'dang.yaml'));
    const r = await bote(['init', 'dang'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /dang\.yaml: it is a symbolic link to .*nowhere\.yaml, which does not exist; nothing was written/,
    );
    expect(r.stderr).not.toMatch(/meanwhile/);
    expect(existsSync(join(cwd, 'nowhere.yaml'))).toBe(false);
  });

  it('a file at the temporary name is left alone: the temporary file is created exclusively', async () => {
    const cwd = join(dir, 'temp');
    mkdirSync(cwd);
    const temp = join(cwd, `.new.yaml.bote-${process.pid}.tmp`);
    writeFileSync(temp, 'someone else');
    const r = await bote(['init', 'new'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a file is in the way at .*\.new\.yaml\.bote-\d+\.tmp/);
    expect(readFileSync(temp, 'utf8')).toBe('someone else');
    expect(existsSync(join(cwd, 'new.yaml'))).toBe(false);
  });

  it('bote init .yaml does not write .yaml.yaml', async () => {
    const cwd = join(dir, 'dotyaml');
    mkdirSync(cwd);
    const r = await bote(['init', '.yaml'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.yaml: give a name before the extension/);
    expect(existsSync(join(cwd, '.yaml.yaml'))).toBe(false);
  });

  it('bote init sub/, . and .. write no file without a name', async () => {
    const cwd = join(dir, 'nameless');
    mkdirSync(join(cwd, 'sub'), { recursive: true });
    for (const name of ['sub/', '.', '..']) {
      const r = await bote(['init', name], { cwd });
      expect(r.code, name).toBe(2);
      expect(r.stderr).toContain(`${name}: give the file a name`);
    }
    expect(readdirSync(cwd)).toEqual(['sub']);
    expect(readdirSync(join(cwd, 'sub'))).toEqual([]);
  });

  it('bote calc "-5 + 3" says to write -- before it', async () => {
    const r = await bote(['calc', '-5 + 3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: bote calc -- "-5 + 3"');
    expect((await bote(['calc', '--', '-5 + 3'])).stdout).toBe('-2\n');
  });

  it('calc: an unquoted expression with -> says to quote it', async () => {
    const r = await bote(['calc', '150M', 'user', '*', '2', 'req/user/day', '->', 'qps']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/calc: `->` reads as an option: quote the expression \(or write -- before it\)/);
    expect(r.stderr).toContain('bote calc "150M user * 2 req/user/day -> qps"');
  });
});
