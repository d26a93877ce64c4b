#!/usr/bin/env node
const runTs = require('./run-ts');

runTs('apps/cli/src/main.ts')
  .main(process.argv)
  .then((code) => process.exit(code))
  .catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  });
