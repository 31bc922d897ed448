// One line of `evaluate --batch`: JSON text in, one JSON answer out. Kept free of I/O so the main
// thread and the worker threads of `--jobs` run the very same code.
//
// Speed comes from doing each expensive step once: JSON.parse and a count of the line's keys decide
// validity (the scanner that locates a duplicate key and the located parser run only to word an
// error; the keys of a new policy document are counted by the check that validates it), and a
// policy document repeated on many lines is validated and compiled once or twice (see `remember`),
// not on every line.

import { compileParsedPolicy, evaluateDeciding, policyKeyCount } from '../../shared/iam';
import type { CompiledPolicy, DecidingResult, PolicyDocument } from '../../shared/iam';
import { countParsedKeys } from '../../shared/model/json-duplicate-keys';
import { duplicateKeyReason, parseJsonText as parseLocatedJson } from '../../shared/model/json-text';
import {
  CONTEXT_SPAN,
  countKeysOutside,
  countLineKeys,
  scanLine,
  skeletonOf,
  type PolicySpan,
  type RecogniseDocument,
} from './batch-line';
import { CliInputError, oneLine } from './errors';
import { firstPolicyError, parseEvaluationInput, type PreparePolicy } from './evaluate-input';
import { describeJsonError, MAX_JSON_DEPTH } from './files';
import { statementReference } from './format/decision';
import { boundMessage } from './output';

/** Longest input line read; a longer one is answered with an error and skipped without buffering it. */
export const MAX_BATCH_LINE_BYTES = 8 * 1024 * 1024;

/** What `faultlessValue` returns for a line it leaves to `checkedValue`. */
const NO_VALUE = Symbol('no value');

/**
 * Thrown while a new document is read on the quick way when its keys differ from those counted in
 * its text: it holds a duplicate key, which the long way (`checkedValue`) locates and words.
 */
class KeysDiffer extends Error {}

/** Distinct policy texts kept compiled; the cache starts over when full, so memory stays bounded. */
const MAX_CACHED_POLICIES = 1024;
/** Total characters of cached policy texts before the cache starts over. */
const MAX_CACHED_CHARACTERS = 32 * 1024 * 1024;
/** Documents per place tried, most recently used first, where a document starts in a line. */
const RECENT_PER_PLACE = 4;
/**
 * New documents in a row at one place whose text was not found in the cache (neither kept nor seen
 * once before) after which that place's new documents are looked up and kept by their text only
 * now and then (one in LOOKUP_EVERY): in a batch whose documents do not repeat, hashing each
 * document's text to look it up, and keeping it until the cache starts over (which keeps its line
 * alive into the old generation), cost about a tenth of the time per line, for nothing. A document
 * found again (by a sampled lookup, or recognised where it starts) puts the place back to looking
 * up every document. Only the speed depends on it: a document not looked up is read, checked and
 * compiled like any new one.
 */
export const MISSES_BEFORE_SAMPLING = 256;
export const LOOKUP_EVERY = 16;

/**
 * A cached text cut from a longer line is copied, so that it does not keep the whole line alive
 * (a slice shares its line's memory); cutting from a short line costs less than copying.
 */
const MAX_PINNED_LINE = 16 * 1024;

interface CachedPolicy {
  /** The document's text (see MAX_PINNED_LINE). With none of the others: seen once (see `remember`). */
  text: string;
  compiled?: CompiledPolicy;
  error?: string;
  /** For the request's context (CONTEXT_SPAN): its value, valid and frozen. */
  context?: RequestContext;
  /** For the context: the keys in it (see `countParsedKeys`). */
  keys?: number;
}

type RequestContext = Readonly<Record<string, string | readonly string[]>>;

/** An entry with every field present (see `newSpan` in batch-line.ts for why one shape). */
function newEntry(text: string, fields: Omit<Partial<CachedPolicy>, 'text'> = {}): CachedPolicy {
  return {
    text,
    compiled: fields.compiled,
    error: fields.error,
    context: fields.context,
    keys: fields.keys,
  };
}

