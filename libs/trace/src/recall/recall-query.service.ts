import { Inject, Injectable } from '@nestjs/common';
import type { Participant } from '@pharmatrace/auth';
import { toQueryDocument, type EpcisEvent, type EpcisQueryDocument } from '@pharmatrace/epcis';
import { PrefixDirectory } from '@pharmatrace/master-data';
import { CLOCK, type Clock } from '@pharmatrace/runtime';
import { AccessAuditRepository } from '../access/access-audit.repository';
import { PartyNamesRepository } from '../access/party-names.repository';
import { recallScope, viewerOf, type AccessScope, type Viewer } from '../access/viewer';
import { TraceError, TraceErrorCode } from '../trace.error';
import type { Recall } from './recall.model';
import { RecallRepository } from './recall.repository';
import { sgtinsOf } from './recall-epc';
import { assembleRecallReport, type RecallReport } from './recall-report';
import { renderRecallCsv } from './recall-report.csv';
import { RecallReportRepository } from './recall-report.repository';
import { RecallEventsRepository } from './recall-events.repository';
import { decodeCursor, encodeCursor, type RecallEventsCursor } from './recall-events.page';

export interface RecallEventsPage {
  document: EpcisQueryDocument;
  nextPageToken: string | undefined;
}

/**
 * Reads of a recall: the report (where every pack of the lots is) and the affected events. Regulators
 * and the brand owner see every pack; other participants the packs they hold or that are on their way
 * to them, and the events they are party to. Every read is audited.
 */
@Injectable()
export class RecallQueryService {
  constructor(
    private readonly recalls: RecallRepository,
    private readonly reports: RecallReportRepository,
    private readonly events: RecallEventsRepository,
    private readonly names: PartyNamesRepository,
    private readonly prefixes: PrefixDirectory,
    private readonly audit: AccessAuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(reader: Participant, id: string): Promise<RecallReport> {
    const { recall, scope, rows, names } = await this.whereabouts(reader, id, 'json');
    return assembleRecallReport({
      recall,
      scope,
      generatedAt: this.clock.now().toISOString(),
      ...rows,
      names,
    });
  }

  /** The report as CSV, one line per pack. */
  async reportCsv(reader: Participant, id: string): Promise<string> {
    const { recall, rows, names } = await this.whereabouts(reader, id, 'csv');
    return renderRecallCsv(rows.groups, names, sgtinsOf(recall.gtin, await this.prefixes.table()));
  }

  private async whereabouts(reader: Participant, id: string, format: 'json' | 'csv') {
    const { recall, viewer, scope } = await this.open(reader, id);
    const holders = scope === 'full' ? undefined : viewer.glns;
    const [rows, names] = await Promise.all([
      this.reports.load(recall.gtin, recall.lots, recall.ledgerRecordIds, holders),
      this.names.names(),
    ]);
    await this.audit.record({
      gln: reader.gln,
      action: 'recall.read',
      subject: recall.id,
      details: { scope, format, packs: rows.groups.reduce((n, group) => n + group.n, 0) },
    });
    return { recall, scope, rows, names };
  }

  async affectedEvents(
    reader: Participant,
    id: string,
    perPage: number,
    token: string | undefined,
  ): Promise<RecallEventsPage> {
    const { recall, viewer, scope } = await this.open(reader, id);
    const cursor = decodeCursor(recall.id, token);
    const visibleTo = scope === 'full' ? undefined : viewer.glns;
    const { events, next } = await this.page(recall, cursor, perPage, visibleTo);
    await this.audit.record({
      gln: reader.gln,
      action: 'recall.events.read',
      subject: recall.id,
      details: { scope, events: events.length, cursor },
    });
    return {
      document: toQueryDocument(events, {
        queryName: 'RecallAffectedEvents',
        creationDate: this.clock.now().toISOString(),
      }),
      nextPageToken: next ? encodeCursor(recall.id, next) : undefined,
    };
  }

  private async page(
    recall: Recall,
    cursor: RecallEventsCursor,
    perPage: number,
    visibleTo: readonly string[] | undefined,
  ): Promise<{ events: EpcisEvent[]; next: RecallEventsCursor | undefined }> {
    if (cursor.phase === 'packs') {
      const chunk = await this.events.packs(recall.gtin, recall.lots, cursor, perPage);
      const last = chunk.at(-1);
      if (last) {
        const events = await this.events.packEvents(recall.gtin, recall.lots, chunk, visibleTo);
        const next: RecallEventsCursor =
          chunk.length === perPage
            ? { phase: 'packs', lot: last.lot, serial: last.serial }
            : { phase: 'containers', epc: '' };
        return { events, next };
      }
    }
    const after = cursor.phase === 'containers' ? cursor.epc : '';
    const all = await this.events.containers(recall.gtin, recall.lots);
    const remaining = all.filter((epc) => epc > after);
    const chunk = remaining.slice(0, perPage);
    const last = chunk.at(-1);
    if (last === undefined) return { events: [], next: undefined };
    const events = await this.events.containerEvents(recall.gtin, recall.lots, chunk, all, visibleTo);
    return {
      events,
      next: remaining.length > chunk.length ? { phase: 'containers', epc: last } : undefined,
    };
  }

  /** The recall and how much of it the reader may see; any participant may know a recall exists. */
  private async open(
    reader: Participant,
    id: string,
  ): Promise<{ recall: Recall; viewer: Viewer; scope: AccessScope }> {
    const recall = await this.recalls.find(id);
    if (!recall) throw new TraceError(TraceErrorCode.UnknownRecall, `no recall ${id}`);
    const viewer = viewerOf(reader);
    return { recall, viewer, scope: recallScope(viewer, recall.gtin) };
  }
}
