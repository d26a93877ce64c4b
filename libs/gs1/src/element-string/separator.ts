/*
 * The FNC1 separator arrives as the ASCII group separator (GS, 0x1D). Keyboard-wedge scanners and
 * people typing test data often cannot produce that byte, so three printable stand-ins are accepted:
 * `<GS>`, `{GS}` and the 4-character escape `\x1d`. `{`, `}` and `\` are outside the AI-82 set, so those
 * two are unambiguous; `<GS>` is made of legal AI-82 characters and therefore means "separator" even
 * inside a lot or serial (switch it off with printableSeparators: false). `^`, which some encoders use
 * to denote FNC1 in their *input*, is not accepted: it is not an AI-82 character and is reported as
 * invalid, because guessing would hide misconfigured scanners.
 */
export const GS = '\x1d';

/** Length of the separator starting at text[i]: 1 for GS, 4 for a stand-in, 0 when there is none. */
export function separatorLength(text: string, i: number, printable: boolean): number {
  const code = text.charCodeAt(i);
  if (code === 29) return 1;
  if (!printable) return 0;
  if (code === 60) return text.startsWith('<GS>', i) ? 4 : 0;
  if (code === 123) return text.startsWith('{GS}', i) ? 4 : 0;
  if (code === 92) return text.startsWith('\\x1d', i) || text.startsWith('\\x1D', i) ? 4 : 0;
  return 0;
}
