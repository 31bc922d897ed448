// Glob matching for IAM's two wildcards: `*` (any run of characters, including none) and `?` (exactly one).
// Patterns are compiled once; matching is a linear two-pointer walk with back-tracking to the last `*`,
// which never allocates.

export const literalCharacter = 0;
export const anyCharacter = 1;
export const anyRun = 2;

export interface GlobPattern {
  /** Pattern characters; for wildcards the character is ignored. */
  readonly characters: string;
  /** One kind per character: literalCharacter, anyCharacter or anyRun. */
  readonly kinds: Uint8Array;
  /** Fast paths. */
  readonly shape: 'literal' | 'everything' | 'prefix' | 'general';
  /** For 'literal': the whole text; for 'prefix': the text before the final `*`. */
  readonly literal: string;
}

/** Compiles a pattern where `*` and `?` are wildcards. `lowerCase` folds the pattern for case-insensitive use. */
export function compileGlob(pattern: string, lowerCase = false): GlobPattern {
  const characters = lowerCase ? pattern.toLowerCase() : pattern;
  const kinds = new Uint8Array(characters.length);
  for (let index = 0; index < characters.length; index++) {
    const code = characters.charCodeAt(index);
    kinds[index] = code === 42 ? anyRun : code === 63 ? anyCharacter : literalCharacter;
  }
  return globFromParts(characters, kinds);
}

/** Builds a pattern from characters and their kinds (used after substituting policy variables). */
export function globFromParts(characters: string, kinds: Uint8Array): GlobPattern {
  let wildcardCount = 0;
  let onlyTrailingStar = true;
  for (let index = 0; index < kinds.length; index++) {
    if (kinds[index] !== literalCharacter) {
      wildcardCount++;
      if (kinds[index] !== anyRun || index !== kinds.length - 1) onlyTrailingStar = false;
    }
  }
  if (wildcardCount === 0) return { characters, kinds, shape: 'literal', literal: characters };
  if (kinds.length === 1 && kinds[0] === anyRun)
    return { characters, kinds, shape: 'everything', literal: '' };
  if (wildcardCount === 1 && onlyTrailingStar) {
    return { characters, kinds, shape: 'prefix', literal: characters.slice(0, -1) };
  }
  return { characters, kinds, shape: 'general', literal: '' };
}

export function globMatches(pattern: GlobPattern, text: string): boolean {
  switch (pattern.shape) {
    case 'literal':
      return text === pattern.literal;
    case 'everything':
      return true;
    case 'prefix':
      return text.startsWith(pattern.literal);
    default:
      return generalMatch(pattern, text);
  }
}

function generalMatch(pattern: GlobPattern, text: string): boolean {
  const { characters, kinds } = pattern;
  const patternLength = kinds.length;
  const textLength = text.length;
  let patternIndex = 0;
  let textIndex = 0;
  let starIndex = -1;
  let starTextIndex = 0;
  while (textIndex < textLength) {
    if (patternIndex < patternLength) {
      const kind = kinds[patternIndex];
      if (kind === anyRun) {
        starIndex = patternIndex++;
        starTextIndex = textIndex;
        continue;
      }
      if (kind === anyCharacter || characters.charCodeAt(patternIndex) === text.charCodeAt(textIndex)) {
        patternIndex++;
        textIndex++;
        continue;
      }
    }
    if (starIndex < 0) return false;
    patternIndex = starIndex + 1;
    textIndex = ++starTextIndex;
  }
  while (patternIndex < patternLength && kinds[patternIndex] === anyRun) patternIndex++;
  return patternIndex === patternLength;
}
