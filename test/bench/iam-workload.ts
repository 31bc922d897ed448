// The access-matrix workload of iam.bench.ts: 20 roles of Cognito identities, each with identity
// policies using conditions and policy variables (some with a permissions boundary), evaluated for
// several hundred real actions from the catalog, each on one or two resources.
import type { EvaluationInput, PolicyDocument } from '../../shared/iam';
import { createIamDataCatalog } from '../../src-main/services/catalog/iam-data-catalog';

const ACCOUNT = '123456789012';
const POOL = 'eu-west-1:aaaaaaaa-0000-0000-0000-000000000001';
const TEAMS = ['red', 'blue', 'green'];
const SERVICES: Array<{ service: string; limit: number }> = [
  { service: 's3', limit: 140 },
  { service: 'dynamodb', limit: 60 },
  { service: 'sqs', limit: 30 },
  { service: 'lambda', limit: 50 },
  { service: 'sns', limit: 40 },
];

export interface Role {
  name: string;
  identityId: string;
  identityPolicies: PolicyDocument[];
  permissionsBoundary?: PolicyDocument;
  context: Record<string, string | string[]>;
}

function identityId(index: number): string {
  return `eu-west-1:${String(index).padStart(8, '0')}-1111-2222-3333-444444444444`;
}

function policy(...statements: object[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

const SUB = '${cognito-identity.amazonaws.com:sub}';

/** Role policies in four flavours: admins, editors, viewers and guests. */
function rolePolicies(index: number): PolicyDocument[] {
  const perUser = policy(
    {
      Sid: 'OwnPhotos',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: `arn:aws:s3:::photos/${SUB}/*`,
    },
    {
      Sid: 'ListOwnPrefix',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::photos',
      Condition: { StringLike: { 's3:prefix': [`${SUB}/*`, ''] } },
    },
    {
      Sid: 'OwnItems',
      Effect: 'Allow',
      Action: [
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:BatchGetItem',
      ],
      Resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Photos`,
      Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [SUB] } },
    },
  );
  const guards = policy(
    {
      Sid: 'DenyInsecure',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
    {
      Sid: 'GuestsNoDelete',
      Effect: 'Deny',
      Action: ['s3:Delete*', 'dynamodb:Delete*'],
      Resource: '*',
      Condition: { 'ForAnyValue:StringEquals': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' } },
    },
    {
      Sid: 'TeamQueues',
      Effect: 'Allow',
      Action: ['sqs:Send*', 'sqs:Receive*', 'sns:Publish'],
      // Variables stay out of colon-separated ARN parts: the reference simulator cannot match those
      // (see test/unit/iam-differential/deliberate-differences.test.ts).
      Resource: `arn:aws:*:eu-west-1:${ACCOUNT}:*`,
      Condition: { StringEquals: { 'aws:PrincipalTag/team': ['red', 'green'] } },
    },
  );
  const flavour = index % 4;
  if (flavour === 0) {
    return [
      perUser,
      guards,
      policy({
        Sid: 'Admin',
        Effect: 'Allow',
        NotAction: ['iam:*', 'organizations:*'],
        Resource: '*',
        Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } },
      }),
    ];
  }
  if (flavour === 1) {
    return [
      perUser,
      guards,
      policy(
        {
          Sid: 'EditPublic',
          Effect: 'Allow',
          Action: 's3:*Object*',
          Resource: 'arn:aws:s3:::photos/public/*',
        },
        {
          Sid: 'TeamFunctions',
          Effect: 'Allow',
          Action: 'lambda:Invoke*',
          Resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:*`,
          Condition: { StringNotEquals: { 'aws:PrincipalTag/team': "${aws:PrincipalTag/unit, 'shared'}" } },
        },
      ),
    ];
  }
  if (flavour === 2) {
    return [
      perUser,
      guards,
      policy({
        Sid: 'ReadAll',
        Effect: 'Allow',
        Action: [
          's3:Get*',
          's3:List*',
          'dynamodb:Get*',
          'dynamodb:Query',
          'dynamodb:Scan',
          'lambda:Get*',
          'lambda:List*',
          'sns:Get*',
          'sns:List*',
          'sqs:Get*',
          'sqs:List*',
        ],
        Resource: '*',
        Condition: {
          DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
          NumericLessThanIfExists: { 'aws:MultiFactorAuthAge': '3600' },
        },
      }),
    ];
  }
  return [
    guards,
    policy({
      Sid: 'PublicRead',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::photos/public/*',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL } },
    }),
  ];
}

const BOUNDARY = policy(
  { Effect: 'Allow', Action: ['s3:*', 'dynamodb:*', 'sqs:*', 'lambda:*', 'sns:*'], Resource: '*' },
  { Effect: 'Deny', Action: ['s3:PutBucket*', 's3:DeleteBucket*'], Resource: 'arn:aws:s3:::*' },
);

export function buildRoles(count = 20): Role[] {
  return Array.from({ length: count }, (_, index) => {
    const id = identityId(index);
    const guest = index % 4 === 3;
    const role: Role = {
      name: `Role${index}`,
      identityId: id,
      identityPolicies: rolePolicies(index),
      context: {
        'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/Role${index}`,
        'aws:PrincipalAccount': ACCOUNT,
        'aws:PrincipalType': 'AssumedRole',
        'aws:userid': `AROAEXAMPLE${index}:CognitoIdentityCredentials`,
        'aws:PrincipalTag/team': TEAMS[index % TEAMS.length] as string,
        'aws:SourceIp': index % 2 === 0 ? '203.0.113.9' : '198.51.100.1',
        'aws:SecureTransport': index % 5 === 4 ? 'false' : 'true',
        'aws:CurrentTime': '2024-06-01T12:00:00Z',
        'cognito-identity.amazonaws.com:sub': id,
        'cognito-identity.amazonaws.com:aud': POOL,
        'cognito-identity.amazonaws.com:amr': guest
          ? ['unauthenticated']
          : ['authenticated', 'graph.facebook.com', `graph.facebook.com:${index}`],
      },
    };
    if (index % 2 === 1) role.permissionsBoundary = BOUNDARY;
    return role;
  });
}

/** A concrete ARN for an ARN format of the catalog; `owner` fills the per-identity parts. */
function fillArn(format: string, owner: string, team: string): string {
  const values: Record<string, string> = {
    partition: 'aws',
    region: 'eu-west-1',
    account: ACCOUNT,
    bucketname: 'photos',
    objectname: `${owner}/photo.jpg`,
    tablename: 'Photos',
    queuename: `${team}-uploads`,
    topicname: `${team}-events`,
    functionname: `${team}-resize`,
  };
  return format.replace(/\$\{([^}]+)\}/g, (_, name: string) => values[name.toLowerCase()] ?? 'example');
}

export interface MatrixRequest {
  role: Role;
  action: string;
  resource: string;
  /** Request keys of this action (s3:prefix, dynamodb:LeadingKeys) added to the role's context. */
  requestContext: Record<string, string | string[]>;
}

/** Several hundred catalog actions; each on the acting identity's resource and, for some, another identity's. */
export async function buildActions(): Promise<Array<{ action: string; formats: string[] }>> {
  const catalog = createIamDataCatalog();
  const actions: Array<{ action: string; formats: string[] }> = [];
  for (const { service, limit } of SERVICES) {
    for (const name of (await catalog.listActions(service)).slice(0, limit)) {
      const details = await catalog.getAction(service, name);
      if (!details) continue;
      const formats = details.wildcardOnly
        ? ['*']
        : details.resourceTypes
            .filter((type) => type.required || details.resourceTypes.length === 1)
            .map((type) => type.arnFormat);
      if (formats.length === 1) actions.push({ action: `${service}:${details.name}`, formats });
    }
  }
  return actions;
}

export function buildRequests(
  roles: Role[],
  actions: Array<{ action: string; formats: string[] }>,
): MatrixRequest[] {
  const requests: MatrixRequest[] = [];
  for (const role of roles) {
    const team = role.context['aws:PrincipalTag/team'] as string;
    for (const { action, formats } of actions) {
      const format = formats[0] as string;
      const owners = format.includes('${ObjectName}') ? [role.identityId, 'public'] : [role.identityId];
      for (const owner of owners) {
        const resource = format === '*' ? '*' : fillArn(format, owner, team);
        const requestContext: Record<string, string | string[]> = {};
        if (action === 's3:ListBucket') requestContext['s3:prefix'] = `${role.identityId}/`;
        if (action.startsWith('dynamodb:')) requestContext['dynamodb:LeadingKeys'] = [owner];
        requests.push({ role, action, resource, requestContext });
      }
    }
  }
  return requests;
}

export function toInput(request: MatrixRequest): EvaluationInput {
  const input: EvaluationInput = {
    request: {
      principal: `arn:aws:sts::${ACCOUNT}:assumed-role/${request.role.name}/CognitoIdentityCredentials`,
      action: request.action,
      resource: request.resource,
      resourceAccount: ACCOUNT,
      context: { ...request.role.context, ...request.requestContext },
    },
    identityPolicies: request.role.identityPolicies.map((document, index) => ({
      name: `${request.role.name}-${index}`,
      document,
    })),
  };
  if (request.role.permissionsBoundary)
    input.permissionsBoundary = { name: 'boundary', document: request.role.permissionsBoundary };
  return input;
}
