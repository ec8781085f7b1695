import { createRequire } from 'node:module';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

// The modules dist/vendor.cjs holds, as the loader (CommonJS) names them.
const { VENDORED } = createRequire(import.meta.url)('./bin/load-bundle.js') as typeof import('./bin/load-bundle.js');

// commander requires node:child_process when it loads, for executable
// subcommands, which bote has none of; Node then compiles child_process and
// what it needs (net, dgram...): about 4 ms of every command. commander gets a
// stand-in that loads the module on first use instead.
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${sep}commander${sep}`) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let cp;\nmodule.exports = { spawn: (...a) => (cp ??= require('node:child_process')).spawn(...a) };\n",
      loader: 'js',
    }));
  },
};

// chalk works out at load whether the terminal takes colour, and loads
// node:tty to ask, which loads the net and stream modules: about 2 ms of
// every command. bote decides colour itself (render/style.ts) and gives chalk
// the level, so chalk's detection gets a stand-in that finds none.
const noColorDetection: Plugin = {
  name: 'no-color-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, (args) =>
      args.importer.includes(`${sep}chalk${sep}`)
        ? { path: 'supports-color', namespace: 'no-color-detection' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-color-detection' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

// dist/cli.cjs runs as a vm.Script (bin/load-bundle.js), where Node 20 has no
// import() without an experimental flag: what it imports lazily from outside
// itself (the vendored parsers, the prompts) it requires instead, as esbuild
// does for the same import written statically.
const OUTSIDE = [...VENDORED, '@inquirer/prompts'];
const requireOutside: Plugin = {
  name: 'require-outside',
  setup(build) {
    const ids = new RegExp(`^(${OUTSIDE.map((id) => id.replace('/', '\\/')).join('|')})$`);
    build.onResolve({ filter: ids }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, namespace: 'require-outside' } : { external: true },
    );
    build.onLoad({ filter: /.*/, namespace: 'require-outside' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

// yaml's `node` export is CommonJS, which esbuild cannot tree-shake; its ESM
// build (the same code) lets the bundle keep only the parser. It is what the
// package itself serves to bundlers that do not target Node.
/**
 * The scripts as ASCII: esbuild escapes other characters in strings but leaves
 * them in regular expressions, and one µ there made V8 decode the whole
 * script as UTF-16 at every start (about 5 ms, and twice the memory). A
 * `\\uXXXX` escape means the same character in a string, a template, a
 * regular expression and a name alike.
 */
const asciiOnly: NonNullable<Options['plugins']>[number] = {
  name: 'ascii-only',
  renderChunk(code) {
    return { code: code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) };
  },
};

const yamlEsm = fileURLToPath(new URL('./node_modules/yaml/browser/index.js', import.meta.url));

/** What every build here shares: bundled for Node 20, dependencies included. */
const base = {
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  noExternal: [/.*/],
  // node: modules reach esbuildPlugins as written (tsup would mark them external first).
  removeNodeProtocol: false,
  esbuildOptions(options) {
    options.alias = { yaml: yamlEsm };
  },
} satisfies Options;

// The command line is one script, dist/cli.cjs, which bin/bote.js runs with
// V8's code cache (bin/load-bundle.js; docs/performance.md): compiling the
// bundle was the largest share of start-up, and Node 20 has no compile cache
// of its own. One file, because every module file costs start-up (resolved,
// read, compiled, linked) and a code cache is per script. What a command
// imports lazily (charts, completion, the schema) is in it but initialised
// only when first needed. The YAML parser and zod, a third of the code, are a
// script of their own (dist/vendor.cjs, VENDORED), so that a built-in's
// estimate does not deserialise them; the interactive prompts, large and
// needed only at a terminal, stay in node_modules.
const cli = {
  ...base,
  entry: { cli: 'src/cli/main.ts' },
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  outDir: 'dist',
  splitting: false,
  // import.meta.url (the built-ins' folder) as the script's own path.
  shims: true,
  // dist/lib and dist/vendor.cjs are the builds below, run beside this one (so not cleaned by it);
  // dist/builtins and the code caches are written after them.
  clean: ['!lib/**', '!vendor.cjs'],
  minify: !process.env.BOTE_NO_MINIFY,
  dts: false,
  // All bundled but OUTSIDE, which requireOutside leaves out.
  esbuildPlugins: [lazyChildProcess, noColorDetection, requireOutside],
  plugins: [asciiOnly],
} satisfies Options;

const vendor = {
  ...cli,
  entry: { vendor: 'src/cli/vendor.ts' },
  clean: false,
  esbuildPlugins: [],
} satisfies Options;

// The library (docs/api.md), a build of its own in dist/lib: sharing chunks
// with the command line would split the cli entry's start-up code into more
// files. Its declarations are bundled into one dist/lib/index.d.ts, so that
// no internal path is part of the package's surface.
const library = {
  ...base,
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  outDir: 'dist/lib',
  splitting: true,
  clean: true,
  minify: true,
  dts: { entry: { index: 'src/index.ts' } },
  esbuildPlugins: [lazyChildProcess],
  banner: {
    // Bundled CommonJS dependencies (commander) call require().
    js: "import { createRequire as __bote_cr } from 'node:module'; const require = __bote_cr(import.meta.url);",
  },
} satisfies Options;

export default defineConfig([cli, vendor, library]);
