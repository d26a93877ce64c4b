import { Inject, Injectable } from '@nestjs/common';
import type { CapturedEvent, EpcisEvent } from '@pharmatrace/epcis';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import { eventParties } from './event-parties';

function epcsOf(event: EpcisEvent): string[] {
  return [
    ...(event.epcList ?? []),
    ...(event.childEPCs ?? []),
    ...(event.inputEPCList ?? []),
    ...(event.outputEPCList ?? []),
  ];
}

function classesOf(event: EpcisEvent): string[] {
  const lists = [
    event.quantityList,
    event.childQuantityList,
    event.inputQuantityList,
    event.outputQuantityList,
  ];
  return lists.flatMap((list) => (list ?? []).map((q) => q.epcClass));
}

/** Writes captured events to `epcis_events`, once each: the event hash is the key. */
@Injectable()
export class EventStoreRepository {
  private readonly sql: SqlClient;

  constructor(@Inject(DATABASE) database: Database) {
    this.sql = database.sql;
  }

  /**
   * Inserts the batch in one statement; events already stored (same hash, or same eventID) are skipped.
   * Returns how many were new.
   */
  async store(all: readonly CapturedEvent[], client: SqlClient = this.sql): Promise<number> {
    const batch = all.filter((captured) => !captured.event.errorDeclaration);
    const declarations = all.filter((captured) => captured.event.errorDeclaration);
    const inserted = await this.insert(batch, client);
    // An error declaration marks the stored event (same eventID) as erroneous rather than adding one.
    for (const { event } of declarations) {
      await client.query(
        `update epcis_events set document = document || jsonb_build_object('errorDeclaration', $2::jsonb)
          where event_id = $1 and not document ? 'errorDeclaration'`,
        [event.eventID, JSON.stringify(event.errorDeclaration)],
      );
    }
    return inserted;
  }

  private async insert(batch: readonly CapturedEvent[], client: SqlClient): Promise<number> {
    if (batch.length === 0) return 0;
    const rows = batch.map((captured) => {
      const { event } = captured;
      return {
        event_hash: event.eventHash,
        event_id: event.eventID,
        event_type: event.type,
        event_time: event.eventTime,
        record_time: event.recordTime ?? captured.recordTime,
        action: event.action ?? null,
        biz_step: event.bizStep ?? null,
        disposition: event.disposition ?? null,
        read_point: event.readPoint ?? null,
        biz_location: event.bizLocation ?? null,
        parent_id: event.parentID ?? null,
        epcs: epcsOf(event),
        epc_classes: classesOf(event),
        parties: eventParties(captured),
        captured_by: captured.capturedBy,
        capture_id: captured.captureId,
        document: event,
      };
    });
    const inserted = await client.query<{ n: number }>(
      `with incoming as (
         select * from jsonb_to_recordset($1::jsonb) as x(
           event_hash text, event_id text, event_type text, event_time timestamptz, record_time timestamptz,
           action text, biz_step text, disposition text, read_point text, biz_location text, parent_id text,
           epcs text[], epc_classes text[], parties text[], captured_by text, capture_id uuid, document jsonb)
       ), written as (
         insert into epcis_events (event_hash, event_id, event_type, event_time, record_time, action, biz_step,
           disposition, read_point, biz_location, parent_id, epcs, epc_classes, parties, captured_by, capture_id, document)
         select * from incoming
         on conflict do nothing
         returning 1
       )
       select count(*)::int as n from written`,
      [JSON.stringify(rows)],
    );
    return inserted[0]?.n ?? 0;
  }
}
