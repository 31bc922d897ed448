// Pure helpers for the panels' list and map fields: each returns a new value and never changes
// its input, since the design is immutable state.

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, at) => (at === index ? item : existing));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, at) => at !== index);
}

/** The list with `item` added (on) or every equal item removed (off). */
export function toggled<T>(
  list: readonly T[],
  item: T,
  on: boolean,
  same: (a: T, b: T) => boolean = Object.is,
): T[] {
  return on ? [...list, item] : list.filter((candidate) => !same(candidate, item));
}

/** A string map as `key=value` lines. */
export function keyValueLines(map: Readonly<Record<string, string>>): string[] {
  return Object.entries(map).map(([key, value]) => `${key}=${value}`);
}

/** The inverse of `keyValueLines`; lines without a key before `=` are dropped. */
export function parseKeyValueLines(lines: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const line of lines) {
    const index = line.indexOf('=');
    if (index > 0) map[line.slice(0, index).trim()] = line.slice(index + 1).trim();
  }
  return map;
}
