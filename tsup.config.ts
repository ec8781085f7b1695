import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

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

// cli-table3 measures every cell several times with string-width, which
// strips ANSI codes and runs a large emoji regex each time: most of the cost
// of a table. A printable ASCII string is as wide as it is long (string-width
// 4 gives exactly that), so it skips both; any other string is measured by
// string-width itself, loaded on first need.
const asciiWidth: Plugin = {
  name: 'ascii-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer.includes(`${sep}cli-table3${sep}`) ? { path: 'string-width', namespace: 'ascii-width' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'ascii-width' }, () => ({
      contents:
        "let full;\nconst ascii = /^[\\x20-\\x7e]*$/;\nmodule.exports = (s) => (typeof s === 'string' && ascii.test(s) ? s.length : (full ??= require('string-width'))(s));\n",
      loader: 'js',
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    }));
  },
};

// Fewer, larger files on the hot path. esbuild puts a module shared by lazily
// loaded chunks into a chunk for each combination of the chunks that use it:
// `bote estimate twitter` loaded 36 module files, and each costs start-up
// (resolved, read, compiled, linked; Node's own path functions got hot enough
// to be optimised, a few MB of memory). So every module outside `estimate`'s
// static imports first imports them all (KERNEL): they are then used by
// every chunk alike and go into one. Other commands load that chunk too, in
// place of the share of it they would have loaded as small files; what only
// they need (charts, prompts, completion, reference tables, the YAML parser)
// stays in chunks of their own.
const KERNEL = fileURLToPath(new URL('./src/cli/actions/estimate.ts', import.meta.url));
const oneKernel: Plugin = {
  name: 'one-kernel',
  async setup(build) {
    const src = fileURLToPath(new URL('./src/', import.meta.url));
    const { metafile } = await build.esbuild.build({
      entryPoints: [KERNEL],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
      alias: build.initialOptions.alias ?? {},
    });
    // The static imports of the kernel, followed from it (its lazy imports are not part of it).
    const inputs = metafile.inputs;
    const key = (path: string) => resolve(path);
    const kernel = new Set<string>();
    const stack = [Object.keys(inputs).find((k) => key(k) === KERNEL)!];
    while (stack.length) {
      const at = stack.pop()!;
      if (kernel.has(key(at))) continue;
      kernel.add(key(at));
      for (const i of inputs[at]?.imports ?? [])
        if (i.kind === 'import-statement' && inputs[i.path]) stack.push(i.path);
    }
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(src) || kernel.has(args.path)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      return { contents: `import ${JSON.stringify(KERNEL)};\n${text}`, loader: 'ts' };
    });
  },
};

// yaml's `node` export is CommonJS, which esbuild cannot tree-shake; its ESM
// build (the same code) lets the bundle keep only the parser. It is what the
// package itself serves to bundlers that do not target Node.
const yamlEsm = fileURLToPath(new URL('./node_modules/yaml/browser/index.js', import.meta.url));

// One bundled ESM entry for the command line: resolving node_modules at
// start-up costs more than the code itself. Commands that need heavy modules
// import them lazily, which esbuild splits into chunks of their own.
const cli = {
  // reader: the YAML parser and the schema, loaded by cli/builtins.ts only for
  // a file that is not a built-in shipped parsed (dist/builtins/).
  entry: { cli: 'src/cli/main.ts', reader: 'src/cli/reader.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  splitting: true,
  // dist/lib is the library's build, below.
  clean: ['!lib/**'],
  minify: true,
  sourcemap: false,
  dts: false,
  noExternal: [/.*/],
  esbuildOptions(options) {
    options.alias = { yaml: yamlEsm };
  },
  // node: modules reach esbuildPlugins as written (tsup would mark them external first).
  removeNodeProtocol: false,
  esbuildPlugins: [lazyChildProcess, asciiWidth, oneKernel],
  banner: {
    // Bundled CommonJS dependencies (cli-table3) call require().
    js: "import { createRequire as __bote_cr } from 'node:module'; const require = __bote_cr(import.meta.url);",
  },
} satisfies Options;

// The library (docs/api.md), a build of its own in dist/lib: sharing chunks
// with the command line would split the cli entry's start-up code into more
// files. Its declarations are bundled into one dist/lib/index.d.ts, so that
// no internal path is part of the package's surface.
const library = {
  ...cli,
  entry: { index: 'src/index.ts' },
  outDir: 'dist/lib',
  clean: true,
  dts: { entry: { index: 'src/index.ts' } },
} satisfies Options;

export default defineConfig([cli, library]);
