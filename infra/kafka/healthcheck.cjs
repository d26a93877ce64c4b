#!/usr/bin/env node
'use strict';
// Real health check for the test broker: create a topic, produce one message, consume it back
// through a consumer group, then clean up (topic and group deleted). Exits 0 when the round trip
// worked, 1 otherwise, always within --timeout seconds, naming the step that failed.
//
//   node infra/kafka/healthcheck.cjs [--brokers 127.0.0.1:19092] [--timeout 30] [--quiet]
//   node infra/kafka/healthcheck.cjs --preflight     (exit 0 when kafkajs can be loaded)
//
// A broker that has just started answers some requests with transient errors (topic metadata not
// yet propagated, __consumer_offsets being created and loaded, which kafkajs reports as the
// non-retriable "Failed to find group coordinator"), so a failed round trip is retried from
// scratch with fresh clients until the deadline.
//
// Uses kafkajs from the repo's node_modules (npm install first).

const path = require('node:path');
const crypto = require('node:crypto');

function parseArgs(argv) {
  const opts = {
    brokers: process.env.KAFKA_BROKERS || '127.0.0.1:19092',
    timeout: 30,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--brokers') opts.brokers = argv[++i];
    else if (a === '--timeout') opts.timeout = Number(argv[++i]);
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--preflight') opts.preflight = true;
    else {
      console.error(`kafka healthcheck: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!opts.brokers || !(opts.timeout > 0)) {
    console.error('kafka healthcheck: --brokers needs a value and --timeout a positive number of seconds');
    process.exit(2);
  }
  return opts;
}

function loadKafkajs() {
  const repoRoot = path.resolve(__dirname, '..', '..');
  try {
    return require(require.resolve('kafkajs', { paths: [__dirname, repoRoot] }));
  } catch {
    console.error(`kafka healthcheck: the kafkajs package is not installed (run npm install in ${repoRoot})`);
    process.exit(1);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const errText = (e) => (e && e.message ? e.message : String(e));

// Resolves when `promise` does, or after `ms` whatever happens: cleanup must never hang the check.
const bounded = (promise, ms) => Promise.race([promise.catch(() => undefined), sleep(ms)]);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // kafkajs prints a partitioner notice on every producer unless told not to.
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const { Kafka, logLevel } = loadKafkajs();
  if (opts.preflight) process.exit(0); // only checks that kafkajs loads

  const started = Date.now();
  const deadline = started + opts.timeout * 1000;
  const brokers = opts.brokers
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const state = { step: 'connecting', lastError: null, attempts: 0 };

  const timer = setTimeout(() => {
    const last = state.lastError ? `; last failure: ${state.lastError}` : '';
    console.error(
      `kafka healthcheck: FAILED, timed out after ${opts.timeout}s while ${state.step} ` +
        `(brokers ${opts.brokers}, ${state.attempts} attempt(s))${last}`,
    );
    process.exit(1);
  }, opts.timeout * 1000);

  // One complete round trip with fresh clients; throws with the failing step in state.step.
  async function roundTrip() {
    const nonce = crypto.randomBytes(6).toString('hex');
    const topic = `pharmatrace-healthcheck-${nonce}`;
    const groupId = topic;
    const value = `ping-${nonce}`;
    const kafka = new Kafka({
      clientId: 'pharmatrace-healthcheck',
      brokers,
      connectionTimeout: 1000,
      requestTimeout: 5000,
      retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 5 },
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 1000 });
    let topicCreated = false;
    let ok = false;
    try {
      state.step = 'connecting the admin client';
      await admin.connect();

      state.step = `creating topic ${topic}`;
      await admin.createTopics({
        topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
        waitForLeaders: true,
        timeout: 10000,
      });
      topicCreated = true;

      state.step = 'producing a message';
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [{ key: 'healthcheck', value }] });

      state.step = 'consuming the message back through a consumer group';
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise((resolve, reject) => {
        // kafkajs restarts the consumer by itself after a retriable crash; any other crash ends
        // this attempt (the outer loop starts a new one).
        consumer.on(consumer.events.CRASH, (e) => {
          if (!e.payload.restart) reject(e.payload.error);
        });
        consumer
          .run({
            eachMessage: async ({ message }) => {
              if (message.value && message.value.toString() === value) resolve();
            },
          })
          .catch(reject);
      });
      ok = true;
    } finally {
      const cleanup = state.step;
      state.step = ok ? 'cleaning up' : `cleaning up after a failure while ${cleanup}`;
      await bounded(consumer.disconnect(), 3000);
      await bounded(producer.disconnect(), 1000);
      if (topicCreated) await bounded(admin.deleteTopics({ topics: [topic], timeout: 3000 }), 3000);
      if (ok) await bounded(admin.deleteGroups([groupId]), 2000);
      await bounded(admin.disconnect(), 1000);
      if (!ok) state.step = cleanup;
    }
  }

  let ok = false;
  while (!ok) {
    state.attempts++;
    try {
      await roundTrip();
      ok = true;
    } catch (e) {
      state.lastError = `${state.step}: ${errText(e)}`;
      if (Date.now() + 1000 >= deadline) break;
      await sleep(500);
    }
  }
  clearTimeout(timer);
  if (!ok) {
    console.error(
      `kafka healthcheck: FAILED within ${opts.timeout}s (brokers ${opts.brokers}, ` +
        `${state.attempts} attempt(s)); last failure while ${state.lastError}`,
    );
    process.exit(1);
  }
  if (!opts.quiet) {
    const retried =
      state.attempts > 1
        ? ` after ${state.attempts} attempts (earlier failure while ${state.lastError})`
        : '';
    console.log(
      `kafka healthcheck: ok: created a topic, produced and consumed one message in ${Date.now() - started} ms${retried}`,
    );
  }
  process.exit(0);
}

main();
