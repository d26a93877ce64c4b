/**
 * Non-EPCIS commands, from the recall API and the console. They act on lot and product records, never
 * on packs: a pack's recalled or withdrawn condition is derived when it is read (deriveVerdictStatus)
 * or touched by an event, so a recall costs O(1) whatever the lot size.
 */
interface CommandBase {
  /** Unique id (the processor's idempotency key); alerts name it as their eventId. */
  readonly id: string;
  /** ISO 8601 UTC time the command was issued (recorded as statusSetAt). */
  readonly time: string;
  readonly reason?: string;
}

export interface RecallLotCommand extends CommandBase {
  readonly type: 'recall_lot';
  readonly gtin: string;
  readonly lot: string;
}

export interface LiftRecallCommand extends CommandBase {
  readonly type: 'lift_recall';
  readonly gtin: string;
  readonly lot: string;
}

export interface WithdrawProductCommand extends CommandBase {
  readonly type: 'withdraw_product';
  readonly gtin: string;
}

export interface ReinstateProductCommand extends CommandBase {
  readonly type: 'reinstate_product';
  readonly gtin: string;
}

export type CustodyCommand =
  RecallLotCommand | LiftRecallCommand | WithdrawProductCommand | ReinstateProductCommand;
