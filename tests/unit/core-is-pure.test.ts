import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const core = new URL('../../src/core/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// The engine gets text and returns data: files, the terminal, the process,
// colour and unseeded randomness belong to src/cli and src/render.
describe('src/core is pure', () => {
  it.each(files(core).map((f) => [f.slice(core.length), f]))('%s touches no IO', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/from ['"](node:)?(fs|child_process|process|os|readline|tty)['"]/);
    expect(text).not.toMatch(/\bprocess\.|\bconsole\.|\bMath\.random\(|\bDate\.now\(/);
    expect(text).not.toMatch(/from ['"](chalk|cli-table3|commander|@inquirer\/prompts)['"]/);
    expect(text).not.toMatch(/from ['"]\.\.\/(\.\.\/)?(cli|render)\//);
  });
});
