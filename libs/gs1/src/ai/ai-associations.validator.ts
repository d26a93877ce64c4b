import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { matchesPattern } from './ai-table';
import { type AiDefinition, type AiPattern } from './ai-table.types';

/** One AI a parser accepted, with where it started in the input so later rules can point at it. */
export interface CollectedAi {
  readonly def: AiDefinition;
  readonly value: string;
  readonly position: number;
}

/** What a parser accumulates, in input order. */
export type ElementCollector = CollectedAi[];

export function newCollector(): ElementCollector {
  return [];
}

/**
 * Adds an AI unless the same AI with the same value is already there (scanners reading several symbols
 * on one item repeat data). The same AI with a different value is a contradiction.
 */
export function collect(into: ElementCollector, def: AiDefinition, value: string, position: number): void {
  for (const earlier of into) {
    if (earlier.def !== def) continue;
    if (earlier.value === value) return;
    throw new Gs1Error(
      Gs1ErrorCode.DuplicateAi,
      position,
      `AI ${def.ai} appears twice with different values ('${earlier.value}' and '${value}')`,
    );
  }
  into.push({ def, value, position });
}

function present(found: readonly CollectedAi[], pattern: AiPattern): boolean {
  for (const entry of found) if (matchesPattern(entry.def.ai, pattern)) return true;
  return false;
}

function patternText(pattern: AiPattern): string {
  return pattern.prefix.padEnd(pattern.length, 'n');
}

/**
 * GS1 invalid pairings (always) and mandatory associations (when asked: a scan of one symbol may
 * legitimately lack AIs that another symbol on the same item carries).
 */
export function checkAssociations(found: readonly CollectedAi[], checkMandatory: boolean): void {
  for (const entry of found) {
    const def = entry.def;
    if (def.excludes.length === 0 && (!checkMandatory || def.requires.length === 0)) continue;
    if (def.excludes.length > 0) {
      for (const other of found) {
        const ai = other.def.ai;
        if (ai === def.ai) continue;
        if (!def.excludedAis.has(ai) && !def.excludedFamilies.some((family) => matchesPattern(ai, family)))
          continue;
        throw new Gs1Error(
          Gs1ErrorCode.InvalidAiPairing,
          Math.max(entry.position, other.position),
          `AI ${def.ai} must not appear together with AI ${ai}`,
        );
      }
    }
    if (!checkMandatory) continue;
    for (const clause of def.requires) {
      if (clause.some((group) => group.every((pattern) => present(found, pattern)))) continue;
      const options = clause.map((group) => group.map(patternText).join('+')).join(', ');
      throw new Gs1Error(
        Gs1ErrorCode.MissingRequiredAi,
        entry.position,
        `AI ${def.ai} requires ${clause.length > 1 ? 'one of ' : ''}AI ${options}`,
      );
    }
  }
}
