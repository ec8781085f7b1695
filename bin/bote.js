#!/usr/bin/env node
// CommonJS (bin/package.json), as is load-bundle.js: Node starts a CommonJS
// entry quicker than an ES module, which goes through the ES module loader.
const argv = process.argv.slice(2);

function cli() {
  return require('./load-bundle.js').loadCli().main(argv);
}

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered here, as commander in dist/cli.cjs would, without loading the
  // bundle. Should the output fail (a full disk, a closed pipe), the bundle
  // writes it again and says why as it always does.
  const { version } = require('../package.json');
  process.stdout.once('error', cli);
  process.stdout.write(`${version}\n`);
} else {
  cli();
}
