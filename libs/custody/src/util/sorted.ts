/** Code-unit order: the same on every engine, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorted copy of strings in code-unit order. The default sort compares strings by UTF-16 code units,
 * exactly compareStrings, natively and much faster than a comparator callback.
 */
export function sortStrings(values: Iterable<string>): string[] {
  return [...values].sort();
}

export function sortedUnique(values: Iterable<string>): string[] {
  return sortStrings(new Set(values));
}
