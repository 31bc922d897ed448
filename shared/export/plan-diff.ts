// Readable diffs of JSON values for the plan: both sides printed with sorted keys and 2-space
// indentation, compared line by line (longest common subsequence; plan documents are small).

/** JSON text with object keys sorted at every level, so equal values print equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Unchanged lines kept around each change. */
const CONTEXT_LINES = 3;

/**
 * `- ` removed, `+ ` added, `  ` unchanged lines; long unchanged stretches are cut to `…`.
 * An undefined side means the thing does not exist (all lines added, or all removed).
 */
export function jsonDiff(before: unknown, after: unknown): string {
  const oldLines = before === undefined ? [] : canonicalJson(before).split('\n');
  const newLines = after === undefined ? [] : canonicalJson(after).split('\n');
  const lines = diffLines(oldLines, newLines);
  const keep = lines.map((line) => line.startsWith('  ') === false);
  const near = lines.map((_, index) =>
    keep.slice(Math.max(0, index - CONTEXT_LINES), index + CONTEXT_LINES + 1).some(Boolean),
  );
  const output: string[] = [];
  lines.forEach((line, index) => {
    if (near[index]) output.push(line);
    else if (output[output.length - 1] !== '  …') output.push('  …');
  });
  return output.join('\n');
}

function diffLines(oldLines: string[], newLines: string[]): string[] {
  const rows = oldLines.length;
  const columns = newLines.length;
  // common[i][j] = length of the longest common subsequence of oldLines[i..] and newLines[j..]
  const common: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      common[i]![j] =
        oldLines[i] === newLines[j]
          ? common[i + 1]![j + 1]! + 1
          : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const result: string[] = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < columns) {
    if (i < rows && j < columns && oldLines[i] === newLines[j]) {
      result.push(`  ${oldLines[i]}`);
      i++;
      j++;
    } else if (i < rows && (j === columns || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      // Removed lines before added ones, as unified diffs show a replacement.
      result.push(`- ${oldLines[i]}`);
      i++;
    } else {
      result.push(`+ ${newLines[j]}`);
      j++;
    }
  }
  return result;
}
