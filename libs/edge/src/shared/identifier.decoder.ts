import { anyIdentifierToEpcUrn, isGs1Error, parseScan, type PrefixTable } from '@pharmatrace/gs1';
import { EdgeError, EdgeErrorCode } from '../edge.error';
import type { DecodedScan } from '../scans/scan-event.mapper';

/** Decodes a barcode with libs/gs1; GS1 errors become INVALID_BARCODE with the position. */
export function decodeBarcode(barcode: string, prefixTable: PrefixTable): DecodedScan {
  try {
    return parseScan(barcode, { prefixTable });
  } catch (error) {
    throw asEdgeError(error, '/barcode');
  }
}

/** The EPC URN of a container a logger names (SSCC, or a single pack's SGTIN). */
export function containerEpc(identifier: string, prefixTable: PrefixTable): string {
  let urn: string;
  try {
    urn = anyIdentifierToEpcUrn(identifier, prefixTable);
  } catch (error) {
    throw asEdgeError(error, '/container');
  }
  if (!urn.startsWith('urn:epc:id:sscc:') && !urn.startsWith('urn:epc:id:sgtin:')) {
    throw new EdgeError(EdgeErrorCode.NotAnItem, `${urn} is not a container (SSCC) nor a pack (SGTIN)`, {
      details: [
        { pointer: '/container', reason: 'must identify a logistic unit (SSCC) or a serialised pack' },
      ],
    });
  }
  return urn;
}

function asEdgeError(error: unknown, pointer: string): unknown {
  if (!isGs1Error(error)) return error;
  return new EdgeError(
    EdgeErrorCode.InvalidBarcode,
    `${error.code}: ${error.reason} (at position ${error.position})`,
    {
      cause: error,
      details: [{ pointer, reason: error.reason }],
    },
  );
}
