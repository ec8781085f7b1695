// Bundles the core from src/ with esbuild (the bundler tsup uses, with the same
// yaml alias and minification) into a temp folder and imports it: the code
// measured in process is the code that ships, without going through the CLI.
// `maxFileBytes` lifts the scenario size limit (src/core/scenario/source.ts) in
// this bundle only, so that the core can be timed on scenarios the CLI refuses.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function loadCore(root, tmp, { maxFileBytes } = {}) {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmp ?? tmpdir(), 'core-'));
  const entry = join(dir, 'entry.ts');
  const src = (p) => JSON.stringify(join(root, 'src', p));
  writeFileSync(
    entry,
    [
      `export { compileScenario } from ${src('core/scenario/compile-text.ts')};`,
      `export { evaluateModel } from ${src('core/scenario/run.ts')};`,
      `export { sampleModel, percentiles } from ${src('core/analysis/sample.ts')};`,
    ].join('\n'),
  );
  const sourceTs = join(root, 'src', 'core', 'scenario', 'source.ts');
  let lifted = false;
  const plugins = maxFileBytes
    ? [
        {
          name: 'lift-size-limit',
          setup(b) {
            b.onLoad({ filter: /scenario[\\/]source\.ts$/ }, () => {
              const text = readFileSync(sourceTs, 'utf8');
              const out = text.replace(
                /export const MAX_FILE_BYTES = [^;]+;/,
                `export const MAX_FILE_BYTES = ${maxFileBytes};`,
              );
              lifted = out !== text;
              return { contents: out, loader: 'ts' };
            });
          },
        },
      ]
    : [];
  const outfile = join(dir, 'core.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // BOTE_NO_MINIFY=1 keeps the names, for a profile worth reading.
    minify: !process.env.BOTE_NO_MINIFY,
    alias: { yaml: join(root, 'node_modules', 'yaml', 'browser', 'index.js') },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins,
    logLevel: 'error',
  });
  if (maxFileBytes && !lifted) throw new Error('could not lift MAX_FILE_BYTES in src/core/scenario/source.ts');
  return import(pathToFileURL(outfile).href);
}
