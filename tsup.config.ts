import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

// yaml's `node` export is CommonJS, which esbuild cannot tree-shake; its ESM
// build (the same code) lets the bundle keep only the parser. It is what the
// package itself serves to bundlers that do not target Node.
const yamlEsm = fileURLToPath(new URL('./node_modules/yaml/browser/index.js', import.meta.url));

// One bundled ESM entry: resolving node_modules at start-up costs more than the
// code itself. Commands that need heavy modules import them lazily, which
// esbuild splits into chunks of their own.
export default defineConfig({
  entry: { cli: 'src/cli/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  splitting: true,
  clean: true,
  minify: true,
  sourcemap: false,
  dts: false,
  noExternal: [/.*/],
  esbuildOptions(options) {
    options.alias = { yaml: yamlEsm };
  },
  banner: {
    // Bundled CommonJS dependencies (cli-table3) call require().
    js: "import { createRequire as __bote_cr } from 'node:module'; const require = __bote_cr(import.meta.url);",
  },
});
