import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run-bote.js';

/** The whole-picture example of docs/building-blocks.md is a file a user can copy: it runs, and prints what the page shows. */
describe('docs/building-blocks.md: the whole picture', () => {
  const page = readFileSync(join(ROOT, 'docs', 'building-blocks.md'), 'utf8');
  const section = page.slice(page.indexOf('## The whole picture'));
  const [, yaml] = /```yaml\n([\s\S]*?)```/.exec(section)!;
  const [, shown] = /```\n(Results[\s\S]*?)```/.exec(section)!;
  const dir = mkdtempSync(join(tmpdir(), 'bote-docs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('estimates the six sections, and prints every line the page shows', async () => {
    const file = join(dir, 'notes.yaml');
    writeFileSync(file, yaml!);
    const json = await runInProcess(['estimate', file, '--json']);
    expect(json.stderr).toBe('');
    const doc = JSON.parse(json.stdout) as { results: Record<string, { section: string }> };
    const sections = new Set(Object.values(doc.results).map((r) => r.section));
    for (const s of ['traffic', 'storage', 'bandwidth', 'cache', 'servers', 'cost']) expect(sections).toContain(s);
    const table = (await runInProcess(['estimate', file, '--no-color'], { env: { NO_COLOR: '1' } })).stdout.split('\n');
    for (const line of shown!.split('\n').filter((l) => l && l !== '...')) expect(table, line).toContain(line);
  });
});

/** The worked example of docs/mental-math.md is what `bote explain twitter qps --mental` prints. */
describe('docs/mental-math.md: the worked example', () => {
  it('prints every line the page shows', async () => {
    const page = readFileSync(join(ROOT, 'docs', 'mental-math.md'), 'utf8');
    const section = page.slice(page.indexOf('## A worked example'));
    const [, shown] = /```\n([\s\S]*?)```/.exec(section)!;
    const out = (await runInProcess(['explain', 'twitter', 'qps', '--mental', '--no-color'])).stdout.split('\n');
    const lines = shown!.split('\n').filter(Boolean);
    expect(lines.length).toBe(5);
    for (const line of lines) expect(out, line).toContain(line);
  });
});
