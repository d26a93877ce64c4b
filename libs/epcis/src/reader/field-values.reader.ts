/**
 * Readers for scalar and list fields. Each returns the canonical value, or undefined after recording a
 * problem at the field's JSON Pointer. Pointers of list items are built only when an item is wrong.
 */
import { normaliseVocabularyValue, type VocabularyKind } from '../cbv-vocabulary';
import { canonicalTimestamp, isTimeZoneOffset } from '../date-time';
import { EpcisProblemKind } from '../epcis.error';
import { isAbsoluteUri, type IdentifierResult } from '../identifier.normaliser';
import { pointerTo, quote } from '../json-pointer';
import { wrongType, type ReaderContext } from './reader-context';

export function readString(ctx: ReaderContext, value: unknown, at: string): string | undefined {
  if (typeof value === 'string') return value;
  wrongType(ctx, at, 'a string', value);
  return undefined;
}

export function readTimestamp(ctx: ReaderContext, value: unknown, at: string): string | undefined {
  if (typeof value !== 'string') {
    wrongType(ctx, at, 'a date-time string', value);
    return undefined;
  }
  const canonical = canonicalTimestamp(value);
  if (canonical === undefined) {
    ctx.problems.add(
      EpcisProblemKind.Format,
      at,
      `not an ISO 8601 date-time with a time zone (e.g. 2024-03-01T10:00:00.000+01:00): ${quote(value)}`,
    );
  }
  return canonical;
}

export function readTimeZoneOffset(ctx: ReaderContext, value: unknown, at: string): string | undefined {
  if (typeof value !== 'string') {
    wrongType(ctx, at, 'a time zone offset string', value);
    return undefined;
  }
  if (isTimeZoneOffset(value)) return value;
  ctx.problems.add(
    EpcisProblemKind.Format,
    at,
    `not a time zone offset of the form ±HH:MM between -14:00 and +14:00: ${quote(value)}`,
  );
  return undefined;
}

export function readUri(ctx: ReaderContext, value: unknown, at: string): string | undefined {
  if (typeof value !== 'string') {
    wrongType(ctx, at, 'a URI string', value);
    return undefined;
  }
  if (isAbsoluteUri(value)) return value;
  ctx.problems.add(EpcisProblemKind.Format, at, `not an absolute URI: ${quote(value)}`);
  return undefined;
}

export function readNumber(ctx: ReaderContext, value: unknown, at: string): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  wrongType(ctx, at, 'a number', value);
  return undefined;
}

export function readVocabulary(
  ctx: ReaderContext,
  kind: VocabularyKind,
  value: unknown,
  at: string,
): string | undefined {
  if (typeof value !== 'string') {
    wrongType(ctx, at, 'a string', value);
    return undefined;
  }
  const result = normaliseVocabularyValue(kind, value);
  if (result.ok) return result.value;
  ctx.problems.add(EpcisProblemKind.Vocabulary, at, result.reason);
  return undefined;
}

/** A URI that may be an EPC URN or a Digital Link (normalised to a URN), or any other absolute URI. */
export function readAnyUri(ctx: ReaderContext, value: unknown, at: string): string | undefined {
  if (typeof value !== 'string') {
    wrongType(ctx, at, 'a URI string', value);
    return undefined;
  }
  return fromResult(ctx, ctx.ids.anyUri(value), at, EpcisProblemKind.Format);
}

export function readEpc(ctx: ReaderContext, value: unknown, at: string): string | undefined {
  if (typeof value !== 'string') {
    wrongType(ctx, at, 'an EPC URN or GS1 Digital Link string', value);
    return undefined;
  }
  return fromResult(ctx, ctx.ids.epc(value), at, EpcisProblemKind.Identifier);
}

export function readEpcClass(ctx: ReaderContext, value: unknown, at: string): string | undefined {
  if (typeof value !== 'string') {
    wrongType(ctx, at, 'an EPC class URN or GS1 Digital Link string', value);
    return undefined;
  }
  return fromResult(ctx, ctx.ids.epcClass(value), at, EpcisProblemKind.Identifier);
}

function fromResult(
  ctx: ReaderContext,
  result: IdentifierResult,
  at: string,
  kind: EpcisProblemKind,
): string | undefined {
  if (result.ok) return result.value;
  ctx.problems.add(kind, at, result.reason);
  return undefined;
}

/**
 * A list of EPCs: normalised, duplicates (also ones that only become equal after normalisation, such as
 * a URN and the same item's Digital Link) rejected. Returns undefined for an empty list, as the model
 * never carries empty arrays; `present` tells the caller the field was there.
 */
export function readEpcList(ctx: ReaderContext, value: unknown, at: string): string[] | undefined {
  if (!Array.isArray(value)) {
    wrongType(ctx, at, 'an array of EPCs', value);
    return undefined;
  }
  if (value.length === 0) return undefined;
  const out: string[] = new Array<string>(value.length);
  let seen: Set<string> | undefined;
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    const epc =
      typeof item === 'string' ? ctx.ids.epc(item) : ({ ok: false, reason: 'expected a string' } as const);
    if (!epc.ok) {
      ctx.problems.add(
        typeof item === 'string' ? EpcisProblemKind.Identifier : EpcisProblemKind.Type,
        pointerTo(at, i),
        epc.reason,
      );
      if (ctx.problems.full) return undefined;
      continue;
    }
    if (value.length > 1) {
      seen ??= new Set<string>();
      if (seen.has(epc.value)) {
        ctx.problems.add(EpcisProblemKind.Rule, pointerTo(at, i), `duplicate EPC ${quote(epc.value)}`);
        continue;
      }
      seen.add(epc.value);
    }
    out[n++] = epc.value;
  }
  out.length = n;
  return n > 0 ? out : undefined;
}

/** A non-empty list of unique URIs (correctiveEventIDs, certificationInfo). */
export function readUriList(ctx: ReaderContext, value: unknown, at: string): string[] | undefined {
  if (!Array.isArray(value)) {
    wrongType(ctx, at, 'an array of URIs', value);
    return undefined;
  }
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const uri = readUri(ctx, value[i], pointerTo(at, i));
    if (uri !== undefined) out.push(uri);
  }
  return out.length > 0 ? out : undefined;
}
