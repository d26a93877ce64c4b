import { type ElementCollector, collect } from '../ai/ai-associations.validator';
import { getAiDefinition } from '../ai/ai-table';
import { type AiDefinition } from '../ai/ai-table.types';
import { validateAiValue } from '../ai/ai-value.validator';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';

/*
 * The human-readable form "(01)09506000134352(17)261231(10)ABC". Parentheses are themselves AI-82
 * characters, so a value ends only where "(" starts a marker naming a real AI; a literal "(" or ")"
 * may also be written "\(" / "\)" (the GS1 Syntax Engine's escape, and what toElementString emits).
 */

/** The AI of a "(nnnn)" marker at text[at], or undefined when there is no well-formed known marker. */
function markerAt(text: string, at: number, end: number): AiDefinition | undefined {
  if (text.charCodeAt(at) !== 40) return undefined;
  for (let len = 2; len <= 4 && at + len + 1 < end; len++) {
    if (text.charCodeAt(at + len + 1) !== 41) continue;
    const ai = text.slice(at + 1, at + len + 1);
    if (!/^\d+$/.test(ai)) return undefined;
    return getAiDefinition(ai);
  }
  return undefined;
}

function readMarker(text: string, at: number, end: number): { def: AiDefinition; next: number } {
  const close = text.indexOf(')', at);
  if (close < 0 || close > at + 5 || close > end) {
    throw new Gs1Error(Gs1ErrorCode.MalformedBrackets, at, "expected '(AI)' with a 2 to 4 digit AI");
  }
  const ai = text.slice(at + 1, close);
  if (!/^\d{2,4}$/.test(ai)) {
    throw new Gs1Error(
      Gs1ErrorCode.MalformedBrackets,
      at + 1,
      `'(${ai})' does not contain a 2 to 4 digit AI`,
    );
  }
  const def = getAiDefinition(ai);
  if (!def) throw new Gs1Error(Gs1ErrorCode.UnknownAi, at + 1, `AI ${ai} is not defined by GS1`);
  return { def, next: close + 1 };
}

export function parseBracketed(
  text: string,
  start: number,
  end: number,
  refYear: number,
  into: ElementCollector,
): void {
  let i = start;
  while (i < end) {
    if (text.charCodeAt(i) !== 40) {
      throw new Gs1Error(
        Gs1ErrorCode.MalformedBrackets,
        i,
        `expected '(' to start the next AI, got '${text[i] ?? ''}'`,
      );
    }
    const aiAt = i;
    const { def, next } = readMarker(text, i, end);
    let j = next;
    let escaped = false;
    while (j < end) {
      const code = text.charCodeAt(j);
      if (code === 92 && (text[j + 1] === '(' || text[j + 1] === ')')) {
        escaped = true;
        j += 2;
        continue;
      }
      if (code === 40 && markerAt(text, j, end)) break;
      j++;
    }
    const value = escaped ? text.slice(next, j).replace(/\\([()])/g, '$1') : text.slice(next, j);
    if (value.length === 0) {
      throw new Gs1Error(
        Gs1ErrorCode.ValueTooShort,
        next,
        `AI ${def.ai} has no value (expects ${def.formatHint})`,
      );
    }
    validateAiValue(def, value, 0, value.length, { base: next, exact: !escaped }, refYear);
    collect(into, def, value, aiAt);
    i = j;
  }
}
