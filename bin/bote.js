#!/usr/bin/env node
const argv = process.argv.slice(2);

async function cli() {
  const { loadCli } = await import('./load-bundle.js');
  return loadCli().main(argv);
}

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered here, as commander in dist/cli.cjs would, without loading the
  // bundle. Should the output fail (a full disk, a closed pipe), the bundle
  // writes it again and says why as it always does.
  const { readFileSync } = await import('node:fs');
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.once('error', cli);
  process.stdout.write(`${version}\n`);
} else {
  cli();
}
