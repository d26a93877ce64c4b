import { sgtinUrn, type PrefixTable } from '@pharmatrace/gs1';

const PLAIN = /^[A-Za-z0-9]+$/;

/**
 * The SGTIN URN of each serial of one GTIN, as capture wrote it: the GS1 library's escaping and the
 * company prefix length from the participants' registrations. Plain alphanumeric serials (almost all)
 * need no escaping and take the fast path.
 */
export function sgtinsOf(gtin: string, prefixes: PrefixTable): (serial: string) => string {
  const base = sgtinUrn(gtin, '0', prefixes).slice(0, -1);
  return (serial) => (PLAIN.test(serial) ? base + serial : sgtinUrn(gtin, serial, prefixes));
}
