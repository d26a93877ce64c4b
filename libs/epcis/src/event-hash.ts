/**
 * The EPCIS Event Hash ID of CBV 2.0 (section "EPCIS Event Hash ID"): a canonical pre-hash string built
 * from the event's fields in a fixed order, hashed with SHA-256 and written as an RFC 6920 `ni` URI:
 * `ni:///sha-256;<lowercase hex>?ver=CBV2.0`.
 *
 * Where the algorithm text (GS1 reference implementation README, RalphTro/epcis-event-hash-generator)
 * and the implementations disagree, this follows the text, except where all implementations agree
 * against a literal reading (see README.md, "Event hash: known disagreements").
 */
import { createHash } from 'node:crypto';
import { defaultGs1UriCanonicaliser } from './hash/gs1-uri.canonicaliser';
import { renderObject } from './hash/extension-pre-hash';
import {
  PreHashValues,
  preHashNumber,
  preHashTime,
  sortedJoin,
  type Gs1UriCanonicaliser,
} from './hash/pre-hash-values';
import { sensorElementListPreHash } from './hash/sensor-pre-hash';
import type { EpcisEvent, QuantityElement } from './model/epcis-event';

export const EVENT_HASH_VERSION = 'CBV2.0';

export interface EventHashOptions {
  /** Overrides the GS1 identifier → canonical Digital Link translation (tests, other prefix rules). */
  gs1Uri?: Gs1UriCanonicaliser;
}

/** The hashed fields only: eventID, recordTime and errorDeclaration never take part. */
export type HashableEvent = Omit<EpcisEvent, 'eventID' | 'eventHash' | 'recordTime' | 'errorDeclaration'> &
  Partial<Pick<EpcisEvent, 'eventID' | 'eventHash' | 'recordTime' | 'errorDeclaration'>>;

let defaultValues: PreHashValues | undefined;

function valuesFor(options: EventHashOptions | undefined): PreHashValues {
  if (options?.gs1Uri !== undefined) return new PreHashValues(options.gs1Uri);
  return (defaultValues ??= new PreHashValues(defaultGs1UriCanonicaliser));
}

export function canonicalPreHashString(event: HashableEvent, options?: EventHashOptions): string {
  const v = valuesFor(options);
  const ns = event.namespaces;
  const out: string[] = [`eventType=${event.type}`, `eventTime=${preHashTime(event.eventTime)}`];
  out.push(`eventTimeZoneOffset=${event.eventTimeZoneOffset.trim()}`);
  if (event.certificationInfo !== undefined) {
    const infos = Array.isArray(event.certificationInfo)
      ? event.certificationInfo
      : [event.certificationInfo];
    out.push(sortedJoin(infos.map((c) => `certificationInfo=${v.text(c)}`)));
  }
  epcs(out, 'epcList', event.epcList, v);
  if (event.parentID !== undefined) out.push(`parentID=${v.text(event.parentID)}`);
  epcs(out, 'inputEPCList', event.inputEPCList, v);
  epcs(out, 'childEPCs', event.childEPCs, v);
  quantities(out, 'quantityList', event.quantityList, v);
  quantities(out, 'childQuantityList', event.childQuantityList, v);
  quantities(out, 'inputQuantityList', event.inputQuantityList, v);
  epcs(out, 'outputEPCList', event.outputEPCList, v);
  quantities(out, 'outputQuantityList', event.outputQuantityList, v);
  if (event.action !== undefined) out.push(`action=${event.action}`);
  if (event.transformationID !== undefined) out.push(`transformationID=${v.text(event.transformationID)}`);
  if (event.bizStep !== undefined) out.push(`bizStep=${v.vocabulary('bizStep', event.bizStep)}`);
  if (event.disposition !== undefined)
    out.push(`disposition=${v.vocabulary('disposition', event.disposition)}`);
  const pd = event.persistentDisposition;
  if (pd !== undefined && (pd.set !== undefined || pd.unset !== undefined)) {
    const set = sortedJoin((pd.set ?? []).map((d) => `set=${v.vocabulary('disposition', d)}`));
    const unset = sortedJoin((pd.unset ?? []).map((d) => `unset=${v.vocabulary('disposition', d)}`));
    out.push(`persistentDisposition${set}${unset}`);
  }
  location(out, 'readPoint', event.readPoint, event.readPointExtensions, v, event);
  location(out, 'bizLocation', event.bizLocation, event.bizLocationExtensions, v, event);
  if (event.bizTransactionList !== undefined && event.bizTransactionList.length > 0) {
    const items = event.bizTransactionList.map(
      (t) =>
        (t.type === undefined ? '' : `type=${v.vocabulary('bizTransactionType', t.type)}`) +
        `bizTransaction=${v.text(t.bizTransaction)}`,
    );
    out.push(`bizTransactionList${sortedJoin(items)}`);
  }
  partyList(out, 'sourceList', 'source', event.sourceList, v);
  partyList(out, 'destinationList', 'destination', event.destinationList, v);
  if (event.sensorElementList !== undefined && event.sensorElementList.length > 0) {
    out.push(sensorElementListPreHash(event.sensorElementList, v, ns));
  }
  if (event.ilmd !== undefined) {
    const ilmd = renderObject(event.ilmd, v, ns, undefined);
    if (ilmd !== '') out.push(`ilmd${ilmd}`);
  }
  if (event.extensions !== undefined) out.push(renderObject(event.extensions, v, ns, undefined));
  return out.join('');
}

export function computeEventHash(event: HashableEvent, options?: EventHashOptions): string {
  return hashPreHashString(canonicalPreHashString(event, options));
}

export function hashPreHashString(preHash: string): string {
  const hex = createHash('sha256').update(preHash, 'utf8').digest('hex');
  return `ni:///sha-256;${hex}?ver=${EVENT_HASH_VERSION}`;
}

function epcs(out: string[], name: string, list: string[] | undefined, v: PreHashValues): void {
  if (list === undefined || list.length === 0) return;
  out.push(name + sortedJoin(list.map((epc) => `epc=${v.text(epc)}`)));
}

function quantities(
  out: string[],
  name: string,
  list: QuantityElement[] | undefined,
  v: PreHashValues,
): void {
  if (list === undefined || list.length === 0) return;
  const items = list.map(
    (q) =>
      `quantityElementepcClass=${v.text(q.epcClass)}` +
      (q.quantity === undefined ? '' : `quantity=${preHashNumber(q.quantity)}`) +
      (q.uom === undefined ? '' : `uom=${q.uom.trim()}`),
  );
  out.push(name + sortedJoin(items));
}

function location(
  out: string[],
  name: string,
  id: string | undefined,
  extensions: Record<string, unknown> | undefined,
  v: PreHashValues,
  event: HashableEvent,
): void {
  if (id === undefined) return;
  const ext = extensions === undefined ? '' : renderObject(extensions, v, event.namespaces, undefined);
  out.push(`${name}id=${v.text(id)}${ext}`);
}

function partyList(
  out: string[],
  name: string,
  field: string,
  list: { type: string; value: string }[] | undefined,
  v: PreHashValues,
): void {
  if (list === undefined || list.length === 0) return;
  const items = list.map((p) => `type=${v.vocabulary('sourceDestType', p.type)}${field}=${v.text(p.value)}`);
  out.push(name + sortedJoin(items));
}
