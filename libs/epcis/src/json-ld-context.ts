/**
 * The little of JSON-LD that EPCIS 2.0 JSON needs: reading the namespace prefixes an `@context` declares,
 * recognising extension keys (CURIEs or absolute URIs) and expanding them to `{namespace}localName`.
 */
import { EpcisProblemKind, ProblemCollector } from './epcis.error';
import { isPlainObject, pointerTo, quote } from './json-pointer';

/** Prefixes the standard EPCIS 2.0 JSON-LD context defines (and protects). */
export const STANDARD_NAMESPACES: Readonly<Record<string, string>> = Object.freeze({
  epcis: 'https://ref.gs1.org/epcis/',
  cbv: 'https://ref.gs1.org/cbv/',
  cbvmda: 'urn:epcglobal:cbv:mda:',
  gs1: 'https://gs1.org/voc/',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcterms: 'http://purl.org/dc/terms/',
});

/** The context URI of EPCIS 2.0 JSON-LD documents. */
export const EPCIS_CONTEXT_URI = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

export type Namespaces = Readonly<Record<string, string>>;

const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** The namespace IRI of a prefix: declared in scope, else defined by the EPCIS context, else undefined. */
export function lookupNamespace(namespaces: Namespaces | undefined, prefix: string): string | undefined {
  if (namespaces !== undefined && hasOwn(namespaces, prefix)) return namespaces[prefix];
  return standardNamespace(prefix);
}

export function standardNamespace(prefix: string): string | undefined {
  return hasOwn(STANDARD_NAMESPACES, prefix) ? STANDARD_NAMESPACES[prefix] : undefined;
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

/** True for a key that is an absolute URI or a CURIE (`prefix:local`): the EPCIS extension-key shapes. */
export function isExtensionKey(key: string): boolean {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return false;
  if (!SCHEME.test(key.slice(0, colon))) return false;
  for (let i = colon + 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c <= 32 || c === 127) return false;
  }
  return true;
}

/** The prefix of a CURIE key (`example:foo` → `example`), undefined for `scheme://…` URIs. */
export function curiePrefix(key: string): string | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  if (key.startsWith('//', colon + 1)) return undefined;
  return key.slice(0, colon);
}

/**
 * Expanded name of an extension key, as the event hash writes it: `{namespace}localName`.
 * A declared CURIE prefix expands to its namespace; an absolute URI splits after its last `/` or `#`;
 * an undeclared prefix is kept as the namespace text (`{example:}foo`), which is what an XML document
 * with that prefix bound to itself would give.
 */
export function expandKey(key: string, namespaces: Namespaces | undefined): string {
  const prefix = curiePrefix(key);
  if (prefix !== undefined) {
    const ns = lookupNamespace(namespaces, prefix);
    if (ns !== undefined) return `{${ns}}${key.slice(prefix.length + 1)}`;
  }
  const cut = Math.max(key.lastIndexOf('/'), key.lastIndexOf('#'));
  if (cut > 0 && cut < key.length - 1) return `{${key.slice(0, cut + 1)}}${key.slice(cut + 1)}`;
  if (prefix !== undefined) return `{${prefix}:}${key.slice(prefix.length + 1)}`;
  return key;
}

/**
 * Reads the prefix declarations of an `@context` (a URI, an object, or an array of both). Remote
 * contexts are not fetched (the library is pure): only inline prefix → namespace pairs are taken.
 */
export function readContext(
  context: unknown,
  pointer: string,
  problems: ProblemCollector,
  inherited: Namespaces | undefined,
): Namespaces | undefined {
  let declared: Record<string, string> | undefined;
  const readObject = (obj: Record<string, unknown>, at: string): void => {
    for (const key in obj) {
      if (key.startsWith('@') || key === '__proto__') continue;
      const value = obj[key];
      const iri = typeof value === 'string' ? value : isPlainObject(value) ? value['@id'] : undefined;
      if (typeof iri !== 'string' || !isExtensionKey(iri)) continue; // term definitions we do not need
      const standard = standardNamespace(key);
      if (standard !== undefined && standard !== iri) {
        problems.add(
          EpcisProblemKind.Rule,
          pointerTo(at, key),
          `prefix ${quote(key)} is defined by the EPCIS context as ${quote(standard)} and may not be redefined`,
        );
        continue;
      }
      if (standard === undefined) (declared ??= {})[key] = iri;
    }
  };
  const readEntry = (entry: unknown, at: string): void => {
    if (typeof entry === 'string') {
      if (!isExtensionKey(entry))
        problems.add(EpcisProblemKind.Format, at, `not a context URI: ${quote(entry)}`);
    } else if (isPlainObject(entry)) {
      readObject(entry, at);
    } else {
      problems.add(EpcisProblemKind.Type, at, 'a context entry must be a URI string or an object');
    }
  };
  if (Array.isArray(context)) {
    for (let i = 0; i < context.length; i++) readEntry(context[i], pointerTo(pointer, i));
  } else {
    readEntry(context, pointer);
  }
  if (declared === undefined) return inherited;
  return inherited === undefined ? declared : { ...inherited, ...declared };
}
