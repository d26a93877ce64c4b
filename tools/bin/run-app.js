#!/usr/bin/env node
// Runs one app of this repo from source: `node tools/bin/run-app.js apps/capture-api/src/main.ts`.
const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node tools/bin/run-app.js <path/to/main.ts>\n');
  process.exit(2);
}
require('./run-ts')(entry);
