// `evaluate --batch` stops looking up and keeping every new document by its text once a place's
// documents have not repeated for a long while, and looks up only one in LOOKUP_EVERY from then
// on. That may change how fast a line is answered, never its answer: each line below must get
// exactly the answer it gets from an evaluator that has seen no line before it.
import { describe, expect, it } from 'vitest';
import {
  createBatchEvaluator,
  LOOKUP_EVERY,
  MISSES_BEFORE_SAMPLING,
} from '../../../src-main/cli/evaluate-batch';

const principal = 'arn:aws:sts::111122223333:assumed-role/Viewers/CognitoIdentityCredentials';

function request(index: number): string {
  return JSON.stringify({
    principal,
    action: index % 5 === 0 ? 's3:PutObject' : 's3:GetObject',
    resource: `arn:aws:s3:::photos/${index % 7}/cat.jpg`,
    context: { 'aws:SourceIp': '203.0.113.9' },
  });
}

/** A document no other line has: its own Sid, and an effect and resource that vary. */
function newDocument(index: number): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: `S${index}`,
        Effect: index % 11 === 0 ? 'Deny' : 'Allow',
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::photos/${index % 3}/*`,
      },
    ],
  });
}

/** The document that comes back every third line once the batch has run for a while. */
const repeated = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'Uploads', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::photos/*' }],
});

/** A line of two documents; some new ones are faulty in ways each line must report itself. */
function line(index: number): string {
  let first = newDocument(index);
  if (index > 2 * MISSES_BEFORE_SAMPLING && index % 3 === 0) first = repeated;
  let second = newDocument(100_000 + index);
  if (index % 29 === 0) second = second.replace('"Effect":"Allow"', '"Effect":"Maybe"');
  if (index % 31 === 0)
    second = second.replace('{"Version":"2012-10-17"', '{"Version":"2012-10-17","Version":"2012-10-17"');
  if (index % 37 === 0)
    second = second.replace('"Action":"s3:GetObject"', '"Action":"s3:GetObject","Action":"s3:*"');
  return `{"request":${request(index)},"identityPolicies":[${first},${second}]}`;
}

describe('evaluate --batch on a long run of documents that do not repeat', () => {
  it('answers every line as an evaluator that saw no line before it does', () => {
    const lines = Array.from({ length: 6 * MISSES_BEFORE_SAMPLING }, (_, index) => line(index + 1));
    const batch = createBatchEvaluator('batch.jsonl');
    const answers = lines.map((text, index) => batch.answerLine(text, index + 1).json);
    const alone = lines.map(
      (text, index) => createBatchEvaluator('batch.jsonl').answerLine(text, index + 1).json,
    );
    expect(answers).toEqual(alone);

    // Most new documents went unlooked-up: both places sampled, the second one to the end.
    expect(batch.notLookedUp()).toBeGreaterThan(
      (2 * (lines.length - MISSES_BEFORE_SAMPLING) * (LOOKUP_EVERY - 1)) / LOOKUP_EVERY / 2,
    );
    // And the lines said different things: decisions of each kind and each fault.
    const outcomes = new Set(
      answers.map((json) => {
        const answer = JSON.parse(json) as { decision?: string; error?: string };
        return answer.decision ?? answer.error?.replace(/^batch\.jsonl:\d+: /, '').slice(0, 40);
      }),
    );
    expect([...outcomes].sort()).toEqual(
      expect.arrayContaining(['Allowed', 'ExplicitlyDenied', 'ImplicitlyDenied']),
    );
    expect(answers.filter((json) => json.includes('Effect must be')).length).toBeGreaterThan(10);
    expect(answers.filter((json) => json.includes('duplicate key')).length).toBeGreaterThan(10);
  });

  it('keeps answering a document that starts repeating after a long run of new ones', () => {
    const lines = Array.from({ length: 4 * MISSES_BEFORE_SAMPLING }, (_, index) => line(index + 1));
    const batch = createBatchEvaluator('batch.jsonl');
    for (const [index, text] of lines.entries()) batch.answerLine(text, index + 1);
    // The repeated document on its own line, after the run: allowed by it alone.
    const upload = `{"request":${request(5)},"identityPolicies":[${repeated}]}`;
    for (let round = 0; round < 3 * LOOKUP_EVERY; round += 1) {
      expect(JSON.parse(batch.answerLine(upload, lines.length + round + 1).json)).toMatchObject({
        decision: 'Allowed',
      });
    }
  });

  it('stops sampling at a place once a document comes back there', () => {
    const batch = createBatchEvaluator('batch.jsonl');
    let lineNumber = 0;
    const answer = (first: string, second: string, index: number): void => {
      lineNumber += 1;
      const text = `{"request":${request(index)},"identityPolicies":[${first},${second}]}`;
      expect(batch.answerLine(text, lineNumber).json).toBe(
        createBatchEvaluator('batch.jsonl').answerLine(text, lineNumber).json,
      );
    };
    // New documents only, until both places are sampled.
    for (let index = 0; index < 2 * MISSES_BEFORE_SAMPLING; index += 1)
      answer(newDocument(index), newDocument(100_000 + index), index);
    expect(batch.notLookedUp()).toBeGreaterThan(MISSES_BEFORE_SAMPLING);
    // The same two documents on every line: once a sampled lookup has seen each, it is known on
    // every later line, compared where it starts.
    for (let index = 0; index < 3 * LOOKUP_EVERY; index += 1) answer(repeated, newDocument(7), index);
    const settled = batch.notLookedUp();
    for (let index = 0; index < 2 * LOOKUP_EVERY; index += 1) answer(repeated, newDocument(7), index);
    expect(batch.notLookedUp()).toBe(settled);
    // New documents again at the first place: it is no longer sampled, every one is looked up.
    for (let index = 0; index < MISSES_BEFORE_SAMPLING / 2; index += 1)
      answer(newDocument(200_000 + index), newDocument(7), index);
    expect(batch.notLookedUp()).toBe(settled);
  });
});
