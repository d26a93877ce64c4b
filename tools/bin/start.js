#!/usr/bin/env node
// `npm start`: the embedded platform (apps/platform) from source.
require('./run-ts')('apps/platform/src/main.ts');
