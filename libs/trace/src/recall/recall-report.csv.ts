import type { PartyNames } from '../access/party-names.repository';
import { packsOf } from './recall-report';
import type { WhereaboutsRow } from './recall-report.repository';

const COLUMNS = [
  'epc',
  'lot',
  'serial',
  'status',
  'custodian_gln',
  'custodian_name',
  'location_sgln',
  'location_name',
  'parent',
  'in_transit_to_gln',
  'in_transit_to_name',
  'shipment_id',
  'dispensed',
  'decommissioned_at',
  'decommission_location',
] as const;

/**
 * RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled. Values are never
 * altered otherwise (no formula "neutralising"): serial numbers and lots must stay exactly as printed.
 */
export function csvField(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One line per pack in (lot, serial) order, CRLF-terminated, header first (text/csv). `epcOf` gives a
 * pack's SGTIN URN from its serial (see RecallQueryService: GS1 escaping, prefix length of the GTIN).
 */
export function renderRecallCsv(
  groups: readonly WhereaboutsRow[],
  names: PartyNames,
  epcOf: (serial: string) => string,
): string {
  const lines: { lot: string; serial: string; text: string }[] = [];
  for (const group of groups) {
    // Everything but the pack's own fields is the same for the whole group: rendered once.
    const shared = [
      group.status,
      group.custodian,
      names.participant(group.custodian),
      group.location,
      names.location(group.location),
      group.parent,
      group.in_transit?.to,
      names.participant(group.in_transit?.to),
      group.in_transit?.shipmentEventId,
      group.status === 'dispensed',
    ]
      .map(csvField)
      .join(',');
    const where = csvField(group.decommission_location);
    const lot = csvField(group.lot);
    for (const pack of packsOf(group)) {
      lines.push({
        lot: group.lot,
        serial: pack.serial,
        text: `${csvField(epcOf(pack.serial))},${lot},${csvField(pack.serial)},${shared},${csvField(pack.at)},${where}`,
      });
    }
  }
  lines.sort((a, b) =>
    a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : a.serial < b.serial ? -1 : a.serial > b.serial ? 1 : 0,
  );
  return `${[COLUMNS.join(','), ...lines.map((line) => line.text)].join('\r\n')}\r\n`;
}

export function recallCsvFileName(recallId: string): string {
  return `recall-${recallId}.csv`;
}
