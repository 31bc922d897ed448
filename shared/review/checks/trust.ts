// Trust-policy checks: what Cognito's token must prove before STS hands out the role.
// https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html#role-trust-and-permissions
// https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools-security-best-practices.html

import type { Role } from '../../model/types';
import type { ReviewContext } from '../context';
import { makeFinding, roleEntity, trustLocation } from '../findings';
import {
  actionMatches,
  globToRegExp,
  scanStatements,
  type ScannedCondition,
  type ScannedStatement,
} from '../policy-scan';
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

/** The operator without its set prefix and IfExists suffix (`ForAnyValue:StringLikeIfExists` → `StringLike`). */
function baseOperator(operator: string): string {
  return operator.replace(/^For(Any|All)Values:/, '').replace(/IfExists$/, '');
}

/** Whether a condition value can match `value` (glob for `…Like`, case-insensitive for `…IgnoreCase`). */
function conditionValueMatches(operator: string, pattern: string, value: string): boolean {
  const base = baseOperator(operator);
  if (base.endsWith('Like')) return globToRegExp(pattern).test(value);
  if (base.endsWith('IgnoreCase')) return pattern.toLowerCase() === value.toLowerCase();
  return pattern === value;
}

/** A condition that can only hold for particular values of the key (not negated, not Null). */
function restricts(condition: ScannedCondition, key: string): boolean {
  return condition.key.toLowerCase() === key && !/Not|^Null$/.test(baseOperator(condition.operator));
}

/**
 * An aud test that pins identity pools: a `…Like` value with `*` (`us-east-1:*`) matches pool ids
 * of other accounts, which anyone can create.
 */
function pinsAud(condition: ScannedCondition): boolean {
  return (
    restricts(condition, audKey) &&
    condition.values.length > 0 &&
    !(
      baseOperator(condition.operator).endsWith('Like') &&
      condition.values.some((value) => value.includes('*'))
    )
  );
}

/**
 * An amr test that a guest token (amr `["unauthenticated"]`) fails. A single- or ForAnyValue test
 * holds for a guest when one of its values matches "unauthenticated" (`*`, `*authenticated`).
 * https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
function excludesGuests(condition: ScannedCondition): boolean {
  return (
    restricts(condition, amrKey) &&
    !condition.values.some((value) => conditionValueMatches(condition.operator, value, 'unauthenticated'))
  );
}

/**
 * Deny statements of the trust policy that refuse Cognito's token outside listed aud values
 * (`StringNotEquals` aud, no other condition): they restrict the pool as well as an Allow condition.
 */
function deniesOtherPools(document: unknown): boolean {
  return scanStatements(document).some(
    (statement) =>
      statement.effect === 'Deny' &&
      statement.notActions.length === 0 &&
      acceptsCognito(statement.raw.Principal) &&
      statement.actions.some((action) => actionMatches(action.value, 'sts:AssumeRoleWithWebIdentity')) &&
      statement.conditions.length === 1 &&
      statement.conditions.every(
        (condition) =>
          condition.key.toLowerCase() === audKey &&
          /^StringNot(Equals|EqualsIgnoreCase)$/.test(condition.operator) &&
          condition.values.length > 0,
      ),
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
    'A trust statement lets cognito-identity.amazonaws.com assume the role without a cognito-identity.amazonaws.com:aud condition that names identity pools (a missing one, or a StringLike wildcard such as "us-east-1:*").',
  help: 'Add "StringEquals": {"cognito-identity.amazonaws.com:aud": "<identity pool id>"} to every statement that trusts cognito-identity.amazonaws.com.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const { role, statements } of trustedRoles(context)) {
      if (deniesOtherPools(context.trust(role).document)) continue;
      for (const statement of statements) {
        if (statement.conditions.some(pinsAud)) continue;
        const wildcard = statement.conditions.find((condition) => restricts(condition, audKey));
        findings.push(
          makeFinding(this, {
            entity: roleEntity(role),
            location: trustLocation(context.trust(role), statement.path),
            rationale: `${wildcard ? `The aud condition ${wildcard.operator} "${wildcard.values.join('", "')}" does not name identity pools, so` : 'Without an aud condition'} the role accepts tokens of any identity pool, in any AWS account: whoever creates an identity pool can obtain credentials for ${role.name} through the basic flow.`,
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
    'A role handed to signed-in identities trusts cognito-identity.amazonaws.com without a cognito-identity.amazonaws.com:amr condition that guest tokens fail (none, or values such as "*" that match "unauthenticated").',
  help: 'Add "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"} to the trust statement.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const { role, statements } of trustedRoles(context)) {
      if (!context.signedInRoleIds.has(role.id) || context.guestRoleIds.has(role.id)) continue;
      for (const statement of statements) {
        if (statement.conditions.some(excludesGuests)) continue;
        const loose = statement.conditions.find((condition) => restricts(condition, amrKey));
        findings.push(
          makeFinding(this, {
            entity: roleEntity(role),
            location: trustLocation(context.trust(role), statement.path),
            rationale: `${role.name} is meant for signed-in identities, but its trust policy ${loose ? `tests amr with ${loose.operator} "${loose.values.join('", "')}", which also matches "unauthenticated"` : 'does not test amr'}, so a guest token of the trusted pool (amr "unauthenticated") can assume it through the basic flow.`,
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
