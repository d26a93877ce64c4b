import { EpcisProblemKind, ProblemCollector } from '../epcis.error';
import { IdentifierNormaliser } from '../identifier.normaliser';
import type { Namespaces } from '../json-ld-context';
import { typeName } from '../json-pointer';

/** State shared by the readers of one document (or one event): where problems go, how ids convert. */
export interface ReaderContext {
  readonly problems: ProblemCollector;
  readonly ids: IdentifierNormaliser;
  /** Prefix declarations in scope (document `@context` plus the event's own, if any). */
  namespaces: Namespaces | undefined;
  /** Non-standard CURIE prefixes used by extension keys of the event being read. */
  usedPrefixes: Set<string> | undefined;
}

export function wrongType(ctx: ReaderContext, at: string, expected: string, value: unknown): void {
  ctx.problems.add(EpcisProblemKind.Type, at, `expected ${expected}, got ${typeName(value)}`);
}
