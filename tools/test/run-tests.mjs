#!/usr/bin/env node
// `npm test`: starts the engines the integration tier needs (once per run, only those not already
// running and not supplied through the environment), runs both jest tiers, stops what it started,
// and ends with one summary line. Extra arguments go to jest: `npm test -- libs/gs1`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const infra = join(root, 'infra', 'infra.sh');

// An engine is skipped when the environment already points at one (Docker Compose, CI services...).
const engines = [
  { name: 'postgres', provided: ['DATABASE_URL'] },
  { name: 'mosquitto', provided: ['MQTT_URL', 'MQTT_SERVICE_USERNAME', 'MQTT_SERVICE_PASSWORD'] },
  { name: 'kafka', provided: ['KAFKA_BROKERS'] },
  { name: 'fabric', provided: ['FABRIC_ORG1_PEER_ENDPOINT', 'FABRIC_ORG2_PEER_ENDPOINT'] },
].filter((e) => existsSync(join(root, 'infra', e.name, `${e.name}.sh`)));

function sh(args, options = {}) {
  return spawnSync('bash', [infra, ...args], { cwd: root, stdio: 'inherit', ...options });
}

const skipEngines = process.env.PHARMATRACE_SKIP_ENGINES === '1';
const wanted = skipEngines ? [] : engines.filter((e) => !e.provided.every((v) => process.env[v]));
const notRunning = wanted
  .filter((e) => sh(['status', e.name], { stdio: 'ignore' }).status !== 0)
  .map((e) => e.name);
const keep = process.env.PHARMATRACE_KEEP_ENGINES === '1';

function stopStarted() {
  if (notRunning.length === 0 || keep) return;
  console.log(`\n[test] stopping the engines this run started: ${notRunning.join(', ')}`);
  sh(['down', ...notRunning]);
}

let exitCode = 1;
try {
  if (notRunning.length > 0) {
    console.log(`[test] starting engines: ${notRunning.join(', ')}`);
    const up = sh(['up', ...notRunning]);
    if (up.status !== 0) {
      console.error('[test] the engines did not start; see the messages above');
      process.exitCode = 1;
      throw new Error('engines');
    }
  }
  const resultsDir = join(root, 'tmp');
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = join(resultsDir, 'jest-results.json');
  rmSync(resultsFile, { force: true });
  const jest = spawnSync(
    process.execPath,
    [
      // PGlite (the embedded database) loads its WebAssembly through import(), which jest's module
      // sandbox allows only with VM modules enabled.
      '--experimental-vm-modules',
      '--disable-warning=ExperimentalWarning',
      join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--json',
      `--outputFile=${resultsFile}`,
      ...process.argv.slice(2),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } },
  );
  exitCode = jest.status ?? 1;
  if (existsSync(resultsFile)) {
    const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
    if (r.numTotalTests === 0) exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof Error && error.message === 'engines')) console.error(error);
} finally {
  stopStarted();
}
process.exit(exitCode);
