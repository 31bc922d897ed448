// JSON paths in the `$.Statement[1].Condition["aws:username"]` notation used by every issue and explanation.

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends an object key: `.Key` for plain identifiers, `["odd:key"]` otherwise. */
export function pathWithKey(path: string, key: string): string {
  return identifierPattern.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Appends an array index: `[3]`. */
export function pathWithIndex(path: string, index: number): string {
  return `${path}[${index}]`;
}

export type PathStep = string | number;

/**
 * Splits a JSON path into its steps. Accepts the canonical form and a looser one where dotted keys may
 * hold any character except `.` and `[` (`$.Condition.StringEquals.aws:username`).
 */
export function parseJsonPath(path: string): PathStep[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: PathStep[] = [];
  let position = 1;
  while (position < path.length) {
    const character = path[position];
    if (character === '.') {
      let end = position + 1;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      if (end === position + 1) return undefined;
      steps.push(path.slice(position + 1, end));
      position = end;
    } else if (character === '[') {
      const close = findClosingBracket(path, position);
      if (close < 0) return undefined;
      const inner = path.slice(position + 1, close);
      if (/^\d+$/.test(inner)) {
        steps.push(Number(inner));
      } else {
        try {
          const key: unknown = JSON.parse(inner);
          if (typeof key !== 'string') return undefined;
          steps.push(key);
        } catch {
          return undefined;
        }
      }
      position = close + 1;
    } else {
      return undefined;
    }
  }
  return steps;
}

/** The canonical spelling of a path (as pathWithKey / pathWithIndex write it), or undefined if unreadable. */
export function canonicalJsonPath(path: string): string | undefined {
  const steps = parseJsonPath(path);
  if (!steps) return undefined;
  let canonical = '$';
  for (const step of steps)
    canonical = typeof step === 'number' ? pathWithIndex(canonical, step) : pathWithKey(canonical, step);
  return canonical;
}

function findClosingBracket(path: string, open: number): number {
  if (path[open + 1] !== '"') return path.indexOf(']', open);
  let position = open + 2;
  while (position < path.length) {
    const character = path[position];
    if (character === '\\') position += 2;
    else if (character === '"') return path[position + 1] === ']' ? position + 1 : -1;
    else position += 1;
  }
  return -1;
}
