import { type CollectedAi } from '../ai/ai-associations.validator';
import { type Gs1Input } from '../ai/gs1-element.types';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { resolveAis, type ResolvedAis } from '../scan/gs1-input';
import { DEFAULT_DIGITAL_LINK_HOST, describeSequences, isQualifierOf } from './digital-link.rules';
import { percentEncode } from './percent-encoding';

export interface ToDigitalLinkOptions {
  /** Scheme, host and optional path prefix, e.g. "https://example.com/products". Default https://id.gs1.org. */
  readonly host?: string;
  readonly referenceYear?: number;
}

/** Normalises a configured base: adds https:// when no scheme is given, drops a trailing slash. */
export function normaliseBase(host: string | undefined): string {
  if (host === undefined) return DEFAULT_DIGITAL_LINK_HOST;
  const withScheme = /^https?:\/\//i.test(host) ? host : `https://${host}`;
  const base = withScheme.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/i.test(base)) {
    throw new Gs1Error(
      Gs1ErrorCode.InvalidArgument,
      0,
      `'${host}' is not a usable Digital Link host (scheme://host[/path])`,
    );
  }
  return base;
}

function byAi(a: CollectedAi, b: CollectedAi): number {
  return a.def.ai < b.def.ai ? -1 : a.def.ai > b.def.ai ? 1 : 0;
}

function primaryKey(found: ResolvedAis): CollectedAi {
  for (const entry of found) if (entry.def.dlQualifierSequences !== undefined) return entry;
  throw new Gs1Error(
    Gs1ErrorCode.NotRepresentable,
    0,
    `none of the AIs (${found.map((e) => e.def.ai).join(', ')}) is a Digital Link primary key (01, 00, 414, 417, 8004…)`,
  );
}

function notRepresentable(found: ResolvedAis, key: CollectedAi): Gs1Error {
  const present = found.filter((e) => e !== key && isQualifierOf(key.def, e.def.ai)).map((e) => e.def.ai);
  return new Gs1Error(
    Gs1ErrorCode.NotRepresentable,
    0,
    `AIs ${present.join(', ')} cannot all qualify AI ${key.def.ai} (${describeSequences(key.def)})`,
  );
}

/**
 * Formats validated AIs as a Digital Link: the first primary key found, its qualifiers in the
 * standard order, every other AI as a query attribute (sorted, so output is canonical). Throws
 * NOT_REPRESENTABLE for data a Digital Link cannot carry instead of silently dropping it.
 */
export function formatDigitalLink(found: ResolvedAis, base: string): string {
  const key = primaryKey(found);
  const sequences = key.def.dlQualifierSequences ?? [];
  // One pass: each qualifier drops into its slot of the one sequence it belongs to (no AI sits in two
  // sequences of the same key), everything else must be a query attribute.
  let chosen = -1;
  let slots: (CollectedAi | undefined)[] | undefined;
  let query: CollectedAi[] | undefined;
  for (const entry of found) {
    if (entry === key) continue;
    let sequence = -1;
    let index = -1;
    for (let s = 0; s < sequences.length && index < 0; s++) {
      index = sequences[s]?.indexOf(entry.def.ai) ?? -1;
      sequence = s;
    }
    if (index >= 0) {
      if (chosen >= 0 && chosen !== sequence) throw notRepresentable(found, key);
      chosen = sequence;
      (slots ??= [])[index] = entry;
    } else if (entry.def.dlAttribute) {
      (query ??= []).push(entry);
    } else {
      throw new Gs1Error(
        Gs1ErrorCode.NotRepresentable,
        entry.position,
        `AI ${entry.def.ai} cannot be carried in a Digital Link whose primary key is AI ${key.def.ai}`,
      );
    }
  }
  let uri = base + '/' + key.def.ai + '/' + percentEncode(key.value);
  if (slots) {
    for (const qualifier of slots) {
      if (qualifier) uri += '/' + qualifier.def.ai + '/' + percentEncode(qualifier.value);
    }
  }
  if (query) {
    if (query.length > 1) query.sort(byAi);
    let separator = '?';
    for (const attribute of query) {
      uri += separator + attribute.def.ai + '=' + percentEncode(attribute.value);
      separator = '&';
    }
  }
  return uri;
}

/** Builds the GS1 Digital Link URI for a scan, element string, Digital Link or list of AIs. */
export function toDigitalLink(input: Gs1Input, options: ToDigitalLinkOptions = {}): string {
  const base = normaliseBase(options.host);
  return formatDigitalLink(resolveAis(input, options), base);
}
