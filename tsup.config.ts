import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

// yaml's `node` export is CommonJS, which esbuild cannot tree-shake; its ESM
// build (the same code) lets the bundle keep only the parser. It is what the
// package itself serves to bundlers that do not target Node.
const yamlEsm = fileURLToPath(new URL('./node_modules/yaml/browser/index.js', import.meta.url));

// Bundled ESM entries: resolving node_modules at start-up costs more than the
// code itself. Commands that need heavy modules import them lazily, which
// esbuild splits into chunks of their own. `index` is the library (docs/api.md),
// with its types: tsup bundles the declarations into one dist/index.d.ts, so
// that no internal path is part of the package's surface.
export default defineConfig({
  entry: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  dts: { entry: { index: 'src/index.ts' } },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  splitting: true,
  clean: true,
  minify: true,
  sourcemap: false,
  noExternal: [/.*/],
  esbuildOptions(options) {
    options.alias = { yaml: yamlEsm };
  },
  banner: {
    // Bundled CommonJS dependencies (cli-table3) call require().
    js: "import { createRequire as __bote_cr } from 'node:module'; const require = __bote_cr(import.meta.url);",
  },
});
