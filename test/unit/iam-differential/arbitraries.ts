// fast-check generators of IAM policies and requests for the differential tests. The vocabulary is
// deliberately small (a few actions, resources, keys and values) so that generated statements
// often match the generated request and every branch of the evaluator is exercised.
import fc from 'fast-check';
import type { ContextValue, EvaluationInput, IamRequest, PolicyDocument } from '../../../shared/iam';
import { ACCOUNT, ROLE_ARN, SESSION_ARN } from './oracle';

const IDENTITY_IDS = [
  'eu-west-1:11111111-2222-3333-4444-555555555555',
  'eu-west-1:99999999-8888-7777-6666-555555555555',
];
const TABLE = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Photos`;

/** Request actions with a resource each could target; exactly one resource type per action and ARN. */
export const REQUEST_TARGETS: Array<{ action: string; resources: string[] }> = [
  {
    action: 's3:GetObject',
    resources: [
      `arn:aws:s3:::photos/${IDENTITY_IDS[0]}/cat.jpg`,
      'arn:aws:s3:::photos/public/logo.png',
      'arn:aws:s3:::Photos/public/a.png',
    ],
  },
  {
    action: 's3:PutObject',
    resources: [`arn:aws:s3:::photos/${IDENTITY_IDS[1]}/dog.jpg`, 'arn:aws:s3:::photos/public/logo.png'],
  },
  { action: 's3:ListBucket', resources: ['arn:aws:s3:::photos', 'arn:aws:s3:::archive'] },
  { action: 'dynamodb:GetItem', resources: [TABLE, `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Albums`] },
  { action: 'dynamodb:Query', resources: [TABLE] },
  { action: 'sqs:SendMessage', resources: [`arn:aws:sqs:eu-west-1:${ACCOUNT}:uploads`] },
  { action: 'lambda:InvokeFunction', resources: [`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:resize`] },
];

/** Action patterns by the service of the request, so that statements often concern the request. */
const ACTION_PATTERNS: Record<string, string[]> = {
  s3: [
    's3:GetObject',
    's3:getobject',
    'S3:PutObject',
    's3:ListBucket',
    's3:*',
    's3:Get*',
    's3:*Object',
    's3:?etObject',
    's3:List*',
    's3:Put*',
  ],
  dynamodb: [
    'dynamodb:GetItem',
    'dynamodb:*',
    'dynamodb:Query',
    'DynamoDB:get*',
    'dynamodb:?uery',
    'dynamodb:PutItem',
  ],
  sqs: ['sqs:SendMessage', 'sqs:*', 'sqs:Send*', 'SQS:sendmessage'],
  lambda: ['lambda:Invoke*', 'lambda:InvokeFunction', 'lambda:*'],
  other: ['*', 'ec2:*', 's3:DeleteObject', 'iam:PassRole'],
};

const RESOURCE_PATTERNS: Record<string, string[]> = {
  s3: [
    'arn:aws:s3:::photos/*',
    'arn:aws:s3:::photos',
    'arn:aws:s3:::photos*',
    'arn:aws:s3:::photos/public/*',
    'arn:aws:s3:::photos/public/logo.pn?',
    'arn:aws:s3:::PHOTOS/*',
    'arn:aws:s3:::*/public/*',
    'arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*',
    'arn:aws:s3:::photos/${aws:PrincipalTag/team}/*',
    "arn:aws:s3:::photos/${aws:PrincipalTag/folder, 'public'}/*",
    'arn:aws:s3:::photos/${*}',
    'arn:aws:s3:::photos/${?}ublic/*',
    'arn:aws:s3:::archive',
    'arn:aws:s3:::*',
  ],
  dynamodb: [
    `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/*`,
    TABLE,
    `arn:aws:dynamodb:*:${ACCOUNT}:table/Photos`,
    `arn:aws:dynamodb:eu-west-1:*:table/P*`,
    `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Albums`,
  ],
  sqs: [
    `arn:aws:sqs:eu-west-1:${ACCOUNT}:*`,
    `arn:aws:sqs:eu-west-1:${ACCOUNT}:uploads`,
    'arn:aws:sqs:*:*:up*',
  ],
  lambda: [
    `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:resize`,
    'arn:aws:lambda:*',
    `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:*`,
  ],
  other: ['*', '*', `arn:aws:iam::${ACCOUNT}:role/*`, 'arn:aws:*:eu-west-1:*:*'],
};

/** Patterns for a statement about `service`: mostly that service's, sometimes anything. */
function patternArbitrary(patterns: Record<string, string[]>, service: string): fc.Arbitrary<string> {
  const own = patterns[service] ?? [];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...own) },
    { weight: 1, arbitrary: fc.constantFrom(...(patterns.other ?? [])) },
  );
}

