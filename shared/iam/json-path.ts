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

/** Splits a path produced by `pathWithKey` / `pathWithIndex` into its steps; undefined if it is not such a path. */
export function parseJsonPath(path: string): PathStep[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: PathStep[] = [];
  let position = 1;
  while (position < path.length) {
    const character = path[position];
    if (character === '.') {
      const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(path.slice(position + 1));
      if (!match) return undefined;
      steps.push(match[0]);
      position += 1 + match[0].length;
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
