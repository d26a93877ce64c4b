import { Injectable } from '@nestjs/common';
import type { Participant } from '@pharmatrace/auth';
import { locationGln } from '@pharmatrace/custody';
import { isValidCheckDigit } from '@pharmatrace/gs1';
import { ProductRepository } from '@pharmatrace/master-data';
import { VerificationError, VerificationErrorCode } from '../verification.error';
import { packQueryFromFields } from '../verify/pack-query';
import { VerificationService } from '../verify/verification.service';
import { lvmsData, type LvmsResponse } from './lvms.mapping';

export interface LvmsRequest {
  gtin: string;
  lot: string;
  serial: string;
  query: Record<string, string | undefined>;
}

const LINK_TYPES = new Set(['verificationService', 'gs1:verificationService']);
const CORR_UUID = /^[A-Za-z0-9-]{1,64}$/;

function invalid(name: string, reason: string): VerificationError {
  return new VerificationError(VerificationErrorCode.InvalidRequest, `${name} ${reason}`, {
    details: [{ pointer: `/${name}`, reason }],
  });
}

/**
 * GS1 Lightweight Verification Messaging (DSCSA saleable returns): the same verification as
 * /v1/verify, answered in LVMS terms on behalf of the GTIN's brand owner.
 */
@Injectable()
export class LvmsService {
  constructor(
    private readonly verification: VerificationService,
    private readonly products: ProductRepository,
  ) {}

  async verify(requester: Participant, request: LvmsRequest): Promise<LvmsResponse> {
    const { exp, linkType, reqGLN, corrUUID } = request.query;
    if (linkType !== undefined && !LINK_TYPES.has(linkType)) {
      throw invalid('linkType', 'must be verificationService');
    }
    if (exp === undefined || !/^\d{6}$/.test(exp)) throw invalid('exp', 'is required: the expiry as YYMMDD');
    if (corrUUID !== undefined && !CORR_UUID.test(corrUUID)) throw invalid('corrUUID', 'must be a UUID');
    this.checkRequester(requester, reqGLN);
    const query = packQueryFromFields(
      { gtin: request.gtin, serial: request.serial, lot: request.lot, expiry: exp },
      this.verification.referenceYear(),
      { gtin: 'gtin', serial: 'ser', lot: 'lot', expiry: 'exp' },
    );
    const { result, record, view } = await this.verification.verifyOne(requester, query, 'lvms');
    if (!record.product) {
      throw new VerificationError(
        VerificationErrorCode.UnknownProduct,
        `GTIN ${query.gtin} is unknown to this responder`,
      );
    }
    return {
      verificationTimestamp: view.verifiedAt,
      responderGLN: record.product.ownerGln,
      data: lvmsData(result),
      ...(corrUUID !== undefined && { corrUUID }),
    };
  }

  /** checkConnectivity: 200 with the responder for a GTIN this repository answers for, else 404. */
  async checkConnectivity(
    query: Record<string, string | undefined>,
  ): Promise<Omit<LvmsResponse, 'data'> & { data: { connectivity: true } }> {
    const gtin = query['gtin'];
    if (gtin === undefined || !/^\d{14}$/.test(gtin) || !isValidCheckDigit(gtin)) {
      throw invalid('gtin', 'must be a GTIN-14 with a valid check digit');
    }
    const product = await this.products.find(gtin);
    if (!product) {
      throw new VerificationError(
        VerificationErrorCode.UnknownProduct,
        `GTIN ${gtin} is unknown to this responder`,
      );
    }
    const corrUUID = query['corrUUID'];
    return {
      verificationTimestamp: this.verification.now().toISOString(),
      responderGLN: product.ownerGln,
      data: { connectivity: true },
      ...(corrUUID !== undefined && CORR_UUID.test(corrUUID) && { corrUUID }),
    };
  }

  /** reqGLN, when given, must be the requester's own GLN or the GLN of one of its locations. */
  private checkRequester(requester: Participant, reqGLN: string | undefined): void {
    if (reqGLN === undefined) return;
    if (!/^\d{13}$/.test(reqGLN) || !isValidCheckDigit(reqGLN)) {
      throw invalid('reqGLN', 'must be a GLN of 13 digits with a valid check digit');
    }
    const own = new Set([requester.gln, ...requester.locations.map((l) => locationGln(l.sgln))]);
    if (!own.has(reqGLN)) {
      throw new VerificationError(
        VerificationErrorCode.RequesterMismatch,
        `reqGLN ${reqGLN} is not the authenticated requester (${requester.gln}) nor one of its locations`,
      );
    }
  }
}
