import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Participant } from '@pharmatrace/auth';
import {
  applyCommand,
  lotKey,
  type Alert,
  type LotRecord,
  type ParticipantDirectory,
  type ProductRecord,
} from '@pharmatrace/custody';
import { CustodyStoreRepository } from '@pharmatrace/custody-processing';
import type { Database } from '@pharmatrace/persistence';
import { CLOCK, DATABASE, MetricsRegistry, type Clock } from '@pharmatrace/runtime';
import { AccessAuditRepository } from '../access/access-audit.repository';
import { TraceError, TraceErrorCode } from '../trace.error';
import { WebhookDispatcher } from '../webhooks/webhook.dispatcher';
import { parseIssueRecall, parseLiftRecall } from './recall.dto';
import type { Recall } from './recall.model';
import type { AppliedLotCommand } from './recall-notices';
import { RecallNoticeWriter } from './recall-notice.writer';
import { RecallRepository, type StoredLot } from './recall.repository';

/** The API error for a refusal of the custody rules. */
function refusal(alert: Alert): TraceError {
  switch (alert.code) {
    case 'NOT_BRAND_OWNER':
      return new TraceError(TraceErrorCode.NotBrandOwner, alert.message);
    case 'UNKNOWN_PRODUCT':
      return new TraceError(TraceErrorCode.UnknownProduct, alert.message);
    default:
      return new TraceError(TraceErrorCode.NotAuthorised, alert.message);
  }
}

const commandId = (recallId: string, type: string, lot: string) =>
  `urn:pharmatrace:recall:${recallId}:${type}:${encodeURIComponent(lot)}`;

/**
 * Issues and lifts recalls. The custody rules (applyCommand) decide; the lot records, the recall row,
 * the ledger records, the alerts and the webhook deliveries are written in one transaction, so
 * verification answers "recalled" from the moment the API answers 201.
 */
