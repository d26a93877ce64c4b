import { createParticipantDirectory, type RecallLotCommand } from '@pharmatrace/custody';
import { Topics } from '@pharmatrace/messaging';
import { MAKER, PHARMACY, REGULATOR, WHOLESALER } from '../testing/trace.factories';
import type { Recall } from './recall.model';
import {
  commandHash,
  lotLedgerMessages,
  recallAlerts,
  recipientsOf,
  webhookPayload,
  type AppliedLotCommand,
} from './recall-notices';

const directory = createParticipantDirectory(
  [MAKER, WHOLESALER, PHARMACY, REGULATOR].map((p) => ({
    gln: p.gln,
    role: p.role,
    companyPrefixes: p.companyPrefixes,
    locations: p.locations.map((l) => l.sgln),
    mspId: p.mspId ?? 'RegulatorMSP',
  })),
);
const GTIN = '10614141073464';
const command: RecallLotCommand = {
  type: 'recall_lot',
  id: 'urn:pharmatrace:recall:r1:recall_lot:LOT-1',
  time: '2026-04-02T00:00:00.000Z',
  gtin: GTIN,
  lot: 'LOT-1',
  reason: 'dissolution',
};
const applied: AppliedLotCommand[] = [
  {
    command,
    changes: [
      {
        key: `${GTIN}|LOT-1`,
        before: undefined,
        after: {
          gtin: GTIN,
          lot: 'LOT-1',
          status: 'recalled',
          statusSetBy: REGULATOR.gln,
          statusSetAt: command.time,
        },
      },
    ],
  },
];
const recall: Recall = {
  id: 'r1',
  gtin: GTIN,
  lots: ['LOT-1'],
  class: 'I',
  reason: 'dissolution',
  status: 'active',
  issuedBy: REGULATOR.gln,
  issuedAt: command.time,
  liftedBy: undefined,
  liftedAt: undefined,
  liftReason: undefined,
  ledgerRecordIds: [],
};

describe('recall notices', () => {
  it('keys ledger records of a command by the hash of the command, like events', () => {
    const hash = commandHash(command);
    expect(hash).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=pharmatrace-command-1$/);
    expect(commandHash({ ...command })).toBe(hash);
    const { messages, recordIds } = lotLedgerMessages(applied, REGULATOR.gln, directory);
    expect(recordIds).toEqual([`${hash}#lot:${GTIN}|LOT-1`]);
    expect(messages[0]?.topic).toBe(Topics.LedgerRecords);
    expect(JSON.parse(messages[0]?.value ?? '')).toMatchObject({
      subject: `lot:${GTIN}|LOT-1`,
      kind: 'lot',
      operation: 'recall_lot',
      status: 'recalled',
      ownerGln: MAKER.gln,
      ownerMsp: 'Org1MSP',
      submitterGln: REGULATOR.gln,
      submitterMsp: 'RegulatorMSP',
      eventId: command.id,
    });
  });

  it('notifies every holder (custodian or destination) and the brand owner', () => {
    const recipients = recipientsOf(
      [
        { gln: WHOLESALER.gln, lot: 'LOT-1', status: 'active', n: 3 },
        { gln: WHOLESALER.gln, lot: 'LOT-1', status: 'in_transit', n: 2 },
        { gln: PHARMACY.gln, lot: 'LOT-1', status: 'incoming', n: 2 },
        { gln: PHARMACY.gln, lot: 'LOT-1', status: 'dispensed', n: 1 },
      ],
      MAKER.gln,
    );
    expect(recipients).toEqual([
      { gln: MAKER.gln, byStatus: {}, incoming: 0, total: 0 },
      { gln: WHOLESALER.gln, byStatus: { active: 3, in_transit: 2 }, incoming: 0, total: 5 },
      { gln: PHARMACY.gln, byStatus: { dispensed: 1 }, incoming: 2, total: 1 },
    ]);
    const [, , pharmacy] = recipients;
    if (!pharmacy) throw new Error('no pharmacy recipient');
    const payload = JSON.parse(webhookPayload('d1', 'recall.issued', recall, pharmacy, command.time));
    expect(payload).toMatchObject({
      id: 'd1',
      type: 'recall.issued',
      recall: { id: 'r1', class: 'I', lots: ['LOT-1'] },
      yourPacks: { total: 1, incoming: 2 },
      links: { report: '/v1/recalls/r1' },
    });
  });

  it('raises one RECALLED alert per lot, stored and published', () => {
    const recipients = recipientsOf([{ gln: PHARMACY.gln, lot: 'LOT-1', status: 'active', n: 1 }], MAKER.gln);
    const { rows, messages } = recallAlerts(applied, 'recall.issued', recall, recipients, command.time);
    expect(rows).toEqual([
      expect.objectContaining({
        code: 'RECALLED',
        gtin: GTIN,
        lot: 'LOT-1',
        participant_gln: REGULATOR.gln,
        involved_glns: [MAKER.gln, PHARMACY.gln, REGULATOR.gln].sort(),
      }),
    ]);
    expect(rows[0]?.message).toContain('class I');
    expect(messages[0]).toMatchObject({ topic: Topics.CustodyAlerts, key: `lot:${GTIN}|LOT-1` });
    expect(JSON.parse(messages[0]?.value ?? '')).toMatchObject({ notice: 'recall.issued', recallId: 'r1' });
  });
});
