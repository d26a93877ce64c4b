import type { AlertSpec } from '../model/alert-codes';
import { buildAlert } from '../model/alert-codes';
import type { CustodyCommand } from '../model/custody-command';
import type { CustodyOutcome } from '../model/custody-outcome';
import type {
  LotChange,
  LotRecord,
  LotStatus,
  ProductChange,
  ProductRecord,
  ProductStatus,
} from '../model/reference-data';
import { lotKey } from '../model/reference-data';
import type { Participant, ParticipantDirectory } from '../participants/participant-directory';
import { sortAlerts } from '../engine/outcome.builder';

export interface ApplyCommandInput {
  readonly command: CustodyCommand;
  /** GLN of the authenticated participant issuing the command. */
  readonly issuedBy: string;
  /** Must hold the command's lot (when stored) under lotKey(gtin, lot). */
  readonly lots: ReadonlyMap<string, LotRecord>;
  /** Must hold the command's product (when stored). */
  readonly products: ReadonlyMap<string, ProductRecord>;
  readonly directory: ParticipantDirectory;
}

/**
 * Recall and lift (lots), withdraw and reinstate (products). Setting a status: the brand owner or a
 * regulator. Lifting one: whoever set it, or a regulator. Repeating a command that changes nothing
 * (recalling a recalled lot) is a no-op without alert.
 */
export function applyCommand(input: ApplyCommandInput): CustodyOutcome {
  const { command } = input;
  const alerts: AlertSpec[] = [];
  const lots: LotChange[] = [];
  const products: ProductChange[] = [];
  const issuer = input.directory.participant(input.issuedBy);
  if (!issuer) {
    alerts.push({
      code: 'NOT_AUTHORISED',
      blocking: true,
      detail: `${input.issuedBy} is not a known participant`,
    });
  } else if (!input.products.has(command.gtin)) {
    alerts.push({
      code: 'UNKNOWN_PRODUCT',
      blocking: true,
      detail: `GTIN ${command.gtin} is not in the product master`,
    });
  } else {
    switch (command.type) {
      case 'recall_lot':
      case 'lift_recall': {
        const key = lotKey(command.gtin, command.lot);
        const before = input.lots.get(key);
        const wanted: LotStatus = command.type === 'recall_lot' ? 'recalled' : 'active';
        const refusal = statusRefusal(input, issuer, wanted === 'recalled', before?.statusSetBy);
        if (refusal) alerts.push(refusal);
        else if ((before?.status ?? 'active') !== wanted) {
          lots.push({ key, before, after: lotRecord(command.gtin, command.lot, wanted, input) });
        }
        break;
      }
      case 'withdraw_product':
      case 'reinstate_product': {
        const before = input.products.get(command.gtin);
        const wanted: ProductStatus = command.type === 'withdraw_product' ? 'withdrawn' : 'active';
        const refusal = statusRefusal(input, issuer, wanted === 'withdrawn', before?.statusSetBy);
        if (refusal) alerts.push(refusal);
        else if (before && before.status !== wanted) {
          products.push({ gtin: command.gtin, before, after: productRecord(before, wanted, input) });
        }
        break;
      }
    }
  }
  return {
    eventId: command.id,
    operation: command.type,
    packs: [],
    links: [],
    handoffs: [],
    lots,
    products,
    alerts: sortAlerts(alerts.map((spec) => buildAlert(spec, command.id, input.issuedBy))),
  };
}

function statusRefusal(
  input: ApplyCommandInput,
  issuer: Participant,
  setting: boolean,
  setBy: string | undefined,
): AlertSpec | undefined {
  if (issuer.role === 'regulator') return undefined;
  const owner = input.directory.ownerOfGtin(input.command.gtin);
  if (setting) {
    if (owner?.gln === issuer.gln) return undefined;
    return {
      code: 'NOT_BRAND_OWNER',
      blocking: true,
      detail: `${issuer.gln} is neither the brand owner of ${input.command.gtin} nor a regulator`,
    };
  }
  const entitled = setBy ?? owner?.gln;
  if (entitled === issuer.gln) return undefined;
  return {
    code: 'NOT_AUTHORISED',
    blocking: true,
    detail: `status was set by ${entitled ?? 'an unknown party'}; only it or a regulator may lift it`,
  };
}

function lotRecord(gtin: string, lot: string, status: LotStatus, input: ApplyCommandInput): LotRecord {
  const { reason } = input.command;
  return {
    gtin,
    lot,
    status,
    statusSetBy: input.issuedBy,
    statusSetAt: input.command.time,
    ...(reason !== undefined && { statusReason: reason }),
  };
}

function productRecord(
  before: ProductRecord,
  status: ProductStatus,
  input: ApplyCommandInput,
): ProductRecord {
  const { reason } = input.command;
  return {
    gtin: before.gtin,
    status,
    statusSetBy: input.issuedBy,
    statusSetAt: input.command.time,
    ...(reason !== undefined && { statusReason: reason }),
    ...(before.storage !== undefined && { storage: before.storage }),
  };
}