/** Whether an entry holds what its text stands for (not only the text of a first sighting). */
function isKept(entry: CachedPolicy | undefined): entry is CachedPolicy {
  return (
    entry !== undefined &&
    (entry.compiled !== undefined || entry.error !== undefined || entry.context !== undefined)
  );
}

/** The context as kept: frozen with its lists, so the engine reads it once (see prepareRequest). */
function frozenContext(context: Record<string, unknown>): RequestContext {
  for (const key in context) {
    const value = context[key];
    if (Array.isArray(value)) Object.freeze(value);
  }
  return Object.freeze(context) as RequestContext;
}

interface PlaceCache {
  byText: Map<string, CachedPolicy>;
  recent: CachedPolicy[];
}

/** How the lookups of new documents at one place have gone (see MISSES_BEFORE_SAMPLING). */
interface PlaceLookups {
  /** Lookups in a row that found nothing. */
  misses: number;
  /** New documents not looked up since the last sampled one. */
  skipped: number;
}

/** Whether a place's new documents are sampled (see MISSES_BEFORE_SAMPLING). */
function isSampled(place: PlaceLookups | undefined): place is PlaceLookups {
  return place !== undefined && place.misses >= MISSES_BEFORE_SAMPLING;
}

export interface BatchLineAnswer {
  /** One JSON object, without the newline. */
  json: string;
  /** True when the line was bad input (the object carries `error`). */
  bad: boolean;
}

/** A per-line failure that is not JSON text: too long, not UTF-8. */
export interface UnreadableLine {
  lineNumber: number;
  reason: string;
}

export interface BatchEvaluator {
  answerLine(text: string, lineNumber: number): BatchLineAnswer;
  answerUnreadable(line: UnreadableLine): BatchLineAnswer;
  /** New documents so far that were neither looked up nor kept by their text (MISSES_BEFORE_SAMPLING). */
  notLookedUp(): number;
}

function useRecent(place: PlaceCache, entry: CachedPolicy): void {
  const at = place.recent.indexOf(entry);
  if (at === 0) return;
  if (at > 0) place.recent.splice(at, 1);
  else if (place.recent.length >= RECENT_PER_PLACE) place.recent.pop();
  place.recent.unshift(entry);
}

