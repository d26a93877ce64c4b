// Worker thread of edge-throughput.bench.ts: the simulated scanners publish from their own event loop,
// as real devices would from their own machines, so the gateway under test keeps the main one.
import { parentPort, workerData } from 'node:worker_threads';
import { runScannerFleet, simulatedScanPayload, type SimulatedDevice } from '@pharmatrace/edge';

interface FleetJob {
  url: string;
  devices: SimulatedDevice[];
  count: number;
  rate: number;
  runTag: string;
  protocolVersion: 4 | 5;
}

const job = workerData as FleetJob;
void runScannerFleet({
  url: job.url,
  devices: job.devices,
  count: job.count,
  ratePerSecond: job.rate,
  protocolVersion: job.protocolVersion,
  payload: (device, sequence) => simulatedScanPayload(device, sequence, { runTag: job.runTag }),
  onProgress: (acknowledged) => parentPort?.postMessage({ kind: 'progress', acknowledged }),
}).then(
  (result) => parentPort?.postMessage({ kind: 'done', result }),
  (error: unknown) => parentPort?.postMessage({ kind: 'failed', message: String(error) }),
);
