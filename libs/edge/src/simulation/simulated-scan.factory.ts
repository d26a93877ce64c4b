import { randomBytes } from 'node:crypto';

/** A GTIN under the GS1 example company prefix 9506000 (in libs/gs1's default prefix table). */
export const SIMULATED_GTIN = '09506000134352';

export interface SimulatedScanOptions {
  gtin?: string;
  /** Tags this run's serial numbers, so runs never collide (4 base-36 characters). */
  runTag?: string;
  /** Device clock at scan 0; scan n is dated n milliseconds later. */
  startMs?: number;
  lot?: string;
  /** YYMMDD. */
  expiry?: string;
}

export function newRunTag(): string {
  return randomBytes(3).readUIntBE(0, 3).toString(36).padStart(4, '0').slice(-4).toUpperCase();
}

/** The serial number of scan `sequence` of device `deviceIndex` in a run (≤ 20 characters, AI 21). */
export function simulatedSerial(runTag: string, deviceIndex: number, sequence: number): string {
  return `${runTag}${deviceIndex.toString(36).toUpperCase()}X${sequence.toString(36).toUpperCase()}`;
}

/**
 * The JSON payload a line scanner sends for one pack: a GS1 DataMatrix read (AIM id, GS separators)
 * with serial, lot and expiry, and the device's timestamp — which makes a redelivery the same event.
 */
export function simulatedScanPayload(
  deviceIndex: number,
  sequence: number,
  options: SimulatedScanOptions = {},
): string {
  const serial = simulatedSerial(options.runTag ?? 'SIM0', deviceIndex, sequence);
  const barcode = `]d201${options.gtin ?? SIMULATED_GTIN}21${serial}\x1d10${options.lot ?? 'SIMLOT'}\x1d17${options.expiry ?? '301231'}`;
  const timestamp = new Date((options.startMs ?? Date.UTC(2025, 0, 1)) + sequence).toISOString();
  return JSON.stringify({ barcode, timestamp });
}
