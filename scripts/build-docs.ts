// Writes the generated parts of README.md and docs/*.md (`npm run docs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED, withGenerated } from './docs.js';

const root = new URL('../', import.meta.url);
for (const { file, name, text } of GENERATED) {
  const path = new URL(file, root);
  const before = readFileSync(path, 'utf8');
  const after = withGenerated(before, name, text());
  if (after !== before) writeFileSync(path, after);
}
