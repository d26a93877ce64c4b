/** Readers for the small structured fields of an event (the "what", "why" and "where" objects). */
import { EpcisProblemKind } from '../epcis.error';
import { isPlainObject, pointerTo, quote } from '../json-pointer';
import type {
  BizTransaction,
  ErrorDeclaration,
  PersistentDisposition,
  QuantityElement,
  SourceOrDestination,
} from '../model/epcis-event';
import { readExtensionField } from './extension-fields.reader';
import {
  readAnyUri,
  readEpcClass,
  readNumber,
  readTimestamp,
  readUriList,
  readVocabulary,
} from './field-values.reader';
import { wrongType, type ReaderContext } from './reader-context';

const UOM = /^[A-Z0-9]{2,3}$/;

function unknownKey(ctx: ReaderContext, parent: string, key: string, where: string): void {
  ctx.problems.add(
    EpcisProblemKind.UnknownField,
    pointerTo(parent, key),
    `${quote(key)} is not a field of ${where}`,
  );
}

function objectItems(ctx: ReaderContext, value: unknown, at: string, what: string): unknown[] | undefined {
  if (Array.isArray(value)) return value as unknown[];
  wrongType(ctx, at, `an array of ${what}`, value);
  return undefined;
}

export function readQuantityList(
  ctx: ReaderContext,
  value: unknown,
  at: string,
): QuantityElement[] | undefined {
  const items = objectItems(ctx, value, at, 'quantity elements');
  if (items === undefined || items.length === 0) return undefined;
  const out: QuantityElement[] = [];
  for (let i = 0; i < items.length; i++) {
    const element = readQuantityElement(ctx, items[i], pointerTo(at, i));
    if (element !== undefined) out.push(element);
  }
  return out.length > 0 ? out : undefined;
}

function readQuantityElement(ctx: ReaderContext, value: unknown, at: string): QuantityElement | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, 'a quantity element object', value);
    return undefined;
  }
  let epcClass: string | undefined;
  let quantity: number | undefined;
  let uom: string | undefined;
  for (const key in value) {
    const v = value[key];
    if (key === 'epcClass') epcClass = readEpcClass(ctx, v, pointerTo(at, key));
    else if (key === 'quantity') quantity = readNumber(ctx, v, pointerTo(at, key));
    else if (key === 'uom') {
      if (typeof v === 'string' && UOM.test(v)) uom = v;
      else
        ctx.problems.add(
          EpcisProblemKind.Format,
          pointerTo(at, key),
          `not a UN/CEFACT Rec 20 unit code: ${quote(v)}`,
        );
    } else unknownKey(ctx, at, key, 'a quantity element');
  }
  if (!('epcClass' in value))
    ctx.problems.add(EpcisProblemKind.Required, pointerTo(at, 'epcClass'), 'epcClass is required');
  if (quantity !== undefined && quantity < 0) {
    ctx.problems.add(
      EpcisProblemKind.Rule,
      pointerTo(at, 'quantity'),
      `quantity may not be negative: ${quantity}`,
    );
    return undefined;
  }
  if ('uom' in value && !('quantity' in value)) {
    ctx.problems.add(
      EpcisProblemKind.Rule,
      pointerTo(at, 'uom'),
      'uom is only allowed together with a quantity',
    );
  }
  if (quantity !== undefined && !('uom' in value) && !Number.isInteger(quantity)) {
    ctx.problems.add(
      EpcisProblemKind.Rule,
      pointerTo(at, 'quantity'),
      `without a uom the quantity counts instances and must be a whole number: ${quantity}`,
    );
    return undefined;
  }
  if (epcClass === undefined) return undefined;
  const element: QuantityElement = { epcClass };
  if (quantity !== undefined) element.quantity = quantity;
  if (uom !== undefined) element.uom = uom;
  return element;
}

export function readBizTransactionList(
  ctx: ReaderContext,
  value: unknown,
  at: string,
): BizTransaction[] | undefined {
  const items = objectItems(ctx, value, at, 'business transactions');
  if (items === undefined) return undefined;
  const out: BizTransaction[] = [];
  for (let i = 0; i < items.length; i++) {
    const itemAt = pointerTo(at, i);
    const item = items[i];
    if (!isPlainObject(item)) {
      wrongType(ctx, itemAt, 'a business transaction object', item);
      continue;
    }
    let type: string | undefined;
    let id: string | undefined;
    for (const key in item) {
      if (key === 'type') type = readVocabulary(ctx, 'bizTransactionType', item[key], pointerTo(itemAt, key));
      else if (key === 'bizTransaction') id = readAnyUri(ctx, item[key], pointerTo(itemAt, key));
      else unknownKey(ctx, itemAt, key, 'a business transaction');
    }
    if (!('bizTransaction' in item)) {
      ctx.problems.add(
        EpcisProblemKind.Required,
        pointerTo(itemAt, 'bizTransaction'),
        'bizTransaction is required',
      );
    }
    if (id === undefined) continue;
    out.push(type === undefined ? { bizTransaction: id } : { type, bizTransaction: id });
  }
  return out.length > 0 ? out : undefined;
}

