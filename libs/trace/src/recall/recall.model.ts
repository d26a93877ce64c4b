/** Recall classes as regulators grade them: I (serious harm likely) to III (harm unlikely). */
export const RECALL_CLASSES = ['I', 'II', 'III'] as const;
export type RecallClass = (typeof RECALL_CLASSES)[number];

export type RecallStatus = 'active' | 'lifted';

/** A recall of one product's lots, as stored in `recalls`. */
export interface Recall {
  id: string;
  gtin: string;
  lots: string[];
  class: RecallClass;
  reason: string;
  status: RecallStatus;
  issuedBy: string;
  issuedAt: string;
  liftedBy: string | undefined;
  liftedAt: string | undefined;
  liftReason: string | undefined;
  /** Ledger record ids of the lot status changes (issue, then lift), for their receipts. */
  ledgerRecordIds: string[];
}

export interface IssueRecall {
  gtin: string;
  lots: string[];
  reason: string;
  class: RecallClass;
}
