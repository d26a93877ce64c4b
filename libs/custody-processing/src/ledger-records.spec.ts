import type { Participant, ParticipantDirectory } from '@pharmatrace/custody';
import { CustodyWorld, ITEM } from '@pharmatrace/custody/testing';
import type { EpcisEvent } from '@pharmatrace/epcis';
import { HOSTED_MSP, ledgerRecordsOf } from './ledger-records';

function recordsOf(w: CustodyWorld, event: EpcisEvent, by: Participant) {
  const outcome = w.apply(event, by);
  const captured = { event, capturedBy: by.gln, captureId: 'c1', recordTime: event.eventTime };
  return ledgerRecordsOf(captured, outcome, w.net.directory).map(
    (message) => JSON.parse(message.value) as Record<string, unknown>,
  );
}

describe('ledger records of a custody outcome', () => {
  it('names the destination and its organisation on a shipment, so only it may receive', () => {
    const w = new CustodyWorld().commissioned([ITEM(1)]);
    const [record] = recordsOf(w, w.events.ship([ITEM(1)], w.net.wholesaler), w.mfr);
    expect(record).toMatchObject({
      subject: ITEM(1),
      operation: 'ship',
      status: 'in_transit',
      submitterMsp: w.mfr.mspId,
      custodianMsp: w.mfr.mspId,
      destinationGln: w.net.wholesaler.gln,
      destinationMsp: w.net.wholesaler.mspId,
    });
  });

  it('carries no destination once the pack is received', () => {
    const w = new CustodyWorld().commissioned([ITEM(1)]);
    w.shipped([ITEM(1)], w.mfr, w.net.wholesaler);
    const [record] = recordsOf(w, w.events.receive([ITEM(1)]), w.net.wholesaler);
    expect(record).toMatchObject({ operation: 'receive', custodianMsp: w.net.wholesaler.mspId });
    expect(record).not.toHaveProperty('destinationGln');
  });

  it('stands participants the directory has no organisation for under the hosted one', () => {
    const w = new CustodyWorld().commissioned([ITEM(1)]);
    // The directory the records are built with knows nobody (a participant removed meanwhile).
    const directory: ParticipantDirectory = {
      participant: () => undefined,
      ownerOfCompanyPrefix: () => undefined,
      ownerOfGtin: () => undefined,
      ownerOfLocation: () => undefined,
      byMspId: () => [],
    };
    const event = w.events.ship([ITEM(1)], w.net.wholesaler);
    const outcome = w.apply(event, w.mfr);
    const [message] = ledgerRecordsOf(
      { event, capturedBy: w.mfr.gln, captureId: 'c1', recordTime: event.eventTime },
      outcome,
      directory,
    );
    expect(JSON.parse(message?.value ?? '{}')).toMatchObject({
      submitterMsp: HOSTED_MSP,
      ownerMsp: HOSTED_MSP,
      destinationMsp: HOSTED_MSP,
    });
  });
});
