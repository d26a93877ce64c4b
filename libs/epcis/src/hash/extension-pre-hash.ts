/**
 * Pre-hash rendering of namespaced content (user extensions, ILMD, extensions inside readPoint,
 * bizLocation and sensor objects): `{namespace}localName=value`, nested objects as the key followed by
 * their own rendered children, array items as repeated keys, and every sibling group sorted.
 */
import { expandKey, isExtensionKey, type Namespaces } from '../json-ld-context';
import { isPlainObject } from '../json-pointer';
import { preHashNumber, sortedJoin, type PreHashValues } from './pre-hash-values';

function scalar(value: unknown, values: PreHashValues): string {
  if (typeof value === 'string') return values.text(value);
  if (typeof value === 'number') return preHashNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return ''; // null: the key alone, as an empty XML element would give
}

function entry(
  name: string,
  value: unknown,
  values: PreHashValues,
  ns: Namespaces | undefined,
  out: string[],
): void {
  if (Array.isArray(value)) {
    for (const item of value) entry(name, item, values, ns, out);
    return;
  }
  if (isPlainObject(value)) {
    out.push(name + renderObject(value, values, ns, undefined));
    return;
  }
  const text = scalar(value, values);
  out.push(text === '' ? name : `${name}=${text}`);
}

/**
 * Renders the entries of `obj` whose keys pass `include` (all when omitted), sorted. Nested keys that are
 * not namespaced (rare; JSON-LD would drop them) are kept under their own name so they still count.
 */
export function renderObject(
  obj: Record<string, unknown>,
  values: PreHashValues,
  ns: Namespaces | undefined,
  include: ((key: string) => boolean) | undefined,
): string {
  const parts: string[] = [];
  for (const key in obj) {
    if (include !== undefined && !include(key)) continue;
    const name = isExtensionKey(key) ? expandKey(key, ns) : key;
    entry(name, obj[key], values, ns, parts);
  }
  return sortedJoin(parts);
}
