#!/usr/bin/env node
// Builds the chaincode into dist/ so fabric-shim's `server` can load it with plain Node:
//  1. tsc (incremental: a no-op build takes about a second) compiles src/ and, through the
//     tsconfig paths, the pure libraries it imports (@pharmatrace/custody) into dist/<repo path>;
//  2. dist/node_modules/@pharmatrace/<lib>/index.js forwards each such import to its compiled code,
//     so the compiled `require('@pharmatrace/custody')` resolves with Node's own rules;
//  3. dist/index.js (package.json `main`) forwards to the compiled src/index.js;
//  4. dist/.build-id is a hash of every emitted file: infra/fabric/fabric.sh restarts the
//     chaincode server when it changes.
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const here = path.resolve(__dirname, '..');
const root = path.resolve(here, '../..');
const dist = path.join(here, 'dist');
const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
const buildId = path.join(dist, '.build-id');

/** Newest modification time (ms) of the .ts and .json files under the directories. */
function newestSource(dirs) {
  let newest = 0;
  const visit = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  dirs.forEach(visit);
  return newest;
}

// Up to date when no source of the chaincode or of a library it compiled changed since the last
// build: skips tsc (a no-op incremental tsc still costs seconds on a busy machine).
if (!process.argv.includes('--force') && fs.existsSync(buildId)) {
  const libs = path.join(dist, 'libs');
  const compiledLibs = fs.existsSync(libs)
    ? fs.readdirSync(libs).map((name) => path.join(root, 'libs', name))
    : [];
  const inputs = [path.join(here, 'src'), ...compiledLibs];
  const configs = ['tsconfig.build.json', 'package.json', 'scripts/build.js'].map((f) => path.join(here, f));
  configs.push(path.join(root, 'tsconfig.base.json'));
  const newest = Math.max(newestSource(inputs), ...configs.map((f) => fs.statSync(f).mtimeMs));
  if (newest < fs.statSync(buildId).mtimeMs) process.exit(0);
}

const result = spawnSync(process.execPath, [tsc, '-p', path.join(here, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);

const write = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
};

// Every @pharmatrace/* alias of the workspace whose compiled entry is in dist gets a forwarder.
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
for (const [alias, [target]] of Object.entries(compilerOptions.paths ?? {})) {
  const compiled = path.join(dist, target.replace(/\.ts$/, '.js'));
  if (!alias.startsWith('@pharmatrace/') || !fs.existsSync(compiled)) continue;
  const forwarder = path.join(dist, 'node_modules', alias, 'index.js');
  const relative = path.relative(path.dirname(forwarder), compiled).split(path.sep).join('/');
  write(forwarder, `'use strict';\nmodule.exports = require('${relative}');\n`);
}
write(
  path.join(dist, 'index.js'),
  `'use strict';\nmodule.exports = require('./chaincode/pharma-custody/src/index.js');\n`,
);

const files = [];
const walk = (dir) => {
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.js')) files.push(full);
  }
};
walk(dist);
const hash = createHash('sha256');
for (const file of files) hash.update(path.relative(dist, file)).update('\0').update(fs.readFileSync(file));
// Always rewritten: its mtime marks the build as newer than the sources it was made from.
fs.writeFileSync(buildId, `${hash.digest('hex')}\n`);