export function createBatchEvaluator(fileLabel: string): BatchEvaluator {
  // By place (`identityPolicies[0]`, which also fixes the policy kind), then by document text.
  let cache = new Map<string, PlaceCache>();
  let cachedCount = 0;
  let cachedCharacters = 0;
  /** By place; kept when the cache starts over, so a batch of new documents stays sampled. */
  const lookups = new Map<string, PlaceLookups>();
  let notLookedUp = 0;
  let line = '';
  let spans: PolicySpan<CachedPolicy>[] = [];
  /**
   * Whether the documents of the line that are not known are in its parsed value; else `{}` stood
   * in for each (`checkedValue`), and each is parsed from its text when it is needed.
   */
  let newInValue = false;
  /**
   * New policy documents of the line whose keys are still to be compared with their text's (see
   * `readNewDocument`); until then the line may hold a duplicate key there. Zero on the long way.
   */
  let uncheckedDocuments = 0;
  /**
   * Whether a document recognised counts as found again (`lookedUp`). Not on the long way: the
   * line's lookups were counted on the quick way, and a document of this very line kept then is
   * no sign that its place's documents repeat.
   */
  let countingLookups = true;

  // A document seen at this place on a recent line is recognised by comparing its text where it
  // starts (no copy, no scan); the answer is the same as if it had been read again. Where new
  // documents are sampled, only a document that would be looked up is compared: the others would
  // be compared with the few sampled ones, which in such a batch do not come back (comparing them
  // was some 3% of the work per line). One that does come back ends the sampling at its place.
  const recognise: RecogniseDocument<CachedPolicy> = (name, start) => {
    const place = cache.get(name);
    if (!place || !looksUpNext(name)) return undefined;
    for (const entry of place.recent) {
      // Equality of a slice (a view, not a copy) runs several times faster than startsWith here.
      if (line.slice(start, start + entry.text.length) === entry.text) {
        useRecent(place, entry);
        if (name !== CONTEXT_SPAN && countingLookups) lookedUp(name, true);
        return { end: start + entry.text.length, known: entry };
      }
    }
    return undefined;
  };

  /**
   * Keeps a document just read. One seen for the first time is kept compiled only among the recent
   * ones of its place; the text map holds its text alone until it is seen again: most documents of
   * some batches occur once, and keeping all those compiled (with their parsed JSON) alive made
   * every young-generation collection copy them.
   */
  function remember(name: string, entry: CachedPolicy, firstSighting: boolean): void {
    if (cachedCount >= MAX_CACHED_POLICIES || cachedCharacters + entry.text.length > MAX_CACHED_CHARACTERS) {
      cache = new Map();
      cachedCount = 0;
      cachedCharacters = 0;
    }
    let place = cache.get(name);
    if (!place) cache.set(name, (place = { byText: new Map(), recent: [] }));
    place.byText.set(entry.text, firstSighting ? newEntry(entry.text) : entry);
    useRecent(place, entry);
    cachedCount += 1;
    cachedCharacters += entry.text.length;
  }

  /** Whether `looksUp` would answer true for the next new document at `name`; changes nothing. */
  function looksUpNext(name: string): boolean {
    const place = lookups.get(name);
    return !isSampled(place) || place.skipped + 1 >= LOOKUP_EVERY;
  }

  /** Whether to look a new document up (and keep it) by its text (see MISSES_BEFORE_SAMPLING). */
  function looksUp(name: string): boolean {
    const place = lookups.get(name);
    if (!isSampled(place)) return true;
    place.skipped += 1;
    if (place.skipped < LOOKUP_EVERY) {
      notLookedUp += 1;
      return false;
    }
    place.skipped = 0;
    return true;
  }

  /** Counts a lookup of a new document's text at `name`: `found` in the cache or not. */
  function lookedUp(name: string, found: boolean): void {
    let place = lookups.get(name);
    if (place === undefined) lookups.set(name, (place = { misses: 0, skipped: 0 }));
    place.misses = found ? 0 : place.misses + 1;
  }

  const preparePolicy: PreparePolicy = (parsed, name, kind, where) => {
    const span = spans.find((candidate) => candidate.name === name);
    const textKeys = uncheckedDocuments > 0 ? span?.keys : undefined;
    // A document not looked up is read for this line alone, in the line's parsed value.
    let entry = span?.unkept
      ? newEntry('', readNewDocument(parsed, name, kind, where, textKeys))
      : span?.known;
    if (!entry) {
      // The document's own text when the scan placed it (the parsed value may be a `{}` stand-in).
      const text = span ? (span.text ?? line.slice(span.start, span.end)) : JSON.stringify(parsed);
      const place = cache.get(name);
      const known = place?.byText.get(text);
      if (isKept(known)) {
        entry = known;
        useRecent(place as PlaceCache, entry);
      } else {
        const document = span && !newInValue ? parseWhole(text, line, where) : parsed;
        entry = newEntry(keptText(text), readNewDocument(document, name, kind, where, textKeys));
        remember(name, entry, known === undefined && entry.error === undefined);
      }
    }
    if (entry.error !== undefined) throw new CliInputError(`${where}: ${entry.error}`);
    return entry.compiled as CompiledPolicy;
  };

  /** `readDocument`, with the document's keys compared with `textKeys` (when given) first. */
  function readNewDocument(
    document: unknown,
    name: string,
    kind: Parameters<PreparePolicy>[2],
    where: string,
    textKeys: number | undefined,
  ): Pick<CachedPolicy, 'compiled' | 'error'> {
    const read = readDocument(document, name, kind, where);
    if (textKeys !== undefined) {
      if (read.keys !== textKeys) throw new KeysDiffer();
      uncheckedDocuments -= 1;
    }
    return { compiled: read.compiled, error: read.error };
  }

  /**
   * The line's value when the quick scan (`countLineKeys`) and JSON.parse find nothing wrong with
   * it, or NO_VALUE: the line then goes the long way (`checkedValue`), which words the fault. The
   * line is parsed in one go without the text of its known documents (and context): new ones are
   * read in place. The keys outside new policy documents are checked here; those inside, as each
   * document is read and validated (`readNewDocument`), without another walk over it.
   */
  function faultlessValue(text: string): unknown {
    const counted = countLineKeys(text, MAX_JSON_DEPTH, recognise);
    if (!counted) return NO_VALUE;
    // A document kept from an earlier line, though not a recent one at its place, is known too: it
    // passed these checks at the same place then, so its keys are not counted again.
    let expected = counted.keys;
    for (const span of counted.spans) {
      if (span.known !== undefined) continue;
      if (span.name !== CONTEXT_SPAN && !looksUp(span.name)) {
        span.unkept = true;
        continue;
      }
      span.text = text.slice(span.start, span.end);
      const place = cache.get(span.name);
      const kept = place?.byText.get(span.text);
      if (span.name !== CONTEXT_SPAN) lookedUp(span.name, kept !== undefined);
      if (place && isKept(kept)) {
        span.known = kept;
        useRecent(place, kept);
        expected -= span.keys ?? 0;
      }
    }
    const newDocuments: PolicySpan<CachedPolicy>[] = [];
    for (const span of counted.spans) {
      if (span.known !== undefined || span.name === CONTEXT_SPAN) continue;
      newDocuments.push(span);
      expected -= span.keys ?? 0;
    }
    let value: unknown;
    try {
      value = JSON.parse(skeletonOf(text, counted.spans, true));
    } catch {
      return NO_VALUE;
    }
    // Without a duplicate key outside the documents, each new document's span is the one object
    // at its place in the value, whose keys `readNewDocument` then compares with the span's.
    if (countKeysOutside(value, newDocuments) !== expected) return NO_VALUE;
    spans = counted.spans;
    newInValue = true;
    uncheckedDocuments = newDocuments.length;
    return value;
  }

  /** The line's value, or the error that words what is wrong with it, found as by the quick way. */
  function checkedValue(text: string, where: string): unknown {
    uncheckedDocuments = 0;
    countingLookups = false;
    let scan;
    try {
      scan = scanLine(text, MAX_JSON_DEPTH, recognise);
    } finally {
      countingLookups = true;
    }
    if (scan.deepAt !== undefined) {
      throw new CliInputError(
        `${where}: JSON nested more than ${MAX_JSON_DEPTH} levels deep at column ${scan.deepAt + 1}`,
      );
    }
    const value = parseLine(text, scan.spans, where);
    if (scan.duplicate) {
      throw new CliInputError(
        `${where}: malformed JSON: ${duplicateKeyReason(scan.duplicate.key, scan.duplicate.path)} at column ${scan.duplicate.offset + 1}`,
      );
    }
    spans = scan.spans;
    return value;
  }

  /**
   * The line's value. A line of new documents only is parsed in one go; should that fail, or when
   * some are known, the line is parsed with `{}` for every document, so that the shape of the line
   * is checked before each document is parsed (`preparePolicy`) and faults are worded as always.
   */
  function parseLine(text: string, lineSpans: PolicySpan<CachedPolicy>[], where: string): unknown {
    newInValue = false;
    if (lineSpans.every((span) => span.known === undefined)) {
      try {
        const value: unknown = JSON.parse(text);
        newInValue = true;
        return value;
      } catch {
        // Worded below.
      }
    }
    return parseWhole(skeletonOf(text, lineSpans, false), text, where);
  }

  /** Puts the kept context in place of the `{}` that stood in for its text, when it is known. */
  function placeContext(value: unknown, span: PolicySpan<CachedPolicy>): void {
    if (span.known) (value as { request: Record<string, unknown> }).request.context = span.known.context;
  }

  /** Keeps a context that was read from its text and passed the input's checks. */
  function keepContext(span: PolicySpan<CachedPolicy>, context: unknown): void {
    const text = span.text ?? line.slice(span.start, span.end);
    const known = cache.get(CONTEXT_SPAN)?.byText.get(text);
    const entry = newEntry(keptText(text), {
      context: frozenContext(context as Record<string, unknown>),
      keys: countParsedKeys(context),
    });
    remember(CONTEXT_SPAN, entry, known === undefined);
  }

  /** A text to keep beyond this line (see MAX_PINNED_LINE). */
  function keptText(text: string): string {
    return line.length > MAX_PINNED_LINE ? Buffer.from(text, 'utf8').toString('utf8') : text;
  }

  function failure(lineNumber: number, error: unknown): BatchLineAnswer {
    return { json: JSON.stringify({ line: lineNumber, error: boundMessage(oneLine(error)) }), bad: true };
  }

  /** The answer for the line's value (from `faultlessValue` or `checkedValue`). */
  function answerValue(value: unknown, lineNumber: number, where: string): BatchLineAnswer {
    const context = spans.find((span) => span.name === CONTEXT_SPAN);
    if (context) placeContext(value, context);
    const input = parseEvaluationInput(value, where, preparePolicy);
    // Every new document is read by now; one that was not compared goes the long way.
    if (uncheckedDocuments > 0) throw new KeysDiffer();
    if (context && !context.known) keepContext(context, input.request.context);
    const result = evaluateDeciding(input);
    return { json: JSON.stringify(batchAnswer(lineNumber, result)), bad: false };
  }

  return {
    answerLine(text, lineNumber) {
      const where = `${fileLabel}:${lineNumber}`;
      try {
        line = text;
        const value = faultlessValue(text);
        if (value !== NO_VALUE) {
          try {
            return answerValue(value, lineNumber, where);
          } catch (error) {
            // Before all new documents are compared with their text, a fault found may stand for
            // a duplicate key, which is the fault to report: the long way finds it first.
            if (uncheckedDocuments === 0) throw error;
          }
        }
        return answerValue(checkedValue(text, where), lineNumber, where);
      } catch (error) {
        return failure(lineNumber, error);
      }
    },
    answerUnreadable({ lineNumber, reason }) {
      return failure(lineNumber, new CliInputError(`${fileLabel}:${lineNumber}: ${reason}`));
    },
    notLookedUp: () => notLookedUp,
  };
}

