// Made-up identifiers keep the shapes of the real ones and never collide on nearby inputs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeCredentials, fakeIdentityId, fakeRoleId, stableHash } from '../../../shared/cognito/index';

describe('fake identifiers', () => {
  it('hashes to 32 hex digits, deterministically', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(stableHash(text)).toMatch(/^[0-9a-f]{32}$/);
        expect(stableHash(text)).toBe(stableHash(text));
      }),
    );
  });

  it('derives identity ids of the form <region>:<guid> within 55 characters', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (provider, subject) => {
        const id = fakeIdentityId('eu-west-1:11111111-2222-4333-8444-555555555555', provider, subject);
        expect(id).toMatch(/^eu-west-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(id.length).toBeLessThanOrEqual(55);
      }),
    );
  });

  it('gives different subjects different identity ids', () => {
    const pool = 'us-east-1:11111111-2222-4333-8444-555555555555';
    expect(fakeIdentityId(pool, 'accounts.google.com', 'a')).not.toBe(
      fakeIdentityId(pool, 'accounts.google.com', 'b'),
    );
  });

  it('derives AROA role ids of 21 characters', () => {
    expect(fakeRoleId('arn:aws:iam::111122223333:role/Admin')).toMatch(/^AROA[A-Z2-7]{17}$/);
  });

  it('marks credentials as simulated and expires them one hour later', () => {
    const credentials = fakeCredentials('seed', new Date('2026-01-01T00:00:00Z'));
    expect(credentials).toMatchObject({ simulated: true, expiration: '2026-01-01T01:00:00.000Z' });
    expect(credentials.accessKeyId).toMatch(/^ASIASIMULATED[A-Z2-7]{7}$/);
  });
});
