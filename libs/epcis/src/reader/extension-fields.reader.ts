/**
 * Extension (user) fields and ILMD: namespaced keys whose values are kept verbatim. The values are walked
 * once, depth-bounded, to check they are plain JSON and to note which CURIE prefixes their keys use.
 */
import { EpcisProblemKind } from '../epcis.error';
import { curiePrefix, isExtensionKey, standardNamespace } from '../json-ld-context';
import { isPlainObject, pointerTo, quote } from '../json-pointer';
import { wrongType, type ReaderContext } from './reader-context';

/** Deeper nesting than this is refused: it has no business meaning and would threaten the stack. */
export const MAX_EXTENSION_DEPTH = 32;

export function notePrefix(ctx: ReaderContext, key: string): void {
  const prefix = curiePrefix(key);
  if (prefix === undefined || standardNamespace(prefix) !== undefined) return;
  const ns = ctx.namespaces;
  if (ns === undefined || !Object.prototype.hasOwnProperty.call(ns, prefix)) return; // undeclared: kept as is
  (ctx.usedPrefixes ??= new Set<string>()).add(prefix);
}

/** Checks an extension value (any JSON) and records prefixes of nested namespaced keys. */
export function checkExtensionValue(ctx: ReaderContext, value: unknown, at: string, depth = 0): boolean {
  if (depth > MAX_EXTENSION_DEPTH) {
    ctx.problems.add(
      EpcisProblemKind.Rule,
      at,
      `extension value nested deeper than ${MAX_EXTENSION_DEPTH} levels`,
    );
    return false;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return true;
    wrongType(ctx, at, 'a finite number', value);
    return false;
  }
  if (Array.isArray(value)) {
    let ok = true;
    for (let i = 0; i < value.length; i++) {
      ok = checkExtensionValue(ctx, value[i], pointerTo(at, i), depth + 1) && ok;
    }
    return ok;
  }
  if (isPlainObject(value)) {
    let ok = true;
    for (const key in value) {
      if (isExtensionKey(key)) notePrefix(ctx, key);
      ok = checkExtensionValue(ctx, value[key], pointerTo(at, key), depth + 1) && ok;
    }
    return ok;
  }
  wrongType(ctx, at, 'a JSON value', value);
  return false;
}

/**
 * Adds `key: value` to `target` when the key is an extension key; otherwise records an unknown-field
 * problem. Returns the (possibly created) target.
 */
export function readExtensionField(
  ctx: ReaderContext,
  target: Record<string, unknown> | undefined,
  key: string,
  value: unknown,
  parent: string,
  where: string,
): Record<string, unknown> | undefined {
  const at = pointerTo(parent, key);
  if (!isExtensionKey(key)) {
    ctx.problems.add(
      EpcisProblemKind.UnknownField,
      at,
      `${quote(key)} is not a field of ${where}; extension fields need a namespace (e.g. "example:${key}")`,
    );
    return target;
  }
  notePrefix(ctx, key);
  if (!checkExtensionValue(ctx, value, at)) return target;
  const out = target ?? {};
  out[key] = value;
  return out;
}

/** ILMD: an object whose keys are namespaced (cbvmda:lotNumber, example:batch). */
export function readIlmd(
  ctx: ReaderContext,
  value: unknown,
  at: string,
): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, 'an object', value);
    return undefined;
  }
  let out: Record<string, unknown> | undefined;
  for (const key in value) {
    out = readExtensionField(ctx, out, key, value[key], at, 'ilmd');
  }
  return out;
}