type KeyKind = 'String' | 'MultiString' | 'Ip' | 'Ip6' | 'Bool' | 'Date' | 'Numeric' | 'Arn' | 'Binary';

/** Context keys, how they are valued in requests, and the values requests may carry. */
export const CONTEXT_KEYS: Array<{ key: string; kind: KeyKind; values: string[] }> = [
  // No empty tag value: whether an empty variable value substitutes is our assumption (deliberate-differences.test.ts).
  { key: 'aws:PrincipalTag/team', kind: 'String', values: ['red', 'blue', 'Red'] },
  { key: 'aws:PrincipalTag/folder', kind: 'String', values: ['public', 'private'] },
  { key: 'cognito-identity.amazonaws.com:sub', kind: 'String', values: IDENTITY_IDS },
  {
    key: 'cognito-identity.amazonaws.com:aud',
    kind: 'String',
    values: [
      'eu-west-1:aaaaaaaa-0000-0000-0000-000000000001',
      'eu-west-1:bbbbbbbb-0000-0000-0000-000000000002',
    ],
  },
  {
    key: 'cognito-identity.amazonaws.com:amr',
    kind: 'MultiString',
    values: ['authenticated', 'unauthenticated', 'graph.facebook.com', 'accounts.google.com'],
  },
  { key: 's3:prefix', kind: 'String', values: ['home/', 'home/alice/', 'public/', ''] },
  { key: 'dynamodb:LeadingKeys', kind: 'MultiString', values: IDENTITY_IDS },
  { key: 'aws:TagKeys', kind: 'MultiString', values: ['team', 'Project', 'owner'] },
  // IPv4 and IPv6 on separate keys: the simulator never lets an address of one family satisfy
  // NotIpAddress with a range of the other (see deliberate-differences.test.ts).
  { key: 'aws:SourceIp', kind: 'Ip', values: ['203.0.113.7', '198.51.100.200', '10.1.2.3'] },
  { key: 'aws:VpcSourceIp', kind: 'Ip6', values: ['2001:db8::1', '2001:db8:ffff::10', 'fe80::1'] },
  { key: 'aws:SecureTransport', kind: 'Bool', values: ['true', 'false'] },
  {
    key: 'aws:CurrentTime',
    kind: 'Date',
    values: ['2024-06-01T12:00:00Z', '2023-01-01T00:00:00Z', '2030-12-31T23:59:59Z'],
  },
  { key: 'aws:EpochTime', kind: 'Numeric', values: ['1717243200', '1672531200'] },
  { key: 'aws:MultiFactorAuthAge', kind: 'Numeric', values: ['0', '30', '3600', '86400'] },
  { key: 'aws:PrincipalArn', kind: 'Arn', values: [ROLE_ARN] },
  {
    key: 'aws:SourceArn',
    kind: 'Arn',
    values: [
      `arn:aws:sns:eu-west-1:${ACCOUNT}:topic`,
      'arn:aws:s3:::photos',
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:resize`,
    ],
  },
  { key: 'aws:PrincipalTag/cert', kind: 'Binary', values: ['QUJD', 'REVG'] },
];

/** Policy-side values per kind: request values, near misses, patterns and variables. */
const POLICY_VALUES: Record<KeyKind, string[]> = {
  String: [
    'red',
    'RED',
    'blue',
    'r*',
    '?ed',
    '*',
    '',
    'home/*',
    'public',
    'home/',
    '${aws:PrincipalTag/team}',
    "${aws:PrincipalTag/nothing, 'red'}",
    '${cognito-identity.amazonaws.com:sub}',
    ...IDENTITY_IDS,
    'eu-west-1:*',
    'eu-west-1:aaaaaaaa-0000-0000-0000-000000000001',
    '${*}',
  ],
  MultiString: [
    'authenticated',
    'unauthenticated',
    'graph.facebook.com',
    'auth*',
    '*',
    'team',
    'project',
    'Project',
    'owner',
    ...IDENTITY_IDS,
    '${cognito-identity.amazonaws.com:sub}',
  ],
  // No /0 ranges: the simulator matches only the network address for them (see deliberate-differences.test.ts).
  Ip: ['203.0.113.0/24', '203.0.113.7', '198.51.100.0/25', '10.0.0.0/8', '128.0.0.0/1'],
  Ip6: ['2001:db8::/32', '2001:db8::1/128', '2001:db8::1', 'fe80::/10', '2001:db8:ffff::/48'],
  Bool: ['true', 'false', 'TRUE', 'False'],
  // No epoch-seconds values: the reference simulator reads them as milliseconds (see deliberate-differences.test.ts).
  Date: [
    '2024-01-01T00:00:00Z',
    '2024-06-01T12:00:00Z',
    '2025-01-01T00:00:00Z',
    '2024-06-01T12:00:00.000Z',
    '2024-06-01',
  ],
  Numeric: ['0', '30', '3600', '86400', '1717243200', '-1', '1.5', '100'],
  Arn: [
    ROLE_ARN,
    `arn:aws:iam::${ACCOUNT}:role/*`,
    'arn:aws:iam::*:role/PhotoUsers',
    'arn:aws:s3:::photos',
    'arn:aws:s3:::*',
    `arn:aws:*:eu-west-1:${ACCOUNT}:*`,
    `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:*`,
    'arn:aws:sns:*:*:topic',
  ],
  Binary: ['QUJD', 'REVG', 'QUJE'],
};

const OPERATORS_BY_KIND: Record<KeyKind, string[]> = {
  String: [
    'StringEquals',
    'StringNotEquals',
    'StringEqualsIgnoreCase',
    'StringNotEqualsIgnoreCase',
    'StringLike',
    'StringNotLike',
  ],
  MultiString: ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'StringEqualsIgnoreCase'],
  Ip: ['IpAddress', 'NotIpAddress'],
  Ip6: ['IpAddress', 'NotIpAddress'],
  Bool: ['Bool'],
  Date: [
    'DateEquals',
    'DateNotEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals',
  ],
  Numeric: [
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
  ],
  Arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'],
  Binary: ['BinaryEquals'],
};

function oneOrMany<T>(arbitrary: fc.Arbitrary<T>, maxLength: number): fc.Arbitrary<T | T[]> {
  return fc.oneof(arbitrary, fc.array(arbitrary, { minLength: 1, maxLength }));
}

const conditionEntry = fc
  .record({
    keyIndex: fc.nat({ max: CONTEXT_KEYS.length - 1 }),
    // Sometimes an operator of another type for the key: both engines must treat a value that does not parse alike.
    // No foreign Numeric (the simulator reads a number prefix of any text) and no foreign Arn (how a
    // negated ARN operator treats a value that is no ARN is undocumented); see deliberate-differences.test.ts.
    foreignKind: fc.option(fc.constantFrom<KeyKind>('String', 'Date', 'Ip', 'Bool'), {
      freq: 8,
    }),
    operatorSeed: fc.nat(),
    prefix: fc.constantFrom('', '', '', 'ForAnyValue:', 'ForAllValues:'),
    ifExists: fc.boolean(),
    nullCheck: fc.nat({ max: 9 }),
    values: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    asArray: fc.boolean(),
  })
  .map((entry) => {
    const spec = CONTEXT_KEYS[entry.keyIndex] as (typeof CONTEXT_KEYS)[number];
    // Date operators never meet the all-digit values of numeric keys (the simulator reads epoch
    // seconds as milliseconds) and IPv4 ranges never meet IPv6 keys (see deliberate-differences.test.ts).
    const avoided =
      (entry.foreignKind === 'Date' && spec.kind === 'Numeric') ||
      (entry.foreignKind === 'Ip' && spec.kind === 'Ip6');
    const foreign = avoided ? undefined : entry.foreignKind;
    const kind = foreign ?? spec.kind;
    if (entry.nullCheck === 0)
      return { operator: 'Null', key: spec.key, values: entry.asArray ? ['true'] : 'true' } as const;
    if (entry.nullCheck === 1) return { operator: 'Null', key: spec.key, values: 'false' } as const;
    const operators = OPERATORS_BY_KIND[kind];
    const base = operators[entry.operatorSeed % operators.length] as string;
    const pool = POLICY_VALUES[kind];
    const values = entry.values.map((seed) => pool[seed % pool.length] as string);
    // ForAnyValue with IfExists is left to deliberate-differences.test.ts: the simulator ignores IfExists there.
    const ifExists = entry.ifExists && entry.prefix !== 'ForAnyValue:';
    const operator = `${entry.prefix}${base}${ifExists ? 'IfExists' : ''}`;
    return {
      operator,
      key: spec.key,
      values: entry.asArray || values.length > 1 ? values : (values[0] as string),
    } as const;
  });

/** A Condition block: operators AND, keys AND, values OR. Duplicate operator/key pairs are merged away. */
const conditionBlock = fc.array(conditionEntry, { minLength: 1, maxLength: 3 }).map((entries) => {
  const block: Record<string, Record<string, string | string[]>> = {};
  for (const entry of entries) {
    block[entry.operator] = { ...(block[entry.operator] ?? {}), [entry.key]: entry.values };
  }
  return block;
});

export function statementArbitrary(service: string): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
      negateAction: fc.nat({ max: 7 }),
      actions: oneOrMany(patternArbitrary(ACTION_PATTERNS, service), 3),
      negateResource: fc.nat({ max: 7 }),
      resources: oneOrMany(patternArbitrary(RESOURCE_PATTERNS, service), 3),
      condition: fc.option(conditionBlock, { freq: 3 }),
      sid: fc.option(fc.constantFrom('A', 'B', 'Photos'), { freq: 3 }),
    })
    .map((spec) => {
      const statement: Record<string, unknown> = { Effect: spec.effect };
      if (spec.sid) statement.Sid = spec.sid;
      statement[spec.negateAction === 0 ? 'NotAction' : 'Action'] = spec.actions;
      statement[spec.negateResource === 0 ? 'NotResource' : 'Resource'] = spec.resources;
      if (spec.condition) statement.Condition = spec.condition;
      return statement;
    });
}

