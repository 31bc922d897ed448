// Findings that catch designs that cannot work: a role no identity pool of the design can assume,
// and a role nothing uses. (Providers without client ids / issuers are model errors: validate.)

import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../../shared/model/validate';
import type { Finding } from '../../../shared/review';
import { aDesign, aRoleMapping, aRule } from '../builders/design';
import { POOL_ID, USER_POOL_REF, baseDesign, documentedTrust, findingsOf, roleWith } from './fixtures';

/** Role findings first (the review orders findings by severity and id, not by kind). */
function byKind(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => Number(a.entity.kind !== 'role') - Number(b.entity.kind !== 'role'));
}

const emptyTrust = {
  trustPolicy: { mode: 'custom' as const, document: { Version: '2012-10-17', Statement: [] } },
};

describe('trust-unsatisfiable', () => {
  it('flags a role whose customized trust has no statement, on the role and on each mapping rule using it', () => {
    const design = baseDesign({
      pool: {
        authenticatedRoleId: 'User',
        roleMappings: [
          aRoleMapping(USER_POOL_REF, {
            id: 'mapping',
            type: 'Rules',
            rules: [aRule('Admin', { id: 'rule-admin', claim: 'cognito:groups', value: 'admins' })],
          }),
        ],
      },
      roles: [roleWith('User', []), roleWith('Admin', [], emptyTrust)],
    });
    const findings = byKind(findingsOf(design, 'trust-unsatisfiable'));
    expect(findings.map((finding) => finding.entity)).toEqual([
      { kind: 'role', id: 'Admin', name: 'Admin' },
      { kind: 'identityPool', id: 'identitypool', name: 'Pool' },
    ]);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.rationale).toMatch(/Pool/);
    expect(findings[1]?.location?.designPath).toBe('$.identityPools[0].roleMappings[0].rules[0]');
  });

  it('flags a trust policy that names another identity pool, and the default role setting using it', () => {
    const other = documentedTrust('authenticated');
    const statement = (other.Statement as Array<{ Condition: Record<string, Record<string, string>> }>)[0]!;
    statement.Condition.StringEquals!['cognito-identity.amazonaws.com:aud'] =
      'us-east-1:99999999-2222-4333-8444-555555555555';
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [roleWith('User', [], { trustPolicy: { mode: 'custom', document: other } })],
    });
    const findings = byKind(findingsOf(design, 'trust-unsatisfiable'));
    expect(findings.map((finding) => finding.location?.designPath ?? finding.entity.kind)).toEqual([
      'role',
      '$.identityPools[0].authenticatedRoleId',
    ]);
  });

  it('accepts the documented trust policy and the generated one', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User', unauthenticatedRoleId: 'Guest', allowUnauthenticated: true },
      roles: [
        roleWith('User', [], { trustPolicy: { mode: 'custom', document: documentedTrust('authenticated') } }),
        roleWith('Guest', []),
      ],
    });
    expect(POOL_ID).toBeTruthy();
    expect(findingsOf(design, 'trust-unsatisfiable')).toEqual([]);
  });
});

describe('role-unused', () => {
  it('notes a role that no identity pool, group or trigger uses', () => {
    const design = baseDesign({
      pool: { authenticatedRoleId: 'User' },
      roles: [roleWith('User', []), roleWith('Orphan', [])],
    });
    const findings = findingsOf(design, 'role-unused');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', entity: { kind: 'role', id: 'Orphan' } });
  });
});

describe('providers without their ids', () => {
  it('is a validation error for a social or OIDC provider without a client id', () => {
    for (const kind of ['google', 'facebook', 'amazon', 'apple', 'oidc'] as const) {
      const design = aDesign().withProvider(kind, { clientIds: [] }).build();
      const issues = validateDesign(design).filter((issue) => issue.severity === 'error');
      expect(
        issues.map((issue) => issue.path),
        kind,
      ).toContain('$.providers[0].clientIds');
    }
  });

  it('is a validation error for an OIDC provider without an issuer', () => {
    const design = aDesign().withProvider('oidc', { providerKey: '' }).build();
    const issues = validateDesign(design).filter((issue) => issue.severity === 'error');
    expect(issues.map((issue) => issue.path)).toContain('$.providers[0].providerKey');
  });
});
