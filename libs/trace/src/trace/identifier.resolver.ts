import { Injectable } from '@nestjs/common';
import { parseSerialisedUrn } from '@pharmatrace/custody';
import { anyIdentifierToEpcUrn, isGs1Error } from '@pharmatrace/gs1';
import { PrefixDirectory } from '@pharmatrace/master-data';
import { TraceError, TraceErrorCode } from '../trace.error';

export interface TraceTarget {
  epc: string;
  kind: 'item' | 'container';
  /** GTIN-14 of a pack; undefined for a logistic unit. */
  gtin: string | undefined;
}

/**
 * Turns whatever the caller has in hand (EPC URN, GS1 Digital Link, element string with or without
 * brackets, 18-digit SSCC) into the EPC URN the event store is keyed by. The company prefix length,
 * which no barcode carries, comes from the participants' registrations.
 */
@Injectable()
export class IdentifierResolver {
  constructor(private readonly prefixes: PrefixDirectory) {}

  async resolve(input: string): Promise<TraceTarget> {
    let urn: string;
    try {
      urn = anyIdentifierToEpcUrn(input, await this.prefixes.table());
    } catch (error) {
      if (isGs1Error(error)) {
        throw new TraceError(TraceErrorCode.InvalidIdentifier, `cannot read '${input}': ${error.message}`, {
          cause: error,
        });
      }
      throw error;
    }
    const parsed = parseSerialisedUrn(urn);
    if (!parsed) {
      throw new TraceError(
        TraceErrorCode.NotTraceable,
        `${urn} is not a serialised pack (SGTIN) nor a logistic unit (SSCC)`,
      );
    }
    return parsed.scheme === 'sgtin'
      ? { epc: urn, kind: 'item', gtin: parsed.gtin }
      : { epc: urn, kind: 'container', gtin: undefined };
  }
}
