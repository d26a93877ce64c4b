import { Inject, Injectable } from '@nestjs/common';
import type { Participant } from '@pharmatrace/auth';
import { CLOCK, MetricsRegistry, type Clock } from '@pharmatrace/runtime';
import { TAMPER_CHECK, type TamperCheck } from '../integrity/tamper-check';
import { PackLookup } from '../lookup/pack-lookup.service';
import type { AuditChannel, PackRecord } from '../lookup/pack-record';
import { packQueryFromBody, packQueryFromFields, type PackQuery } from './pack-query';
import { decideVerdict, type VerdictResult } from './verdict.policy';
import { verificationView, type VerificationView } from './verification.view';

export interface Verified {
  readonly query: PackQuery;
  readonly record: PackRecord;
  readonly result: VerdictResult;
  readonly view: VerificationView;
}

/**
 * Verifies packs: one lookup statement for all of them (which also writes the access audit), then
 * pure decisions. "Today" for expiry is the UTC date of the injected clock.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly lookup: PackLookup,
    @Inject(TAMPER_CHECK) private readonly tamperCheck: TamperCheck,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: MetricsRegistry,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** The year two-digit GS1 dates are read against. */
  referenceYear(): number {
    return this.clock.now().getUTCFullYear();
  }

  /** GET /v1/verify: gtin, serial, lot, expiry as query parameters. */
  async verifyFields(reader: Participant, fields: Record<string, unknown>): Promise<VerificationView> {
    const query = packQueryFromFields(fields, this.referenceYear());
    return (await this.verifyOne(reader, query, 'verify')).view;
  }

  /** POST /v1/verify: a scan, or the same fields as a JSON body. */
  async verifyBody(reader: Participant, body: unknown): Promise<VerificationView> {
    const query = packQueryFromBody(body, this.referenceYear());
    return (await this.verifyOne(reader, query, 'verify')).view;
  }

  async verifyOne(reader: Participant, query: PackQuery, channel: AuditChannel): Promise<Verified> {
    const [verified] = await this.verify(reader, [query], channel);
    if (!verified) throw new Error('verification returned no result');
    return verified;
  }

  async verify(
    reader: Participant,
    queries: readonly PackQuery[],
    channel: AuditChannel,
  ): Promise<Verified[]> {
    const records = await this.lookup.find(
      queries.map((q) => ({ gtin: q.gtin, serial: q.serial, reader: reader.gln, channel })),
    );
    const known = records.filter((record) => record.pack !== undefined);
    const judged = known.length > 0 ? await this.tamperCheck.assess(known) : [];
    let next = 0;
    const integrity = records.map((record) => (record.pack ? judged[next++] : undefined));
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const verifiedAt = now.toISOString();
    return queries.map((query, i) => {
      const record = records[i] as PackRecord;
      const result = decideVerdict(query, record, integrity[i], today);
      this.metrics.increment('pharmatrace_verifications_total', 'pack verifications by verdict', {
        verdict: result.verdict,
      });
      return { query, record, result, view: verificationView(query, record, result, reader, verifiedAt) };
    });
  }
}
