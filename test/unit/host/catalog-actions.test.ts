// The host's IAM catalog lookup for the access matrix: actions with their access level, per service,
// validated at the boundary like every host call.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/host/dispatch';
import { createHostService } from '../../../src-main/host/service';

function aService() {
  const directory = join(tmpdir(), 'cognito-studio-catalog-test');
  return createHostService({
    mode: 'browser',
    version: '1.2.3',
    platform: 'linux',
    workingDirectory: directory,
    appDataDirectory: join(directory, 'app-data'),
    examplesDirectory: join(process.cwd(), 'assets', 'examples'),
  });
}

describe('host catalogActions', () => {
  it('lists the actions of a service with their access levels, and none for an unknown service', async () => {
    const response = await aService().catalogActions({ services: ['s3', 'no-such-service'] });
    const s3 = response.services.find((entry) => entry.service === 's3');
    expect(s3?.actions).toContainEqual({ name: 'GetObject', accessLevel: 'Read' });
    expect(s3?.actions).toContainEqual({ name: 'PutObject', accessLevel: 'Write' });
    expect(s3?.actions.find((action) => action.name === 'PutBucketPolicy')?.accessLevel).toMatch(
      /Permissions management/,
    );
    expect(response.services.find((entry) => entry.service === 'no-such-service')?.actions).toEqual([]);
  });

  it('rejects service names that are not service prefixes before looking anything up', async () => {
    const dispatch = createDispatcher(aService());
    expect(await dispatch('catalogActions', { services: ['../../etc'] })).toMatchObject({
      error: { code: expect.any(String) },
    });
  });
});