/** sourceList / destinationList; `field` is `source` or `destination`. */
export function readSourceDestList(
  ctx: ReaderContext,
  value: unknown,
  at: string,
  field: 'source' | 'destination',
): SourceOrDestination[] | undefined {
  const items = objectItems(ctx, value, at, `${field} objects`);
  if (items === undefined) return undefined;
  const out: SourceOrDestination[] = [];
  for (let i = 0; i < items.length; i++) {
    const itemAt = pointerTo(at, i);
    const item = items[i];
    if (!isPlainObject(item)) {
      wrongType(ctx, itemAt, `a ${field} object`, item);
      continue;
    }
    let type: string | undefined;
    let id: string | undefined;
    for (const key in item) {
      if (key === 'type') type = readVocabulary(ctx, 'sourceDestType', item[key], pointerTo(itemAt, key));
      else if (key === field) id = readAnyUri(ctx, item[key], pointerTo(itemAt, key));
      else unknownKey(ctx, itemAt, key, `a ${field}`);
    }
    for (const required of ['type', field]) {
      if (!(required in item)) {
        ctx.problems.add(EpcisProblemKind.Required, pointerTo(itemAt, required), `${required} is required`);
      }
    }
    if (type !== undefined && id !== undefined) out.push({ type, value: id });
  }
  return out.length > 0 ? out : undefined;
}

export function readPersistentDisposition(
  ctx: ReaderContext,
  value: unknown,
  at: string,
): PersistentDisposition | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, 'an object with set and/or unset', value);
    return undefined;
  }
  const out: PersistentDisposition = {};
  for (const key in value) {
    if (key !== 'set' && key !== 'unset') {
      unknownKey(ctx, at, key, 'persistentDisposition');
      continue;
    }
    const listAt = pointerTo(at, key);
    const list = value[key];
    if (!Array.isArray(list) || list.length === 0) {
      wrongType(ctx, listAt, 'a non-empty array of dispositions', list);
      continue;
    }
    const terms: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const term = readVocabulary(ctx, 'disposition', list[i], pointerTo(listAt, i));
      if (term === undefined) continue;
      if (terms.includes(term)) {
        ctx.problems.add(EpcisProblemKind.Rule, pointerTo(listAt, i), `duplicate disposition ${quote(term)}`);
      } else terms.push(term);
    }
    if (terms.length > 0) out[key] = terms;
  }
  if (!('set' in value) && !('unset' in value)) {
    ctx.problems.add(EpcisProblemKind.Required, at, 'persistentDisposition needs set or unset');
  }
  return out.set !== undefined || out.unset !== undefined ? out : undefined;
}

/** readPoint / bizLocation: `{ id, ...extensions }`. */
export function readLocation(
  ctx: ReaderContext,
  value: unknown,
  at: string,
  where: string,
): { id: string; extensions?: Record<string, unknown> } | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, 'an object with an id', value);
    return undefined;
  }
  let id: string | undefined;
  let extensions: Record<string, unknown> | undefined;
  for (const key in value) {
    if (key === 'id') id = readAnyUri(ctx, value[key], pointerTo(at, key));
    else extensions = readExtensionField(ctx, extensions, key, value[key], at, where);
  }
  if (!('id' in value)) ctx.problems.add(EpcisProblemKind.Required, pointerTo(at, 'id'), 'id is required');
  if (id === undefined) return undefined;
  return extensions === undefined ? { id } : { id, extensions };
}

export function readErrorDeclaration(
  ctx: ReaderContext,
  value: unknown,
  at: string,
): ErrorDeclaration | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, 'an errorDeclaration object', value);
    return undefined;
  }
  let declarationTime: string | undefined;
  let extensions: Record<string, unknown> | undefined;
  const out: Partial<ErrorDeclaration> = {};
  for (const key in value) {
    const v = value[key];
    const keyAt = pointerTo(at, key);
    if (key === 'declarationTime') declarationTime = readTimestamp(ctx, v, keyAt);
    else if (key === 'reason') out.reason = readVocabulary(ctx, 'errorReason', v, keyAt);
    else if (key === 'correctiveEventIDs') out.correctiveEventIDs = readUriList(ctx, v, keyAt);
    else extensions = readExtensionField(ctx, extensions, key, v, at, 'errorDeclaration');
  }
  if (!('declarationTime' in value)) {
    ctx.problems.add(
      EpcisProblemKind.Required,
      pointerTo(at, 'declarationTime'),
      'declarationTime is required',
    );
  }
  if (declarationTime === undefined) return undefined;
  const declaration: ErrorDeclaration = { declarationTime };
  if (out.reason !== undefined) declaration.reason = out.reason;
  if (out.correctiveEventIDs !== undefined) declaration.correctiveEventIDs = out.correctiveEventIDs;
  return extensions === undefined ? declaration : Object.assign(declaration, extensions);
}
