/**
 * A bounded measurement of the capture path (validate + normalise + hash) on a realistic mix of pharma
 * events. It prints events/s; the assertion only guards against an order-of-magnitude regression so the
 * test stays stable on loaded CI machines.
 */
import { allValidEvents, document, type Json } from './__fixtures__/pharma-events';
import { normaliseDocument } from './document.normaliser';
import { options } from './__fixtures__/pharma-events';

const EVENTS_PER_DOCUMENT = 5_000;
const TIME_BUDGET_MS = 4_000;

/** Fresh serials per event so nothing is served from the identifier cache that real traffic would miss. */
function realisticDocument(seed: number): Json {
  const templates = allValidEvents();
  const events: Json[] = [];
  for (let i = 0; i < EVENTS_PER_DOCUMENT; i++) {
    const template = templates[i % templates.length] as Json;
    const event: Json = JSON.parse(JSON.stringify(template)) as Json;
    const serial = (n: number): string => `urn:epc:id:sgtin:4012345.012345.S${seed}X${i}N${n}`;
    if (Array.isArray(event['epcList']) && String(event['epcList'][0]).includes('sgtin')) {
      event['epcList'] = [serial(1), serial(2), serial(3)];
    }
    if (Array.isArray(event['childEPCs']) && String(event['childEPCs'][0]).includes('sgtin')) {
      event['childEPCs'] = [serial(1), serial(2), serial(3)];
    }
    event['eventTime'] = new Date(Date.UTC(2024, 2, 1) + i * 1000).toISOString().replace('Z', '+00:00');
    events.push(event);
  }
  return document(events);
}

it('validates and hashes thousands of events per second', () => {
  const docs = [0, 1, 2, 3].map(realisticDocument);
  normaliseDocument(docs[0], options); // warm-up (JIT, caches of locations and parties)
  let events = 0;
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let elapsedMs = 0;
  for (let round = 1; elapsedMs < TIME_BUDGET_MS && round < docs.length; round++) {
    events += normaliseDocument(docs[round], options).events.length;
    elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const perWallSecond = Math.round((events / elapsedMs) * 1000);
  // CPU time is what this process actually got: steadier than wall time on a shared, loaded machine.
  const perCpuSecond = Math.round((events / cpuMs) * 1000);
  console.log(
    `capture path: ${events} events, ${elapsedMs.toFixed(0)} ms wall = ${perWallSecond} events/s, ` +
      `${cpuMs.toFixed(0)} ms CPU = ${perCpuSecond} events per CPU-second`,
  );
  expect(perCpuSecond).toBeGreaterThan(2_000);
});
