#!/usr/bin/env node
// Runs tools/bench/messaging-throughput.bench.ts in place (SWC, tsconfig paths); see that file for flags.
require('../bin/run-ts')('tools/bench/messaging-throughput.bench.ts');
