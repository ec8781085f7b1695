import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The YAML parser, given ahead of need as the library does (src/cli/builtins.ts).
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20000,
    // One worker per core: the tests that run the built binary mostly wait on
    // it (shells, tmux, npm), and vitest's default, one core less, runs every
    // file in turn on a 2-core machine.
    maxWorkers: '100%',
  },
});
