import type { Participant } from '@pharmatrace/auth';
import { locationGln } from '@pharmatrace/custody';
import { VerificationError, VerificationErrorCode } from '../verification.error';
import type { Verified } from '../verify/verification.service';
import type { Operation } from './operation-event.factory';

/**
 * What can be refused before any event is emitted: an unknown pack (404), a record that fails its
 * ledger check (409), a caller with no standing (403: not the custodian; for an undo, not the
 * participant that decommissioned). Everything else (already dispensed, mismatched lot, recalled,
 * the undo window…) is decided by the custody rules on the event, so the alert is recorded with it.
 * Returns the pack's EPC.
 */
export function precheckOperation(operation: Operation, caller: Participant, verified: Verified): string {
  const { result, record, view } = verified;
  const body = { verification: view };
  switch (result.verdict) {
    case 'unknown_product':
      throw new VerificationError(VerificationErrorCode.UnknownProduct, result.alert?.message ?? '', {
        wireCode: result.alert?.nmvsCode,
        body,
      });
    case 'unknown_serial':
      throw new VerificationError(VerificationErrorCode.UnknownSerial, result.alert?.message ?? '', {
        wireCode: result.alert?.nmvsCode,
        body,
      });
    case 'tampered':
      throw new VerificationError(
        VerificationErrorCode.Tampered,
        'the pack record does not match the ledger: it is quarantined, nothing was changed',
        { body },
      );
    default:
      break;
  }
  const pack = record.pack;
  if (!pack) throw new Error('a verdict on an existing pack without the pack');
  const state = pack.state;
  const decommissionedBy = state.decommission?.by;
  if (operation.kind === 'undo' && decommissionedBy !== undefined && decommissionedBy !== caller.gln) {
    throw new VerificationError(
      VerificationErrorCode.UndoByOtherParticipant,
      'only the participant that decommissioned the pack may undo it',
      { wireCode: 'NMVS_NC_PCK_21', body },
    );
  }
  if (state.custodian !== caller.gln && !(operation.kind === 'undo' && decommissionedBy === caller.gln)) {
    throw new VerificationError(
      VerificationErrorCode.NotCustodian,
      'only the pack’s current custodian may change its state',
      { body },
    );
  }
  return pack.epc;
}

/**
 * The premises of the operation: the SGLN the caller names, which must be one of its own (an SGLN
 * extension such as a till of the same premises is fine), or its first registered location.
 */
export function operationLocation(caller: Participant, requested: unknown): string | undefined {
  if (requested === undefined || requested === null) return caller.locations[0]?.sgln;
  const sgln = typeof requested === 'string' ? requested : undefined;
  const gln = sgln === undefined ? undefined : locationGln(sgln);
  if (sgln === undefined || gln === undefined) {
    throw new VerificationError(
      VerificationErrorCode.InvalidRequest,
      'location must be an SGLN URN (urn:epc:id:sgln:…)',
      {
        details: [{ pointer: '/location', reason: 'must be an SGLN URN' }],
      },
    );
  }
  if (!caller.locations.some((own) => locationGln(own.sgln) === gln)) {
    throw new VerificationError(
      VerificationErrorCode.LocationNotOwned,
      `${sgln} is not one of your registered locations`,
    );
  }
  return sgln;
}
