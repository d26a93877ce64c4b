import { type CollectedAi } from '../ai/ai-associations.validator';
import { type Gs1Input } from '../ai/gs1-element.types';
import { resolveAis } from '../scan/gs1-input';
import { GS } from './separator';

export interface ToElementStringOptions {
  /** "gs": raw AIs with separators (what a barcode carries); "brackets": "(01)…(10)…". Default "gs". */
  readonly format?: 'gs' | 'brackets';
  /** Separator for the "gs" format: the GS character by default, or e.g. "<GS>" for a wedge scanner. */
  readonly separator?: string;
  /** Put this AIM identifier in front of the "gs" format, e.g. "]d2". */
  readonly aimId?: string;
  /** Move predefined-length AIs first, which saves separators in the symbol. Default false (keep order). */
  readonly predefinedFirst?: boolean;
  readonly referenceYear?: number;
}

function escapeBrackets(value: string): string {
  return value.includes('(') || value.includes(')') ? value.replace(/[()]/g, '\\$&') : value;
}

/**
 * Writes AIs as an element string. In the "gs" format a separator follows every value whose AI is not
 * of predefined length, except the last; in "brackets" literal parentheses are escaped as \( and \).
 */
export function toElementString(input: Gs1Input, options: ToElementStringOptions = {}): string {
  const found: CollectedAi[] = [...resolveAis(input, options)];
  if (options.predefinedFirst) {
    // Array.prototype.sort is stable, so the original order survives within each group.
    found.sort((a, b) => Number(!a.def.predefinedLength) - Number(!b.def.predefinedLength));
  }
  if (options.format === 'brackets') {
    return found.map((entry) => `(${entry.def.ai})${escapeBrackets(entry.value)}`).join('');
  }
  const separator = options.separator ?? GS;
  let out = options.aimId ?? '';
  found.forEach((entry, n) => {
    out += entry.def.ai + entry.value;
    if (!entry.def.predefinedLength && n < found.length - 1) out += separator;
  });
  return out;
}