const versionArbitrary = fc.constantFrom<string | undefined>(
  '2012-10-17',
  '2012-10-17',
  '2012-10-17',
  '2012-10-17',
  '2008-10-17',
  undefined,
);

/**
 * The Version of a generated document. Documents with policy variables always get 2012-10-17: the
 * reference simulator substitutes variables whatever the Version, where AWS treats them as literal
 * text (see deliberate-differences.test.ts).
 */
function withVersion(document: PolicyDocument, version: string | undefined): PolicyDocument {
  const usesVariables = JSON.stringify(document.Statement).includes('${');
  const chosen = usesVariables ? '2012-10-17' : version;
  return chosen ? { Version: chosen, ...document } : document;
}

export function policyArbitrary(service: string): fc.Arbitrary<PolicyDocument> {
  return fc
    .record({
      version: versionArbitrary,
      statements: fc.array(statementArbitrary(service), { minLength: 1, maxLength: 4 }),
      asObject: fc.nat({ max: 5 }),
    })
    .map(({ version, statements, asObject }) => {
      return withVersion({ Statement: asObject === 0 ? statements[0] : statements }, version);
    });
}

/** Principals a same-account resource policy may name for our role session. */
const RESOURCE_PRINCIPALS: unknown[] = [
  '*',
  { AWS: '*' },
  { AWS: ROLE_ARN },
  { AWS: SESSION_ARN },
  { AWS: [`arn:aws:iam::${ACCOUNT}:role/Other`, ROLE_ARN] },
  { AWS: `arn:aws:iam::${ACCOUNT}:role/Other` },
  { AWS: '210987654321' },
];

