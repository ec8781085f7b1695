import { defineConfig } from 'tsup';

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
  banner: {
    // Bundled CommonJS dependencies (cli-table3) call require().
    js: "import { createRequire as __bote_cr } from 'node:module'; const require = __bote_cr(import.meta.url);",
  },
});
