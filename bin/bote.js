#!/usr/bin/env node
import module from 'node:module';

const argv = process.argv.slice(2);

async function cli() {
  // Node 22.1 and later keep the bundle's compiled code on disk between runs
  // (docs/performance.md); Node 20 has no such cache and starts as before.
  module.enableCompileCache?.();
  const { main } = await import('../dist/cli.js');
  return main(argv);
}

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered here, as commander in dist/cli.js would, without loading the
  // bundle. Should the output fail (a full disk, a closed pipe), the bundle
  // writes it again and says why as it always does.
  const { readFileSync } = await import('node:fs');
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.once('error', cli);
  process.stdout.write(`${version}\n`);
} else {
  cli();
}
