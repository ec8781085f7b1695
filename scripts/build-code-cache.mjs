// Writes dist/cli.cjs.cache and dist/vendor.cjs.cache (run by `npm run
// build`, after the built-ins): V8's code cache of the command line's scripts, made by running in this
// process the commands whose start-up the bench holds to a budget
// (bench/run.mjs), so that their code comes compiled (bin/load-bundle.js).
// Plain node, not tsx: V8 takes a cache only under the flags it was made with.
// Output is dropped; a command that fails stops the build.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCli, makeCodeCaches } from '../bin/load-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'bote-code-cache-'));
try {
  const userFile = join(tmp, 'a-user-file.yaml');
  copyFileSync(join(root, 'scenarios', 'twitter.yaml'), userFile);
  const commands = [
    ['estimate', 'twitter', '--json'],
    ['estimate', 'twitter'],
    ['estimate', userFile, '--json'],
    ['calc', '1 Gbps * 1 hour -> GiB'],
  ];
  const cli = loadCli({ cache: false });
  for (const argv of commands) {
    let errors = '';
    const io = { ...cli.processIo(tmp), stdout: () => {}, stderr: (s) => void (errors += s) };
    const code = await cli.run(argv, io);
    if (code !== 0) throw new Error(`bote ${argv.join(' ')} exited ${code}: ${errors}`);
  }
  makeCodeCaches();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
