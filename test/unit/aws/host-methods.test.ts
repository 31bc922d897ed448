// The account methods of the host API: validated at the boundary (no endpoint or credentials can
// be passed from the page), failures as `{ error: { code: 'aws', message } }` in one line.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/host/dispatch';
import { createHostService } from '../../../src-main/host/service';
import { AwsAccessError, createAwsHostMethods, type AwsHostMethods } from '../../../src-main/services/aws';

const design = readFileSync('assets/examples/photo-sharing.cognito-design.json', 'utf8');

function dispatcherWith(aws: AwsHostMethods) {
  const directory = mkdtempSync(join(tmpdir(), 'cognito-studio-aws-host-'));
  return createDispatcher(
    createHostService({
      mode: 'browser',
      version: 'test',
      platform: 'linux',
      workingDirectory: directory,
      appDataDirectory: directory,
      examplesDirectory: 'assets/examples',
      aws,
    }),
  );
}

const refusing: AwsHostMethods = {
  ...createAwsHostMethods({}),
  awsPlan: () =>
    Promise.reject(new AwsAccessError('role /app/Admins: access denied for iam:GetRole (AccessDenied)')),
};

describe('account methods of the host API', () => {
  it('refuses an endpoint or credentials sent by the page', async () => {
    const dispatch = dispatcherWith(refusing);
    for (const target of [
      { endpointUrl: 'http://203.0.113.9' },
      { profile: 'dev', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
      { region: 'not a region' },
    ]) {
      const answer = await dispatch('awsPlan', { target, content: design });
      expect(answer).toMatchObject({ error: { code: 'invalid-request' } });
    }
  });

  it('turns an account failure into one line with code aws', async () => {
    const answer = await dispatcherWith(refusing)('awsPlan', {
      target: { region: 'us-east-1' },
      content: design,
    });
    expect(answer).toEqual({
      error: { code: 'aws', message: 'role /app/Admins: access denied for iam:GetRole (AccessDenied)' },
    });
  });

  it('refuses a design with errors before reaching AWS', async () => {
    const broken = design.replace('"accountId": "111122223333"', '"accountId": "12"');
    const answer = await dispatcherWith(createAwsHostMethods({}))('awsPlan', { target: {}, content: broken });
    expect(answer).toMatchObject({
      error: {
        code: 'aws',
        message: expect.stringMatching(
          /^the design has errors; fix them before planning: \$\.account\.accountId: /,
        ),
      },
    });
  });

  it('lists profile names only, with the environment defaults', async () => {
    const answer = await createAwsHostMethods({
      AWS_PROFILE: 'dev',
      AWS_REGION: 'eu-west-1',
    }).awsListProfiles({});
    expect(answer).toMatchObject({ defaultProfile: 'dev', defaultRegion: 'eu-west-1' });
    expect(Array.isArray(answer.profiles)).toBe(true);
  });
});
