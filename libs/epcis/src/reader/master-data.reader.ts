/** epcisHeader: `{ epcisMasterData: { vocabularyList: [...] } }` plus extension fields. */
import { EpcisProblemKind } from '../epcis.error';
import { isPlainObject, pointerTo, quote } from '../json-pointer';
import type { MasterDataAttribute, MasterDataElement, MasterDataVocabulary } from '../model/master-data';
import { checkExtensionValue, readExtensionField } from './extension-fields.reader';
import { readAnyUri, readUri } from './field-values.reader';
import { wrongType, type ReaderContext } from './reader-context';

function only(
  ctx: ReaderContext,
  obj: Record<string, unknown>,
  at: string,
  keys: string[],
  where: string,
): void {
  for (const key in obj) {
    if (!keys.includes(key)) {
      ctx.problems.add(
        EpcisProblemKind.UnknownField,
        pointerTo(at, key),
        `${quote(key)} is not a field of ${where}`,
      );
    }
  }
}

function readAttribute(ctx: ReaderContext, value: unknown, at: string): MasterDataAttribute | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, 'an attribute object', value);
    return undefined;
  }
  only(ctx, value, at, ['id', 'attribute'], 'a master data attribute');
  const id = readUri(ctx, value['id'], pointerTo(at, 'id'));
  if (id === undefined) return undefined;
  if (!('attribute' in value)) return { id };
  return checkExtensionValue(ctx, value['attribute'], pointerTo(at, 'attribute'))
    ? { id, attribute: value['attribute'] }
    : undefined;
}

function readElement(ctx: ReaderContext, value: unknown, at: string): MasterDataElement | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, 'a vocabulary element object', value);
    return undefined;
  }
  only(ctx, value, at, ['id', 'attributes', 'children'], 'a vocabulary element');
  const id = readAnyUri(ctx, value['id'], pointerTo(at, 'id'));
  const element: MasterDataElement | undefined = id === undefined ? undefined : { id };
  const attributes = value['attributes'];
  if (attributes !== undefined) {
    const list = listAt(ctx, attributes, pointerTo(at, 'attributes'), (v, p) => readAttribute(ctx, v, p));
    if (element && list) element.attributes = list;
  }
  const children = value['children'];
  if (children !== undefined) {
    const list = listAt(ctx, children, pointerTo(at, 'children'), (v, p) => readAnyUri(ctx, v, p));
    if (element && list) element.children = list;
  }
  return element;
}

function listAt<T>(
  ctx: ReaderContext,
  value: unknown,
  at: string,
  read: (item: unknown, at: string) => T | undefined,
): T[] | undefined {
  if (!Array.isArray(value)) {
    wrongType(ctx, at, 'an array', value);
    return undefined;
  }
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = read(value[i], pointerTo(at, i));
    if (item !== undefined) out.push(item);
  }
  return out.length > 0 ? out : undefined;
}

function readVocabulary(ctx: ReaderContext, value: unknown, at: string): MasterDataVocabulary | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, 'a vocabulary object', value);
    return undefined;
  }
  only(ctx, value, at, ['type', 'vocabularyElementList'], 'a vocabulary');
  const type = readUri(ctx, value['type'], pointerTo(at, 'type'));
  const elements = value['vocabularyElementList'];
  const list =
    elements === undefined
      ? undefined
      : listAt(ctx, elements, pointerTo(at, 'vocabularyElementList'), (v, p) => readElement(ctx, v, p));
  if (type === undefined) return undefined;
  return list === undefined ? { type } : { type, vocabularyElementList: list };
}

export function readEpcisHeader(
  ctx: ReaderContext,
  value: unknown,
  at: string,
): MasterDataVocabulary[] | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, 'an epcisHeader object', value);
    return undefined;
  }
  let vocabularies: MasterDataVocabulary[] | undefined;
  for (const key in value) {
    if (key !== 'epcisMasterData') {
      readExtensionField(ctx, undefined, key, value[key], at, 'epcisHeader');
      continue;
    }
    const masterAt = pointerTo(at, key);
    const master = value[key];
    if (!isPlainObject(master)) {
      wrongType(ctx, masterAt, 'an epcisMasterData object', master);
      continue;
    }
    only(ctx, master, masterAt, ['vocabularyList'], 'epcisMasterData');
    const list = master['vocabularyList'];
    if (list !== undefined) {
      vocabularies = listAt(ctx, list, pointerTo(masterAt, 'vocabularyList'), (v, p) =>
        readVocabulary(ctx, v, p),
      );
    }
  }
  return vocabularies;
}
