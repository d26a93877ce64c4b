import { type AiDefinition } from '../ai/ai-table.types';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { canQualifySomeKey, describeSequences, pathSegmentAi } from './digital-link.rules';

export interface Segment {
  readonly text: string;
  readonly position: number;
}

/** An AI segment of the path and the value segment after it. */
export interface PathPair {
  readonly def: AiDefinition;
  readonly name: Segment;
  readonly value: Segment;
}

export interface DigitalLinkPath {
  /** Primary key first, then its qualifiers in order. */
  readonly pairs: readonly PathPair[];
  /** Where the key's segment starts (everything before it is the resolver's path prefix). */
  readonly keyPosition: number;
}

const NONE: Segment = { text: '', position: 0 };

function at(segments: readonly Segment[], k: number): Segment {
  return segments[k] ?? NONE;
}

/**
 * Finds the primary key by walking AI/value pairs from the end of the path: everything after the key
 * must be qualifier pairs, everything before it is the resolver's own path prefix (which may contain
 * anything, even segments that look like AIs). Then checks the qualifiers follow one of the key's
 * permitted sequences, in order and without repeats.
 */
export function readPath(segments: readonly Segment[], pathPosition: number): DigitalLinkPath {
  const pairs: PathPair[] = [];
  for (let k = segments.length - 2; k >= 0; k -= 2) {
    const name = at(segments, k);
    const def = pathSegmentAi(name.text);
    if (!def) break;
    pairs.unshift({ def, name, value: at(segments, k + 1) });
    if (def.dlQualifierSequences) {
      checkQualifiers(pairs);
      return { pairs, keyPosition: name.position };
    }
    if (!canQualifySomeKey(def.ai)) break;
  }
  return explainMissingKey(segments, pathPosition);
}

function explainMissingKey(segments: readonly Segment[], pathPosition: number): never {
  const n = segments.length;
  for (let k = 0; k < n; k++) {
    const key = pathSegmentAi(at(segments, k).text);
    if (!key?.dlQualifierSequences) continue;
    if ((n - k) % 2 !== 0) {
      throw new Gs1Error(
        Gs1ErrorCode.InvalidDigitalLink,
        at(segments, n - 1).position,
        `the path after AI ${key.ai} does not alternate AI and value`,
      );
    }
    for (let q = k + 2; q < n; q += 2) {
      const segment = at(segments, q);
      const def = pathSegmentAi(segment.text);
      if (!def || !canQualifySomeKey(def.ai)) {
        throw new Gs1Error(
          Gs1ErrorCode.DigitalLinkIllegalQualifier,
          segment.position,
          `'${segment.text}' is not a key qualifier (${describeSequences(key)}); data attributes go in the query string`,
        );
      }
    }
  }
  throw new Gs1Error(
    Gs1ErrorCode.InvalidDigitalLink,
    pathPosition,
    'no GS1 primary key (such as /01/<GTIN> or /00/<SSCC>) followed by AI/value pairs found in the path',
  );
}

function checkQualifiers(pairs: readonly PathPair[]): void {
  const [key, ...qualifiers] = pairs;
  if (!key) return;
  const sequences = key.def.dlQualifierSequences ?? [];
  let sequence: readonly string[] | undefined;
  let lastIndex = -1;
  let lastAi = key.def.ai;
  for (const { def, name } of qualifiers) {
    const chosen = sequence ?? sequences.find((s) => s.includes(def.ai));
    if (!chosen?.includes(def.ai)) {
      const legal = sequences.some((s) => s.includes(def.ai));
      throw new Gs1Error(
        Gs1ErrorCode.DigitalLinkIllegalQualifier,
        name.position,
        legal
          ? `AI ${def.ai} cannot be combined with AI ${lastAi} (${describeSequences(key.def)})`
          : `AI ${def.ai} is not a key qualifier of AI ${key.def.ai} (${describeSequences(key.def)})`,
      );
    }
    const index = chosen.indexOf(def.ai);
    if (index <= lastIndex) {
      throw new Gs1Error(
        Gs1ErrorCode.DigitalLinkQualifierOrder,
        name.position,
        `AI ${def.ai} must not come after AI ${lastAi} (${describeSequences(key.def)})`,
      );
    }
    sequence = chosen;
    lastIndex = index;
    lastAi = def.ai;
  }
}
