#!/usr/bin/env node
// `npm start`. Until apps/platform exists this reports what is available and how to run it.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..', '..');
const platform = path.join(root, 'apps', 'platform', 'src', 'main.ts');
if (fs.existsSync(platform)) {
  require('./run-ts')('apps/platform/src/main.ts');
} else {
  console.log('PharmaTrace: the embedded platform (apps/platform) is not built yet.');
  console.log('Engines for the distributed mode and the tests:');
  spawnSync('bash', [path.join(root, 'infra', 'infra.sh'), 'status'], { stdio: 'inherit' });
  console.log('\nStart them with `npm run infra:up`; run every test with `npm test`.');
}
