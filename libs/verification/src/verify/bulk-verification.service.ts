import { Injectable } from '@nestjs/common';
import type { Participant } from '@pharmatrace/auth';
import { VerificationError, VerificationErrorCode } from '../verification.error';
import { packQueryFromBody, type PackQuery } from './pack-query';
import type { Verdict } from './verdict.policy';
import { VerificationService } from './verification.service';
import type { VerificationView } from './verification.view';

export const MAX_BULK_PACKS = 1000;

/** An entry of a bulk request that could not be read; the others are still verified. */
export interface BulkEntryError {
  error: { code: string; message: string; details?: readonly { pointer: string; reason: string }[] };
}

export interface BulkVerification {
  verifiedAt: string;
  count: number;
  /** How many packs got each verdict; `unreadable` counts entries that could not be read. */
  verdicts: Partial<Record<Verdict | 'unreadable', number>>;
  /** One entry per requested pack, in request order. */
  results: (VerificationView | BulkEntryError)[];
}

/**
 * A wholesaler receiving a case: up to 1,000 packs verified with one lookup statement. An unreadable
 * entry is reported in its place rather than failing the whole request.
 */
@Injectable()
export class BulkVerificationService {
  constructor(private readonly verification: VerificationService) {}

  async verify(reader: Participant, body: unknown): Promise<BulkVerification> {
    const packs = (body as { packs?: unknown } | null)?.packs;
    if (!Array.isArray(packs) || packs.length === 0) {
      throw new VerificationError(
        VerificationErrorCode.InvalidRequest,
        `packs is required: an array of 1 to ${MAX_BULK_PACKS} entries, each { "scan" } or { "gtin", "serial", "lot", "expiry" }`,
        { details: [{ pointer: '/packs', reason: 'must be a non-empty array' }] },
      );
    }
    if (packs.length > MAX_BULK_PACKS) {
      throw new VerificationError(
        VerificationErrorCode.TooManyPacks,
        `at most ${MAX_BULK_PACKS} packs per request, not ${packs.length}: split the request`,
      );
    }
    const year = this.verification.referenceYear();
    const results = new Array<VerificationView | BulkEntryError | undefined>(packs.length);
    const queries: PackQuery[] = [];
    const positions: number[] = [];
    packs.forEach((entry, index) => {
      try {
        queries.push(packQueryFromBody(entry, year, `/packs/${index}`));
        positions.push(index);
      } catch (error) {
        if (!(error instanceof VerificationError)) throw error;
        const { details } = error.options;
        results[index] = { error: { code: error.code, message: error.message, ...(details && { details }) } };
      }
    });
    const verified = await this.verification.verify(reader, queries, 'bulk');
    const verdicts: BulkVerification['verdicts'] = {};
    verified.forEach((item, i) => {
      results[positions[i] as number] = item.view;
      verdicts[item.result.verdict] = (verdicts[item.result.verdict] ?? 0) + 1;
    });
    const unreadable = packs.length - verified.length;
    if (unreadable > 0) verdicts.unreadable = unreadable;
    return {
      verifiedAt: verified[0]?.view.verifiedAt ?? this.verification.now().toISOString(),
      count: packs.length,
      verdicts,
      results: results as (VerificationView | BulkEntryError)[],
    };
  }
}
