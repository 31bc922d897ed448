// Results of pure functions of a text, kept by that text: policies that differ as documents still
// share most of their actions, resources, condition values and operator names, and reading those is
// the costly part of validating and compiling a new document. Safe only for results nobody modifies.

/** How many entries a table holds before it starts over (a batch may bring any number of texts). */
const DEFAULT_ENTRIES = 20_000;

/**
 * `table`'s entry for `key`, computed from it and kept on first use; the table starts over when
 * full. `compute` takes the key, so callers pass a function made once instead of a closure per call.
 */
export function remembered<T>(
  table: Map<string, T>,
  key: string,
  compute: (key: string) => T,
  maxEntries = DEFAULT_ENTRIES,
): T {
  let value = table.get(key);
  if (value === undefined) {
    value = compute(key);
    if (table.size >= maxEntries) table.clear();
    table.set(key, value);
  }
  return value;
}

/**
 * Tables as `remembered`'s, one per group (a short text such as a policy version or an operator
 * name), so a key need not be joined to its group — joining copies the whole text before it can be
 * looked up. All groups share one bound on the entries.
 */
export class GroupedMemo<T> {
  private groups = new Map<string, Map<string, T>>();
  private entries = 0;

  constructor(private readonly maxEntries = DEFAULT_ENTRIES) {}

  get(group: string, key: string, compute: () => T): T {
    let table = this.groups.get(group);
    let value = table?.get(key);
    if (value === undefined) {
      value = compute();
      if (this.entries >= this.maxEntries) {
        this.groups.clear();
        this.entries = 0;
        table = undefined;
      }
      if (!table) this.groups.set(group, (table = new Map()));
      table.set(key, value);
      this.entries += 1;
    }
    return value;
  }
}

const lowerCaseNames = new Map<string, string>();

/**
 * A name (condition key, context key) in lower case, remembered: requests and policies repeat the
 * same names, and one string per name spares both the copy and, where it is looked up, its hash.
 */
export function lowerCaseName(name: string): string {
  return remembered(lowerCaseNames, name, toLowerCase, 1000);
}

const toLowerCase = (text: string): string => text.toLowerCase();
