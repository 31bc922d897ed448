// Pattern helpers for catalog validation: matching IAM wildcards against catalog names, condition
// keys against catalog key templates, and deciding whether a policy Resource can match an ARN
// format of the catalog. Pure; used by catalog.ts.

/** One position of a pattern: a literal character or a wildcard. */
type PatternToken =
  | { kind: 'literal'; character: string }
  /** Exactly one character (`?` in a policy). */
  | { kind: 'one'; allowed: (character: string) => boolean }
  /** Zero or more characters (`*` in a policy, the tail of a catalog placeholder). */
  | { kind: 'many'; allowed: (character: string) => boolean };

function anyCharacter(): boolean {
  return true;
}

/**
 * Placeholders of ARN formats that can never contain a `/` or `:`. Bucket names in particular:
 * without this, `arn:aws:s3:::bucket/*` would look like a bucket ARN and the classic mistake of
 * granting `s3:ListBucket` on objects would go unnoticed. **Assumption**: every other placeholder
 * may contain any character (log group names and role paths contain `/`).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
const SEGMENT_PLACEHOLDERS = new Set(['bucketname', 'partition', 'region', 'account', 'accountid']);

function segmentCharacter(character: string): boolean {
  return character !== '/' && character !== ':';
}

function nameCharacter(character: string): boolean {
  return character !== '/';
}

/**
 * Tokens of a catalog ARN format: `${Name}` placeholders stand for one or more characters (`strict`:
 * never a `/`, as in most real names; identity ids hold a `:`).
 */
function tokenizeArnFormat(format: string, strict = false): PatternToken[] {
  const tokens: PatternToken[] = [];
  let index = 0;
  while (index < format.length) {
    if (format.startsWith('${', index)) {
      const end = format.indexOf('}', index);
      if (end > index) {
        const name = format.slice(index + 2, end).toLowerCase();
        const allowed = SEGMENT_PLACEHOLDERS.has(name)
          ? segmentCharacter
          : strict
            ? nameCharacter
            : anyCharacter;
        tokens.push({ kind: 'one', allowed }, { kind: 'many', allowed });
        index = end + 1;
        continue;
      }
    }
    tokens.push({ kind: 'literal', character: format.charAt(index) });
    index += 1;
  }
  return tokens;
}

/**
 * Tokens of a policy Resource: `*` and `?` are wildcards, and policy variables (`${aws:username}`)
 * are unknown until request time, so they stand for any text.
 */
function tokenizePolicyResource(resource: string): PatternToken[] {
  const tokens: PatternToken[] = [];
  let index = 0;
  while (index < resource.length) {
    const character = resource.charAt(index);
    if (character === '$' && resource.charAt(index + 1) === '{') {
      const end = resource.indexOf('}', index);
      if (end > index) {
        tokens.push({ kind: 'many', allowed: anyCharacter });
        index = end + 1;
        continue;
      }
    }
    if (character === '*') tokens.push({ kind: 'many', allowed: anyCharacter });
    else if (character === '?') tokens.push({ kind: 'one', allowed: anyCharacter });
    else tokens.push({ kind: 'literal', character });
    index += 1;
  }
  return tokens;
}

/** Whether one character can be consumed by both tokens at once. */
function tokensAgree(left: PatternToken, right: PatternToken): boolean {
  if (left.kind === 'literal') {
    return right.kind === 'literal' ? left.character === right.character : right.allowed(left.character);
  }
  if (right.kind === 'literal') return left.allowed(right.character);
  // Two wildcards: some character satisfies both (any letter is allowed by every wildcard here).
  return left.allowed('a') && right.allowed('a');
}

/**
 * Whether some string is matched by both patterns: a search over pairs of positions, where a
 * `many` token may be skipped or consume a character and stay.
 */
