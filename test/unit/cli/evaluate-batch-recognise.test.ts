// `evaluate --batch` recognises a policy document seen at the same place on a recent line by its
// text where it starts, and then neither scans nor parses it again. Lines that only look like an
// earlier one must still be answered by their own text, and their faults reported as before.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from './run-cli';

const principal = 'arn:aws:sts::111122223333:assumed-role/Viewers/CognitoIdentityCredentials';
const request = { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::photos/cat.jpg' };

const allowGet = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
};
const allowGetText = JSON.stringify(allowGet);

function line(policies: string[], extra = ''): string {
  return `{"request":${JSON.stringify(request)},"identityPolicies":[${policies.join(',')}]${extra}}`;
}

interface Answer {
  line: number;
  decision?: string;
  error?: string;
  decidingStatements?: Array<{ policyName: string; sid?: string; path: string }>;
}

function answer(input: string[]): Answer[] {
  const run = runCli(['evaluate', '--batch', '-'], { input: input.join('\n') });
  return run.stdout
    .trim()
    .split('\n')
    .map((text) => JSON.parse(text) as Answer);
}

beforeAll(() => buildCli());

describe('evaluate --batch with documents seen on earlier lines', () => {
  it('answers a document that differs from an earlier one only after their common start', () => {
    const withDeny = allowGetText.replace(
      /\]\}$/,
      ',{"Sid":"Stop","Effect":"Deny","Action":"s3:*","Resource":"*"}]}',
    );
    const denyOnly = allowGetText.replace('"Effect":"Allow"', '"Effect":"Deny"');
    const result = answer([
      line([allowGetText]),
      line([withDeny]),
      line([allowGetText]),
      line([denyOnly]),
      line([allowGetText]),
    ]);
    expect(result.map((entry) => entry.decision)).toEqual([
      'Allowed',
      'ExplicitlyDenied',
      'Allowed',
      'ExplicitlyDenied',
      'Allowed',
    ]);
    expect(result[1]?.decidingStatements?.map((entry) => entry.sid)).toEqual(['Stop']);
  });

  it('answers a known document at another place by that place', () => {
    const empty = '{"Version":"2012-10-17","Statement":[]}';
    const result = answer([line([allowGetText, empty]), line([empty, allowGetText])]);
    expect(result.map((entry) => entry.decidingStatements?.[0]?.policyName)).toEqual([
      'identityPolicies[0]',
      'identityPolicies[1]',
    ]);
  });

  it('checks a known document against the rules of the place it now has', () => {
    // Valid as an identity policy; a resource-based policy needs a Principal.
    const result = answer([line([allowGetText]), line([], `,"resourcePolicy":${allowGetText}`)]);
    expect(result[0]?.decision).toBe('Allowed');
    expect(result[1]?.error).toMatch(/^<stdin>:2: \$\.resourcePolicy\.Statement\[0\]: .*Principal/);
  });

  it('still reports a duplicate key outside a known document, with its column', () => {
    const known = line([allowGetText]);
    const duplicate = known.replace(
      '"action":"s3:GetObject"',
      '"action":"s3:GetObject","action":"s3:PutObject"',
    );
    const column = duplicate.indexOf('"action":"s3:PutObject"') + 1;
    const result = answer([known, duplicate]);
    expect(result[1]?.error).toBe(
      `<stdin>:2: malformed JSON: duplicate key "action" in $.request (only the last one would count) at column ${column}`,
    );
  });

  it('still reports a duplicate key inside a document that starts like a known one', () => {
    const doubled = allowGetText.replace('"Effect":"Allow"', '"Effect":"Allow","Effect":"Deny"');
    const text = line([doubled]);
    const column = text.indexOf('"Effect":"Deny"') + 1;
    const result = answer([line([allowGetText]), text]);
    expect(result[1]?.error).toBe(
      `<stdin>:2: malformed JSON: duplicate key "Effect" in $.identityPolicies[0].Statement[0] (only the last one would count) at column ${column}`,
    );
  });

  it('still reports text after a known document that is not JSON, with its column', () => {
    const broken = line([allowGetText]).replace(`${allowGetText}]`, `${allowGetText} oops]`);
    const result = answer([line([allowGetText]), broken]);
    expect(result[1]?.error).toMatch(/^<stdin>:2: malformed JSON: .* at column \d+$/);
    const column = Number(/column (\d+)$/.exec(result[1]?.error ?? '')?.[1]);
    expect(broken.slice(column - 1)).toMatch(/^o?ops\]/);
  });

  it('reports an invalid known document on every line, worded as on its first', () => {
    const noResource = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}';
    const result = answer([line([noResource]), line([allowGetText]), line([noResource])]);
    expect(result[0]?.error).toMatch(/^<stdin>:1: \$\.identityPolicies\[0\]\.Statement\[0\]: /);
    expect(result[2]?.error).toBe(result[0]?.error?.replace('<stdin>:1:', '<stdin>:3:'));
    expect(result[1]?.decision).toBe('Allowed');
  });

  it('answers a document seen again after many others at its place by its own text', () => {
    // Six other documents in between push it out of the recent ones its place compares with.
    const others = Array.from({ length: 6 }, (_, index) =>
      allowGetText.replace('"Sid":"Read"', `"Sid":"Other${index}"`).replace('s3:GetObject', 's3:PutObject'),
    );
    const denyGet = allowGetText.replace('"Effect":"Allow"', '"Effect":"Deny"');
    const input = [denyGet, ...others, denyGet, ...others, denyGet, denyGet].map((text) => line([text]));
    const result = answer(input);
    const decisions = result.map((entry) => entry.decision);
    expect(decisions).toEqual(
      input.map((_, index) => (index % 7 === 0 || index >= 14 ? 'ExplicitlyDenied' : 'ImplicitlyDenied')),
    );
    expect(result[14]?.decidingStatements?.map((entry) => entry.sid)).toEqual(['Read']);
  });

  it('words a line whose new document is not JSON as before: the shape of the line first', () => {
    const broken = '{"Version":2012-10-17,"Statement":[]}';
    const result = answer([line([broken], ',"extra":1'), line([broken])]);
    expect(result[0]?.error).toBe('<stdin>:1: $: unknown key(s) "extra"');
    expect(result[1]?.error).toMatch(/^<stdin>:2: malformed JSON: .* at column \d+$/);
  });

  it('takes a kept document that is no longer recent as known, and still finds faults around it', () => {
    // Seen twice (so kept compiled), then pushed out of its place's recent ones by six others.
    const denyGet = allowGetText.replace('"Effect":"Allow"', '"Effect":"Deny"');
    const others = Array.from({ length: 6 }, (_, index) =>
      allowGetText.replace('"Sid":"Read"', `"Sid":"Other${index}"`).replace('s3:GetObject', 's3:PutObject'),
    );
    const newDocument = allowGetText.replace('"Sid":"Read"', '"Sid":"New"');
    const doubledNew = newDocument.replace('"Effect":"Allow"', '"Effect":"Allow","Effect":"Deny"');
    const withDuplicateRequest = line([denyGet]).replace(
      '"action":"s3:GetObject"',
      '"action":"s3:GetObject","action":"s3:PutObject"',
    );
    const input = [
      line([denyGet]),
      line([denyGet]),
      ...others.map((text) => line([text])),
      line([denyGet, newDocument]),
      ...others.map((text) => line([text])),
      withDuplicateRequest,
      ...others.map((text) => line([text])),
      line([denyGet, doubledNew]),
      ...others.map((text) => line([text])),
      line([newDocument, denyGet]),
    ];
    const result = answer(input);
    const at = (text: string): Answer | undefined => result[input.indexOf(text)];
    expect(at(line([denyGet, newDocument]))?.decision).toBe('ExplicitlyDenied');
    expect(at(line([denyGet, newDocument]))?.decidingStatements?.[0]?.policyName).toBe('identityPolicies[0]');
    expect(at(withDuplicateRequest)?.error).toBe(
      `<stdin>:${input.indexOf(withDuplicateRequest) + 1}: malformed JSON: duplicate key "action" in $.request (only the last one would count) at column ${withDuplicateRequest.indexOf('"action":"s3:PutObject"') + 1}`,
    );
    const doubledLine = line([denyGet, doubledNew]);
    expect(at(doubledLine)?.error).toBe(
      `<stdin>:${input.indexOf(doubledLine) + 1}: malformed JSON: duplicate key "Effect" in $.identityPolicies[1].Statement[0] (only the last one would count) at column ${doubledLine.indexOf('"Effect":"Deny"', doubledLine.indexOf('"Sid":"New"')) + 1}`,
    );
    const last = result[result.length - 1];
    expect(last?.decision).toBe('ExplicitlyDenied');
    expect(last?.decidingStatements?.[0]?.policyName).toBe('identityPolicies[1]');
  });

  it('answers each line by its own request context when contexts repeat and change', () => {
    const redOnly = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Red',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } },
        },
      ],
    });
    const withContext = (context: string): string =>
      `{"request":${JSON.stringify(request).replace(/\}$/, `,"context":${context}}`)},"identityPolicies":[${redOnly}]}`;
    const red = '{"aws:PrincipalTag/team":"red","aws:SourceIp":"203.0.113.9"}';
    const blue = red.replace('"red"', '"blue"');
    // Starts as `red` does; a later member (keys are case-insensitive) makes the team blue.
    const redThenBlue = red.replace(/\}$/, ',"AWS:principaltag/TEAM":"blue"}');
    const input = [red, red, blue, red, redThenBlue, red, blue, blue].map(withContext);
    expect(answer(input).map((entry) => entry.decision)).toEqual([
      'Allowed',
      'Allowed',
      'ImplicitlyDenied',
      'Allowed',
      'ImplicitlyDenied',
      'Allowed',
      'ImplicitlyDenied',
      'ImplicitlyDenied',
    ]);
  });

  it('still finds faults in a context that starts like a known one, and answers the known one after', () => {
    const context = '{"aws:SourceIp":"203.0.113.9","aws:SecureTransport":"true"}';
    const withContext = (text: string): string =>
      `{"request":${JSON.stringify(request).replace(/\}$/, `,"context":${text}}`)},"identityPolicies":[${allowGetText}]}`;
    const doubled = context.replace(/\}$/, ',"aws:SourceIp":"198.51.100.1"}');
    const wrongType = context.replace(/\}$/, ',"aws:MultiFactorAuthAge":5}');
    const input = [context, doubled, wrongType, context].map(withContext);
    const result = answer(input);
    const doubledLine = input[1] ?? '';
    expect(result[1]?.error).toBe(
      `<stdin>:2: malformed JSON: duplicate key "aws:SourceIp" in $.request.context (only the last one would count) at column ${doubledLine.indexOf('"aws:SourceIp":"198.51.100.1"') + 1}`,
    );
    expect(result[2]?.error).toMatch(/^<stdin>:3: \$\.request\.context\["aws:MultiFactorAuthAge"\]: /);
    expect([result[0]?.decision, result[3]?.decision]).toEqual(['Allowed', 'Allowed']);
  });

  it('finds a duplicate key in a new document on a line whose context is known', () => {
    const context = '{"aws:SourceIp":"203.0.113.9"}';
    const withContext = (document: string): string =>
      `{"request":${JSON.stringify(request).replace(/\}$/, `,"context":${context}}`)},"identityPolicies":[${document}]}`;
    const denyGet = allowGetText.replace('"Effect":"Allow"', '"Effect":"Deny"');
    const doubled = allowGetText.replace('"Sid":"Read"', '"Sid":"Read","Sid":"Again"');
    const input = [withContext(allowGetText), withContext(doubled), withContext(denyGet)];
    const result = answer(input);
    expect(result[1]?.error).toBe(
      `<stdin>:2: malformed JSON: duplicate key "Sid" in $.identityPolicies[0].Statement[0] (only the last one would count) at column ${(input[1] ?? '').indexOf('"Sid":"Again"') + 1}`,
    );
    expect([result[0]?.decision, result[2]?.decision]).toEqual(['Allowed', 'ExplicitlyDenied']);
  });

  it('never keeps a document with a duplicate key: the same text on the next line is refused again', () => {
    // The keys of a new document are counted as it is validated; one that holds a duplicate must
    // not be kept by its text (its parsed form lost a key), or the next line would pass unchecked.
    const doubled = allowGetText.replace('"Effect":"Allow"', '"Effect":"Deny","Effect":"Allow"');
    const text = line([doubled]);
    const error = `malformed JSON: duplicate key "Effect" in $.identityPolicies[0].Statement[0] (only the last one would count) at column ${text.indexOf('"Effect":"Allow"') + 1}`;
    const result = answer([text, text, line([allowGetText]), text]);
    expect(result.map((entry) => entry.error)).toEqual([
      `<stdin>:1: ${error}`,
      `<stdin>:2: ${error}`,
      undefined,
      `<stdin>:4: ${error}`,
    ]);
  });

  it('reports a repeated member holding documents with as many keys, not either document', () => {
    const denyGet = allowGetText.replace('"Effect":"Allow"', '"Effect":"Deny"');
    const text = line([allowGetText], `,"identityPolicies":[${denyGet}]`);
    const result = answer([text]);
    expect(result[0]?.error).toBe(
      `<stdin>:1: malformed JSON: duplicate key "identityPolicies" in $ (only the last one would count) at column ${text.lastIndexOf('"identityPolicies"') + 1}`,
    );
  });

  it('reports the duplicate key of a line that also has a fault found before its document is read', () => {
    const doubled = allowGetText.replace('"Sid":"Read"', '"Sid":"Read","Sid":"Again"');
    const invalid = allowGetText.replace('"Effect":"Allow"', '"Effect":"Maybe"');
    const faults = [
      line([doubled], ',"sessionPolicy":[]'),
      line([invalid, doubled]),
      line([allowGetText, doubled]).replace('"action":"s3:GetObject"', '"action":""'),
    ];
    const result = answer(faults);
    expect(result.map((entry) => entry.error)).toEqual(
      faults.map(
        (text, index) =>
          `<stdin>:${index + 1}: malformed JSON: duplicate key "Sid" in $.identityPolicies[${index === 0 ? 0 : 1}].Statement[0] (only the last one would count) at column ${text.indexOf('"Sid":"Again"') + 1}`,
      ),
    );
  });
});
