// Trust-policy checks: what Cognito's token must prove before STS hands out the role.
// https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html#role-trust-and-permissions
// https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools-security-best-practices.html

import type { Role } from '../../model/types';
import type { ReviewContext } from '../context';
import { makeFinding, roleEntity, trustLocation } from '../findings';
import { actionMatches, scanStatements, type ScannedCondition, type ScannedStatement } from '../policy-scan';
import type { DesignCheck, Finding } from '../types';

const audKey = 'cognito-identity.amazonaws.com:aud';
const amrKey = 'cognito-identity.amazonaws.com:amr';

function acceptsCognito(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const record = principal as Record<string, unknown>;
  const federated = record.Federated;
  const list = typeof federated === 'string' ? [federated] : Array.isArray(federated) ? federated : [];
  return (
    list.some((entry) => typeof entry === 'string' && entry.startsWith('cognito-identity.')) ||
    record.AWS === '*'
  );
}

/** Allow statements through which Cognito's web identity token can assume the role. */
export function cognitoTrustStatements(document: unknown): ScannedStatement[] {
  return scanStatements(document).filter(
    (statement) =>
      statement.effect === 'Allow' &&
      acceptsCognito(statement.raw.Principal) &&
      statement.actions.some((action) => actionMatches(action.value, 'sts:AssumeRoleWithWebIdentity')),
  );
}

/** A condition that can only hold for particular values of the key (not negated, not Null). */
function restricts(condition: ScannedCondition, key: string): boolean {
  return (
    condition.key.toLowerCase() === key &&
    !/Not|^Null$/.test(condition.operator.replace(/^For(Any|All)Values:/, ''))
  );
}

function trustedRoles(context: ReviewContext): Array<{ role: Role; statements: ScannedStatement[] }> {
  return context.design.roles.flatMap((role) => {
    const statements = cognitoTrustStatements(context.trust(role).document);
    return statements.length > 0 ? [{ role, statements }] : [];
  });
}

export const trustMissingAud: DesignCheck = {
  id: 'trust-missing-aud',
  code: 'COG-TRUST-NO-AUD',
  severity: 'high',
  title: 'Trust policy does not restrict the identity pool (aud)',
  description:
    'A trust statement lets cognito-identity.amazonaws.com assume the role without a cognito-identity.amazonaws.com:aud condition.',
  help: 'Add "StringEquals": {"cognito-identity.amazonaws.com:aud": "<identity pool id>"} to every statement that trusts cognito-identity.amazonaws.com.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const { role, statements } of trustedRoles(context)) {
      for (const statement of statements) {
        if (statement.conditions.some((condition) => restricts(condition, audKey))) continue;
        findings.push(
          makeFinding(this, {
            entity: roleEntity(role),
            location: trustLocation(context.trust(role), statement.path),
            rationale: `Without an aud condition the role accepts tokens of any identity pool, in any AWS account: whoever creates an identity pool can obtain credentials for ${role.name} through the basic flow.`,
            fix: `Add a StringEquals condition on ${audKey} listing the identity pool ids that use ${role.name}.`,
          }),
        );
      }
    }
    return findings;
  },
};

export const trustMissingAmr: DesignCheck = {
  id: 'trust-missing-amr',
  code: 'COG-TRUST-NO-AMR',
  severity: 'high',
  title: 'Authenticated role trusts tokens without an amr condition',
  description:
    'A role handed to signed-in identities trusts cognito-identity.amazonaws.com without a cognito-identity.amazonaws.com:amr condition.',
  help: 'Add "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"} to the trust statement.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const { role, statements } of trustedRoles(context)) {
      if (!context.signedInRoleIds.has(role.id) || context.guestRoleIds.has(role.id)) continue;
      for (const statement of statements) {
        if (statement.conditions.some((condition) => restricts(condition, amrKey))) continue;
        findings.push(
          makeFinding(this, {
            entity: roleEntity(role),
            location: trustLocation(context.trust(role), statement.path),
            rationale: `${role.name} is meant for signed-in identities, but its trust policy does not test amr, so a guest token of the trusted pool (amr "unauthenticated") can assume it through the basic flow.`,
            fix: `Add "ForAnyValue:StringLike": {"${amrKey}": "authenticated"} to the statement.`,
          }),
        );
      }
    }
    return findings;
  },
};

export const trustAmrOperator: DesignCheck = {
  id: 'trust-amr-operator',
  code: 'COG-TRUST-AMR-OPERATOR',
  severity: 'medium',
  title: 'amr is tested with an operator that does not fit a multi-valued key',
  description:
    'cognito-identity.amazonaws.com:amr is multi-valued; it must be tested with ForAnyValue:StringLike (or ForAnyValue:StringEquals).',
  help: 'Use "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"} (or "unauthenticated").',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const { role, statements } of trustedRoles(context)) {
      for (const statement of statements) {
        for (const condition of statement.conditions) {
          if (
            condition.key.toLowerCase() !== amrKey ||
            condition.operator.startsWith('ForAnyValue:') ||
            condition.operator === 'Null'
          )
            continue;
          const rationale = condition.operator.startsWith('ForAllValues:')
            ? `ForAllValues requires every amr entry to match: a signed-in token carries "authenticated" plus its provider names, so "${condition.values.join('", "')}" alone never matches them, while a wildcard or an empty amr makes the test pass for everyone.`
            : `${condition.operator} is a single-valued operator, but amr holds several values ("authenticated" plus the provider names); IAM's result for such a comparison is not the set test you mean. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html`;
          findings.push(
            makeFinding(this, {
              entity: roleEntity(role),
              location: trustLocation(context.trust(role), condition.path),
              rationale,
              fix: `Replace "${condition.operator}" with "ForAnyValue:StringLike" for ${amrKey}.`,
            }),
          );
        }
      }
    }
    return findings;
  },
};

export const trustMissingTagSession: DesignCheck = {
  id: 'trust-missing-tag-session',
  code: 'COG-TRUST-NO-TAGSESSION',
  severity: 'medium',
  title: 'Principal tags are mapped but the trust policy does not allow sts:TagSession',
  description:
    'An identity pool maps principal tags for a provider whose identities receive a role whose trust policy lacks sts:TagSession.',
  help: 'Add "sts:TagSession" to the Action of the trust statement that allows sts:AssumeRoleWithWebIdentity.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const role of context.design.roles) {
      const routes = context.routesToRole(role.id).filter((route) => route.tagKeys.length > 0);
      if (routes.length === 0) continue;
      const trust = context.trust(role);
      const allowsTags = cognitoTrustStatements(trust.document).some((statement) =>
        statement.actions.some((action) => actionMatches(action.value, 'sts:TagSession')),
      );
      if (allowsTags) continue;
      const pools = [...new Set(routes.map((route) => route.pool.name))].join(', ');
      findings.push(
        makeFinding(this, {
          entity: roleEntity(role),
          location: trustLocation(trust, '$.Statement'),
          rationale: `${pools} maps principal tags, so Cognito calls sts:TagSession when it assumes ${role.name}; the trust policy does not allow it and every such sign-in fails with InvalidIdentityPoolConfigurationException.`,
          fix: `Allow "sts:TagSession" next to "sts:AssumeRoleWithWebIdentity" in ${role.name}'s trust policy.`,
        }),
      );
    }
    return findings;
  },
};

export const trustChecks: DesignCheck[] = [
  trustMissingAud,
  trustMissingAmr,
  trustAmrOperator,
  trustMissingTagSession,
];
