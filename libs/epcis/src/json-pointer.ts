/** Appends one reference token to a JSON Pointer (RFC 6901), escaping `~` and `/`. */
export function pointerTo(parent: string, token: string | number): string {
  if (typeof token === 'number') return `${parent}/${token}`;
  if (token.indexOf('~') < 0 && token.indexOf('/') < 0) return `${parent}/${token}`;
  return `${parent}/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** A short, safe rendering of an offending value for error messages. */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) text = 'undefined';
  else {
    try {
      // JSON.stringify gives undefined for functions and symbols: name the type instead.
      text = JSON.stringify(value) ?? `<${typeof value}>`;
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
