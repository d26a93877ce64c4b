import { createHash } from 'node:crypto';
import { canonicalJson, type CustodyOutcome, type ParticipantDirectory } from '@pharmatrace/custody';
import { eventIdempotencyKey, type CapturedEvent } from '@pharmatrace/epcis';
import { Topics } from '@pharmatrace/messaging';
import type { OutboxMessage } from '@pharmatrace/runtime';

/**
 * The organisation that stands on the ledger for participants without their own Fabric membership
 * (hosted by the platform operator). A Fabric ledger writer without an identity for it refuses their
 * records as NOT_AUTHORISED rather than anchoring them under somebody else's name (ADR 8).
 */
export const HOSTED_MSP = 'PharmaTraceMSP';

/** Fabric organisation of a participant, or the hosted one when it has none of its own. */
function mspOf(directory: ParticipantDirectory, gln: string): string {
  return directory.participant(gln)?.mspId ?? HOSTED_MSP;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * One ledger record per pack, container or lot whose state an event changed: the hash of the new
 * off-chain state, so the ledger can later prove the database was not rewritten. Observations and
 * refused changes change nothing and anchor nothing.
 */
export function ledgerRecordsOf(
  captured: CapturedEvent,
  outcome: CustodyOutcome,
  directory: ParticipantDirectory,
): OutboxMessage[] {
  const { event } = captured;
  const key = eventIdempotencyKey(event);
  const submitterMsp = mspOf(directory, captured.capturedBy);
  const records = [];
  for (const change of outcome.packs) {
    const state = change.after;
    if (!state) continue;
    records.push({
      recordId: `${key}#${state.epc}`,
      subject: state.epc,
      kind: state.kind === 'item' ? 'pack' : 'container',
      operation: outcome.operation,
      status: state.status,
      ownerGln: state.owner,
      ownerMsp: mspOf(directory, state.owner),
      custodianGln: state.custodian,
      custodianMsp: mspOf(directory, state.custodian),
      submitterGln: captured.capturedBy,
      submitterMsp,
      // The chaincode lets only the destination's organisation receive a pack in transit.
      ...(state.inTransit && {
        destinationGln: state.inTransit.to,
        destinationMsp: mspOf(directory, state.inTransit.to),
      }),
      ...(state.kind === 'item' ? { gtin: state.gtin, lot: state.lot } : {}),
      stateHash: sha256(canonicalJson(state)),
      eventHash: event.eventHash,
      eventId: event.eventID,
      eventTime: event.eventTime,
      version: state.version,
    });
  }
  for (const change of outcome.lots) {
    const lot = change.after;
    const subject = `lot:${lot.gtin}|${lot.lot}`;
    records.push({
      recordId: `${key}#${subject}`,
      subject,
      kind: 'lot',
      operation: outcome.operation,
      status: lot.status,
      ownerGln: directory.ownerOfGtin(lot.gtin)?.gln ?? captured.capturedBy,
      ownerMsp: directory.ownerOfGtin(lot.gtin)?.mspId ?? HOSTED_MSP,
      submitterGln: captured.capturedBy,
      submitterMsp,
      gtin: lot.gtin,
      lot: lot.lot,
      stateHash: sha256(canonicalJson(lot)),
      eventHash: event.eventHash,
      eventId: event.eventID,
      eventTime: event.eventTime,
      version: 1,
    });
  }
  return records.map((record) => ({
    topic: Topics.LedgerRecords,
    key: record.subject,
    value: JSON.stringify(record),
  }));
}
