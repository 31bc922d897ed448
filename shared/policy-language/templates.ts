// Statement templates of the "New statement" menu: the usual per-identity patterns for Cognito
// identity pools, filled with the design's partition, region and account.
// https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html

import { modify, type Edit } from 'jsonc-parser';
import type { AccountContext } from '../model/types';

export interface StatementTemplate {
  id: string;
  label: string;
  statement(account: AccountContext): Record<string, unknown>;
}

const SUB = '${cognito-identity.amazonaws.com:sub}';

export const STATEMENT_TEMPLATES: readonly StatementTemplate[] = [
  {
    id: 's3-identity-prefix',
    label: 'S3: objects under the identity id prefix',
    statement: (account) => ({
      Sid: 'OwnObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: [`arn:${account.partition}:s3:::BUCKET/${SUB}/*`],
    }),
  },
  {
    id: 'dynamodb-identity-rows',
    label: 'DynamoDB: items keyed by the identity id',
    statement: (account) => ({
      Sid: 'OwnItems',
      Effect: 'Allow',
      Action: [
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
      ],
      Resource: [`arn:${account.partition}:dynamodb:${account.region}:${account.accountId}:table/TABLE`],
      Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [SUB] } },
    }),
  },
  {
    id: 'iot-identity-topic',
    label: 'IoT: publish and subscribe on the identity topic',
    statement: (account) => ({
      Sid: 'OwnTopic',
      Effect: 'Allow',
      Action: ['iot:Publish', 'iot:Receive'],
      Resource: [
        `arn:${account.partition}:iot:${account.region}:${account.accountId}:topic/devices/${SUB}/*`,
      ],
    }),
  },
  {
    id: 'api-gateway-invoke',
    label: 'API Gateway: invoke one API',
    statement: (account) => ({
      Sid: 'InvokeApi',
      Effect: 'Allow',
      Action: ['execute-api:Invoke'],
      Resource: [`arn:${account.partition}:execute-api:${account.region}:${account.accountId}:API_ID/prod/*`],
    }),
  },
  {
    id: 'guest-read-only',
    label: 'Guests: read public objects only',
    statement: (account) => ({
      Sid: 'PublicRead',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: [`arn:${account.partition}:s3:::BUCKET/public/*`],
    }),
  },
  {
    id: 'abac-principal-tag',
    label: 'ABAC: resources tagged like the principal',
    statement: () => ({
      Sid: 'SameTenant',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: ['*'],
      Condition: { StringEquals: { 's3:ExistingObjectTag/tenant': '${aws:PrincipalTag/tenant}' } },
    }),
  },
];

/** Appends a template's statement to the policy text's Statement list (creating it when missing). */
export function insertTemplateEdits(
  text: string,
  template: StatementTemplate,
  account: AccountContext,
): Edit[] {
  if (text.trim() === '') {
    const document = { Version: '2012-10-17', Statement: [template.statement(account)] };
    return [{ offset: 0, length: text.length, content: JSON.stringify(document, null, 2) }];
  }
  const options = {
    formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
    isArrayInsertion: true,
  };
  return modify(text, ['Statement', -1], template.statement(account), options);
}