/**
 * A new document's error, or its compiled form, and its keys (as `countParsedKeys` counts them).
 * It was parsed for this line alone, so nothing changes it later.
 */
function readDocument(
  document: unknown,
  name: string,
  kind: Parameters<PreparePolicy>[2],
  where: string,
): Pick<CachedPolicy, 'compiled' | 'error'> & { keys: number } {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new CliInputError(`${where}: $.${name}: expected a policy document object`);
  // Counted by the errors-only check, which reads every object of a valid document; a document it
  // finds faulty is counted apart and its fault worded by the full validator.
  const validKeys = policyKeyCount(document, kind);
  const keys = validKeys ?? countParsedKeys(document);
  const error =
    validKeys === undefined ? firstPolicyError(document as Record<string, unknown>, name, kind) : undefined;
  if (error) return { error, compiled: undefined, keys };
  return {
    compiled: compileParsedPolicy({ name, document: document as PolicyDocument }, kind),
    error: undefined,
    keys,
  };
}

/**
 * JSON.parse of `text` (the line or a part of it); on failure the located parser describes what is
 * wrong with the whole `line`, so the column is the line's.
 */
function parseWhole(text: string, line: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const parsed = parseLocatedJson(line);
    const reason = parsed.ok ? 'not valid JSON' : describeJsonError(line, parsed, { singleLine: true });
    throw new CliInputError(`${where}: malformed JSON: ${reason}`);
  }
}

/** The answer object of a line (design.md §9), built in one piece. */
function batchAnswer(line: number, result: DecidingResult): Record<string, unknown> {
  return {
    line,
    decision: result.decision,
    summary: result.summary,
    decidingStatements: result.decidingStatements.map(statementReference),
  };
}