/**
 * NotPrincipal values that either name every identity of the session (session, role and account:
 * excluded) or none of them. Naming only some is a deliberate difference (deliberate-differences.test.ts).
 */
const NOT_PRINCIPALS: unknown[] = [
  { AWS: [SESSION_ARN, ROLE_ARN, `arn:aws:iam::${ACCOUNT}:root`] },
  { AWS: `arn:aws:iam::${ACCOUNT}:role/Other` },
];

export function resourcePolicyArbitrary(service: string): fc.Arbitrary<PolicyDocument> {
  return fc
    .record({
      version: versionArbitrary,
      statements: fc.array(
        fc.record({
          statement: statementArbitrary(service),
          principal: fc.constantFrom(...RESOURCE_PRINCIPALS),
          negate: fc.nat({ max: 9 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    })
    .map(({ version, statements }) => {
      const statementList = statements.map(({ statement, principal, negate }) => ({
        ...statement,
        // NotPrincipal is only supported with Deny.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
        ...(negate < 2 && statement.Effect === 'Deny'
          ? { NotPrincipal: NOT_PRINCIPALS[negate] }
          : { Principal: principal }),
      }));
      return withVersion({ Statement: statementList }, version);
    });
}

const contextArbitrary = fc
  .array(
    fc.record({
      keyIndex: fc.nat({ max: CONTEXT_KEYS.length - 1 }),
      values: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 2, maxLength: 9 },
  )
  .map((entries) => {
    const context: Record<string, ContextValue> = {};
    for (const { keyIndex, values } of entries) {
      const spec = CONTEXT_KEYS[keyIndex] as (typeof CONTEXT_KEYS)[number];
      const chosen = [...new Set(values.map((seed) => spec.values[seed % spec.values.length] as string))];
      context[spec.key] = spec.kind === 'MultiString' ? chosen : (chosen[0] as string);
    }
    return context;
  });

export const requestArbitrary: fc.Arbitrary<IamRequest> = fc
  .record({ target: fc.constantFrom(...REQUEST_TARGETS), resourceSeed: fc.nat(), context: contextArbitrary })
  .map(({ target, resourceSeed, context }) => ({
    principal: SESSION_ARN,
    action: target.action,
    resource: target.resources[resourceSeed % target.resources.length] as string,
    resourceAccount: ACCOUNT,
    // A role session always carries these keys; both engines get them explicitly.
    context: {
      ...context,
      'aws:PrincipalArn': ROLE_ARN,
      'aws:PrincipalAccount': ACCOUNT,
      'aws:PrincipalType': 'AssumedRole',
    },
  }));

export interface InputShape {
  boundary: boolean;
  resourcePolicy: boolean;
  sessionPolicy: boolean;
}

/** A complete evaluation input with the policy types the shape asks for (each present or not at random). */
export function inputArbitrary(shape: InputShape): fc.Arbitrary<EvaluationInput> {
  return requestArbitrary
    .chain((request) => {
      const service = request.action.slice(0, request.action.indexOf(':'));
      return fc.record({
        request: fc.constant(request),
        identity: fc.array(policyArbitrary(service), { minLength: 1, maxLength: 3 }),
        boundary: shape.boundary ? fc.option(policyArbitrary(service), { freq: 2 }) : fc.constant(null),
        resource: shape.resourcePolicy
          ? fc.option(resourcePolicyArbitrary(service), { freq: 2 })
          : fc.constant(null),
        session: shape.sessionPolicy ? fc.option(policyArbitrary(service), { freq: 3 }) : fc.constant(null),
      });
    })
    .map(({ request, identity, boundary, resource, session }) => {
      const input: EvaluationInput = {
        request,
        identityPolicies: identity.map((document, index) => ({ name: `identity-${index}`, document })),
      };
      if (boundary) input.permissionsBoundary = { name: 'boundary', document: boundary };
      if (resource) input.resourcePolicy = { name: 'resource', document: resource };
      if (session) input.sessionPolicies = [{ name: 'session', document: session }];
      return input;
    });
}