function patternsIntersect(left: PatternToken[], right: PatternToken[]): boolean {
  const width = right.length + 1;
  const seen = new Uint8Array((left.length + 1) * width);
  const stack: Array<[number, number]> = [[0, 0]];
  while (stack.length > 0) {
    const [i, j] = stack.pop() as [number, number];
    const cell = i * width + j;
    if (seen[cell]) continue;
    seen[cell] = 1;
    if (i === left.length && j === right.length) return true;
    const leftToken = left[i];
    const rightToken = right[j];
    if (leftToken?.kind === 'many') stack.push([i + 1, j]);
    if (rightToken?.kind === 'many') stack.push([i, j + 1]);
    if (leftToken && rightToken && tokensAgree(leftToken, rightToken)) {
      stack.push([leftToken.kind === 'many' ? i : i + 1, rightToken.kind === 'many' ? j : j + 1]);
    }
  }
  return false;
}

/** Whether a policy Resource entry (with wildcards and variables) can name a resource of this ARN format. */
export function resourceCanMatchArnFormat(resource: string, arnFormat: string): boolean {
  return patternsIntersect(tokenizePolicyResource(resource), tokenizeArnFormat(arnFormat));
}

/**
 * A shortest resource ARN that both the policy Resource entry and the ARN format match (wildcards
 * and placeholders take the letter `a` where nothing else is asked), or undefined when none does.
 * `strict`: the format's placeholders hold no `/`.
 */
export function arnFormatWitness(resource: string, arnFormat: string, strict = false): string | undefined {
  const left = tokenizePolicyResource(resource);
  const right = tokenizeArnFormat(arnFormat, strict);
  const width = right.length + 1;
  // Breadth first over pairs of positions; each cell remembers how it was reached.
  const from = new Int32Array((left.length + 1) * width).fill(-1);
  const emitted: string[] = [];
  const queue: number[] = [0];
  from[0] = 0;
  for (let head = 0; head < queue.length; head += 1) {
    const cell = queue[head] as number;
    const i = Math.floor(cell / width);
    const j = cell % width;
    if (i === left.length && j === right.length) {
      let text = '';
      for (let at = cell; at !== 0; at = from[at] as number) text = (emitted[at] ?? '') + text;
      return text;
    }
    const leftToken = left[i];
    const rightToken = right[j];
    const visit = (next: number, character: string): void => {
      if (from[next] !== -1) return;
      from[next] = cell;
      emitted[next] = character;
      queue.push(next);
    };
    if (leftToken?.kind === 'many') visit((i + 1) * width + j, '');
    if (rightToken?.kind === 'many') visit(i * width + j + 1, '');
    if (leftToken && rightToken && tokensAgree(leftToken, rightToken)) {
      const character =
        leftToken.kind === 'literal'
          ? leftToken.character
          : rightToken.kind === 'literal'
            ? rightToken.character
            : 'a';
      visit(
        (leftToken.kind === 'many' ? i : i + 1) * width + (rightToken.kind === 'many' ? j : j + 1),
        character,
      );
    }
  }
  return undefined;
}

/** Whether an IAM action pattern (`Get*`, `?ut*`) matches an action name; case-insensitive as IAM does. */
export function actionPatternMatches(pattern: string, actionName: string): boolean {
  return wildcardRegExp(pattern).test(actionName);
}

function wildcardRegExp(pattern: string): RegExp {
  const source = pattern
    .split('')
    .map((character) => {
      if (character === '*') return '.*';
      if (character === '?') return '.';
      return character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, 'is');
}

/**
 * Whether a condition key used in a policy matches a catalog key template such as
 * `aws:RequestTag/${TagKey}` or `s3:ExistingObjectTag/<key>`; keys compare case-insensitively.
 */
export function conditionKeyMatchesTemplate(key: string, template: string): boolean {
  const lowerKey = key.toLowerCase();
  const lowerTemplate = template.toLowerCase();
  if (!/\$\{[^}]*\}|<[^>]*>/.test(lowerTemplate)) return lowerKey === lowerTemplate;
  const source = lowerTemplate
    .split(/(\$\{[^}]*\}|<[^>]*>)/)
    .map((part, index) => (index % 2 === 1 ? '.+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(lowerKey);
}
