// Each persona of the example designs gets the role a reader of the design expects (see the comments).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { personaToSimulationInput, simulate } from '../../../shared/cognito/index';
import type { SimulationResult } from '../../../shared/cognito/index';
import { loadDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';

const NOW = '2026-03-01T12:00:00.000Z';

function loadExample(name: string): DesignDocument {
  const loaded = loadDesign(
    readFileSync(new URL(`../../../assets/examples/${name}.cognito-design.json`, import.meta.url), 'utf8'),
  );
  if (!loaded.ok)
    throw new Error(`${name}: ${loaded.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  return loaded.design;
}

function outcomeOf(design: DesignDocument, personaId: string): SimulationResult {
  const persona = design.personas.find((candidate) => candidate.id === personaId);
  if (!persona) throw new Error(`no persona ${personaId}`);
  return simulate(design, personaToSimulationInput(design, persona, NOW));
}

function roleName(result: SimulationResult): string {
  return result.outcome === 'credentials'
    ? result.role.name
    : `${result.error.code}: ${result.error.message}`;
}

describe('photo-sharing example', () => {
  const design = loadExample('photo-sharing');
  it.each([
    // Guests get the pool's unauthenticated role.
    ['persona-guest', 'PhotoSharingGuest'],
    // Token mapping: the only group's role is the preferred role.
    ['persona-alice', 'PhotoSharingAdmins'],
    ['persona-bob', 'PhotoSharingEditors'],
    // The mobile client has its own Token mapping.
    ['persona-carol', 'PhotoSharingViewers'],
    // editors (precedence 2) beat viewers (3).
    ['persona-dave', 'PhotoSharingEditors'],
    // CustomRoleArn names a role among cognito:roles.
    ['persona-dave-viewer', 'PhotoSharingViewers'],
    // Google and Facebook have no role mapping: default authenticated role.
    ['persona-google', 'PhotoSharingAuthenticated'],
    ['persona-facebook', 'PhotoSharingAuthenticated'],
  ])('%s gets %s', (personaId, expected) => {
    expect(roleName(outcomeOf(design, personaId))).toBe(expected);
  });

  it('scopes the guest session down', () => {
    const result = outcomeOf(design, 'persona-guest');
    expect(result.outcome === 'credentials' && result.session.sessionPolicies.length).toBe(2);
  });
});

describe('b2b-saas example', () => {
  const design = loadExample('b2b-saas');
  it.each([
    // Rules on client-app: cognito:groups Equals tenant-admins is rule 2.
    ['persona-acme-admin', 'SaaSTenantAdmin'],
    // No groups: rules 1–2 skip the missing claim; custom:tenant t-acme StartsWith t-.
    ['persona-acme-user', 'SaaSTenantUser'],
    // beta-testers matches neither group rule; tenant t-globex.
    ['persona-globex-user', 'SaaSTenantUser'],
    // Rule 1: support-engineers.
    ['persona-support', 'SaaSSupportReadOnly'],
    // client-ops uses Token mapping: the support group's role is the preferred role.
    ['persona-support-ops', 'SaaSSupportReadOnly'],
    // No rule matches and AmbiguousRoleResolution is Deny.
    [
      'persona-no-tenant',
      'NotAuthorizedException: The ambiguous role mapping rules for: cognito-idp.us-east-1.amazonaws.com/us-east-1_T3n4ntP0l denied this request.',
    ],
    // Guest access is off.
    [
      'persona-guest',
      'NotAuthorizedException: Unauthenticated access is not supported for this identity pool.',
    ],
  ])('%s gets %s', (personaId, expected) => {
    expect(roleName(outcomeOf(design, personaId))).toBe(expected);
  });

  it('tags the sessions with the mapped claims', () => {
    const admin = outcomeOf(design, 'persona-acme-admin');
    expect(admin.outcome === 'credentials' && admin.principalTags).toEqual({
      tenant: 't-acme',
      department: 'it',
    });
    // AWS keys the map by the user pool, so the ops console gets the same map as the web app:
    // Priya's custom:tenant is "vendor" and she has no custom:department, so only tenant is set.
    const ops = outcomeOf(design, 'persona-support-ops');
    expect(ops.outcome === 'credentials' && ops.principalTags).toEqual({ tenant: 'vendor' });
    const step = ops.trace.find((entry) => entry.id === 'principal-tags');
    expect(step?.detail).toContain('cognito-idp.us-east-1.amazonaws.com/us-east-1_T3n4ntP0l');
    expect(step?.detail).toContain('applies to logins through every client of the pool');
    expect(step?.detail).toContain('Not set (claim missing or multi-valued): department ← custom:department');
  });
});

describe('analytics-sdk example', () => {
  const design = loadExample('analytics-sdk');
  it('gives both devices the device role and keeps the returning device id', () => {
    expect(roleName(outcomeOf(design, 'persona-device'))).toBe('AnalyticsSdkDevice');
    const known = outcomeOf(design, 'persona-known-device');
    expect(roleName(known)).toBe('AnalyticsSdkDevice');
    expect(known.outcome === 'credentials' && known.identityId).toBe(
      'us-east-1:3c2b1a09-8f7e-4d6c-a5b4-3a2918f7e6d5',
    );
  });
});
