// Pasted JWTs are decoded without verification; garbage gets a message, never an exception.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JWT_LENGTH, decodePastedJwt, simulate } from '../../../shared/cognito/index';
import { NOW, arnOf, baseDesign } from './fixture';

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function jwt(payload: unknown, header: unknown = { alg: 'RS256', kid: 'k1' }): string {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.c2lnbmF0dXJl`;
}

describe('decodePastedJwt', () => {
  it('decodes header and claims, tolerating a Bearer prefix and white space', () => {
    const decoded = decodePastedJwt(`  Bearer ${jwt({ sub: 'abc', aud: 'x' })}\n`);
    expect(decoded).toEqual({
      ok: true,
      header: { alg: 'RS256', kid: 'k1' },
      claims: { sub: 'abc', aud: 'x' },
    });
  });

  it.each([
    ['two segments', 'aGVsbG8.d29ybGQ', /three parts/],
    ['four segments', 'a.b.c.d', /three parts/],
    ['an encrypted token', 'a.b.c.d.e', /encrypted/],
    ['bad base64', 'ab$c.def.ghi', /base64url/],
    ['a non-JSON payload', `${base64url('{"alg":"none"}')}.${base64url('not json')}.sig`, /payload/],
    ['a JSON array payload', `${base64url('{"alg":"none"}')}.${base64url('[1,2]')}.sig`, /payload/],
    ['a non-JSON header', `${base64url('nope')}.${base64url('{}')}.sig`, /header/],
    ['an empty string', '   ', /empty/],
    ['a huge token', 'a'.repeat(MAX_JWT_LENGTH + 1), /refused/],
    [
      'a deeply nested payload',
      `${base64url('{"alg":"none"}')}.${base64url(`{"sub":"x","a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`)}.sig`,
      /payload nests objects or arrays more than 32 levels/,
    ],
  ])('rejects %s with a clear message', (_name, token, message) => {
    const decoded = decodePastedJwt(token);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(message);
  });

  it('rejects values that are not text', () => {
    expect(decodePastedJwt(42).ok).toBe(false);
    expect(decodePastedJwt(null).ok).toBe(false);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((text) => `${text}.${text}.${text}`),
          fc.base64String().map((text) => `${text}.${text}.x`),
        ),
        (text) => {
          const decoded = decodePastedJwt(text);
          expect(typeof decoded.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('simulating with a pasted JWT', () => {
  it('uses the decoded claims and marks them unverified in the trace', () => {
    const token = jwt({ iss: 'https://idp.example.com', aud: 'oidc-client', sub: 'u1', groups: ['admins'] });
    const result = simulate(baseDesign(), { identityPool: 'ip', login: { type: 'jwt', token }, now: NOW });
    expect(result.outcome === 'credentials' ? result.role.arn : result.error).toBe(arnOf('Admin'));
    const step = result.trace.find((candidate) => candidate.id === 'token');
    expect(step?.title).toMatch(/UNVERIFIED/);
    expect(step?.data?.verified).toBe(false);
  });

  it('notes an expired token without failing the simulation', () => {
    const token = jwt({
      iss: 'https://idp.example.com',
      aud: 'oidc-client',
      sub: 'u1',
      groups: ['admins'],
      exp: 1_000,
    });
    const result = simulate(baseDesign(), { identityPool: 'ip', login: { type: 'jwt', token }, now: NOW });
    expect(result.trace.some((step) => step.id === 'token-expiry')).toBe(true);
  });
});
