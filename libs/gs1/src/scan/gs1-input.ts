import { checkAssociations, collect, newCollector, type CollectedAi } from '../ai/ai-associations.validator';
import { getAiDefinition } from '../ai/ai-table';
import { validateAiValue } from '../ai/ai-value.validator';
import { DEFAULT_REFERENCE_YEAR } from '../ai/gs1-date';
import { type AiValue, type Gs1Input } from '../ai/gs1-element.types';
import { isDigitalLinkCandidate, parseDigitalLinkInto } from '../digital-link/digital-link.parser';
import { parseElementStringInto } from '../element-string/element-string.parser';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';

/**
 * Validated AIs with their definitions, ready for the formatters; `position` is where each AI starts in
 * the input string, or its index when the input was a list of pairs.
 */
export type ResolvedAis = readonly CollectedAi[];

export interface ResolveOptions {
  readonly referenceYear?: number;
}

/**
 * Turns any accepted input into validated AIs. A list of pairs is checked exactly like scanned data;
 * error positions then refer to the pair's index in the list.
 */
export function resolveAis(input: Gs1Input, options: ResolveOptions = {}): ResolvedAis {
  const found = newCollector();
  const referenceYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  if (typeof input === 'string') {
    if (isDigitalLinkCandidate(input.trimStart())) {
      const lead = input.length - input.trimStart().length;
      parseDigitalLinkInto(input.slice(lead), { referenceYear }, found);
    } else {
      parseElementStringInto(input, 0, { referenceYear }, found);
    }
    return found;
  }
  const pairs: readonly AiValue[] = Array.isArray(input)
    ? input
    : (input as { readonly ais: readonly AiValue[] }).ais;
  if (pairs.length === 0) throw new Gs1Error(Gs1ErrorCode.EmptyInput, 0, 'no AIs given');
  pairs.forEach((pair, index) => {
    const def = typeof pair?.ai === 'string' ? getAiDefinition(pair.ai) : undefined;
    if (!def)
      throw new Gs1Error(Gs1ErrorCode.UnknownAi, index, `AI ${String(pair?.ai)} is not defined by GS1`);
    const value = String(pair.value ?? '');
    validateAiValue(def, value, 0, value.length, { base: index, exact: false }, referenceYear);
    collect(found, def, value, index);
  });
  checkAssociations(found, false);
  return found;
}
