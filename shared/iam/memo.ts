// Results of pure functions of a text, kept by that text: policies that differ as documents still
// share most of their actions, resources, condition values and operator names, and reading those is
// the costly part of validating and compiling a new document. Safe only for results nobody modifies.

/** How many entries a table holds before it starts over (a batch may bring any number of texts). */
const DEFAULT_ENTRIES = 20_000;

/** `table`'s entry for `key`, computed and kept on first use; the table starts over when full. */
export function remembered<T>(
  table: Map<string, T>,
  key: string,
  compute: () => T,
  maxEntries = DEFAULT_ENTRIES,
): T {
  let value = table.get(key);
  if (value === undefined) {
    value = compute();
    if (table.size >= maxEntries) table.clear();
    table.set(key, value);
  }
  return value;
}