@Injectable()
export class RecallCommandService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly store: CustodyStoreRepository,
    private readonly recalls: RecallRepository,
    private readonly notices: RecallNoticeWriter,
    private readonly audit: AccessAuditRepository,
    private readonly dispatcher: WebhookDispatcher,
    private readonly metrics: MetricsRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issue(issuer: Participant, body: unknown): Promise<Recall> {
    const request = parseIssueRecall(body);
    // Master data is read before the transaction: on the single-connection embedded database a read
    // outside the transaction's client would wait for the transaction itself.
    const directory = await this.directoryWith(issuer.gln);
    const products = await this.products(request.gtin);
    const at = this.clock.now().toISOString();
    const id = randomUUID();
    try {
      const recall = await this.database.sql.transaction(async (tx) => {
        await this.recalls.lockLots(tx, request.gtin, request.lots);
        const stored = await this.recalls.lots(tx, request.gtin, request.lots);
        const taken = stored.filter((lot) => lot.status === 'recalled');
        if (taken.length > 0) {
          throw new TraceError(
            TraceErrorCode.LotAlreadyRecalled,
            `already recalled: ${taken.map((l) => `lot ${l.lot} (recall ${l.recallId ?? 'unknown'})`).join(', ')}`,
          );
        }
        const applied = this.apply(
          request.lots.map((lot) => ({
            type: 'recall_lot' as const,
            id: commandId(id, 'recall_lot', lot),
            time: at,
            gtin: request.gtin,
            lot,
            reason: request.reason,
          })),
          issuer.gln,
          stored,
          products,
          directory,
        );
        const draft: Recall = {
          id,
          ...request,
          status: 'active',
          issuedBy: issuer.gln,
          issuedAt: at,
          liftedBy: undefined,
          liftedAt: undefined,
          liftReason: undefined,
          ledgerRecordIds: [],
        };
        await this.recalls.writeLots(tx, afterStates(applied), id);
        const notice = await this.notices.write(tx, {
          type: 'recall.issued',
          recall: draft,
          applied,
          issuedBy: issuer.gln,
          directory,
          at,
        });
        const recall = { ...draft, ledgerRecordIds: notice.recordIds };
        await this.recalls.insert(tx, recall);
        await this.audit.record(
          {
            gln: issuer.gln,
            action: 'recall.issue',
            subject: id,
            details: { gtin: request.gtin, lots: request.lots, class: request.class, ...notice },
          },
          tx,
        );
        return recall;
      });
      this.dispatcher.poke();
      this.metrics.increment('pharmatrace_recalls_total', 'recalls issued and lifted', { action: 'issue' });
      return recall;
    } catch (error) {
      await this.auditRefusal(issuer, 'issue', request.gtin, error);
      throw error;
    }
  }

  async lift(lifter: Participant, id: string, body: unknown): Promise<Recall> {
    const { reason } = parseLiftRecall(body);
    const found = await this.recalls.find(id);
    if (!found) throw new TraceError(TraceErrorCode.UnknownRecall, `no recall ${id}`);
    if (found.issuedBy !== lifter.gln) {
      await this.auditRefusal(lifter, 'lift', id, undefined);
      throw new TraceError(
        TraceErrorCode.NotRecallIssuer,
        `recall ${id} was issued by ${found.issuedBy}; only it may lift the recall`,
      );
    }
    const directory = await this.directoryWith(lifter.gln);
    const products = await this.products(found.gtin);
    const at = this.clock.now().toISOString();
    const recall = await this.database.sql.transaction(async (tx) => {
      await this.recalls.lockLots(tx, found.gtin, found.lots);
      const current = await this.recalls.find(id, tx);
      if (!current || current.status === 'lifted') {
        throw new TraceError(TraceErrorCode.RecallLifted, `recall ${id} is already lifted`);
      }
      const stored = await this.recalls.lots(tx, current.gtin, current.lots);
      // Only the lots this recall still holds: another recall may have taken over a lot since.
      const held = stored.filter((lot) => lot.status === 'recalled' && lot.recallId === id);
      const applied = this.apply(
        held.map((lot) => ({
          type: 'lift_recall' as const,
          id: commandId(id, 'lift_recall', lot.lot),
          time: at,
          gtin: current.gtin,
          lot: lot.lot,
          ...(reason !== undefined && { reason }),
        })),
        lifter.gln,
        stored,
        products,
        directory,
      );
      await this.recalls.writeLots(tx, afterStates(applied), null);
      const draft: Recall = {
        ...current,
        status: 'lifted',
        liftedBy: lifter.gln,
        liftedAt: at,
        liftReason: reason,
      };
      const notice = await this.notices.write(tx, {
        type: 'recall.lifted',
        recall: draft,
        applied,
        issuedBy: lifter.gln,
        directory,
        at,
      });
      const lifted = { ...draft, ledgerRecordIds: [...current.ledgerRecordIds, ...notice.recordIds] };
      await this.recalls.markLifted(tx, lifted);
      await this.audit.record(
        { gln: lifter.gln, action: 'recall.lift', subject: id, details: { reason, ...notice } },
        tx,
      );
      return lifted;
    });
    this.dispatcher.poke();
    this.metrics.increment('pharmatrace_recalls_total', 'recalls issued and lifted', { action: 'lift' });
    return recall;
  }

  /** Runs each command through the custody rules; the first refusal aborts the whole request. */
  private apply(
    commands: readonly AppliedLotCommand['command'][],
    issuedBy: string,
    stored: readonly StoredLot[],
    products: ReadonlyMap<string, ProductRecord>,
    directory: ParticipantDirectory,
  ): AppliedLotCommand[] {
    const lots = new Map<string, LotRecord>(
      stored.map(({ recallId: _id, ...lot }) => [lotKey(lot.gtin, lot.lot), lot]),
    );
    return commands.map((command) => {
      const outcome = applyCommand({ command, issuedBy, lots, products, directory });
      const blocking = outcome.alerts.find((alert) => alert.blocking);
      if (blocking) throw refusal(blocking);
      return { command, changes: outcome.lots };
    });
  }

  private async products(gtin: string): Promise<Map<string, ProductRecord>> {
    return new Map((await this.store.products([gtin])).map((product) => [product.gtin, product]));
  }

  /** The participant directory, reloaded once when it does not know the caller yet (new registration). */
  private async directoryWith(gln: string): Promise<ParticipantDirectory> {
    const directory = await this.store.directory();
    if (directory.participant(gln)) return directory;
    this.store.invalidateDirectory();
    return this.store.directory();
  }

  private async auditRefusal(who: Participant, action: string, subject: string, error: unknown) {
    if (error !== undefined && !(error instanceof TraceError)) return;
    await this.audit.record({
      gln: who.gln,
      action: 'recall.refused',
      subject,
      details: { action, code: error instanceof TraceError ? error.code : TraceErrorCode.NotRecallIssuer },
    });
  }
}

function afterStates(applied: readonly AppliedLotCommand[]): LotRecord[] {
  return applied.flatMap(({ changes }) => changes.map((change) => change.after));
}
