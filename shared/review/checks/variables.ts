// Policy-variable checks (design.md §5.3): variables need Version 2012-10-17, and only some exist
// in a Cognito identity-pool session.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html#access-policies

import type { PolicyDocument } from '../../iam/types';
import type { Role } from '../../model/types';
import type { ReviewContext, RolePolicy } from '../context';
import { designPolicies } from '../design-policies';
import { makeFinding, policyLocation, roleEntity } from '../findings';
import { scanStatements, stringsWithPaths, variablesIn, variablesWithoutDefault } from '../policy-scan';
import type { DesignCheck, Finding } from '../types';

interface VariableUse {
  variable: string;
  path: string;
}

function variableUses(document: PolicyDocument, list = variablesIn): VariableUse[] {
  return stringsWithPaths(document).flatMap((entry) =>
    list(entry.value).map((variable) => ({ variable, path: entry.path })),
  );
}

export const variablesWithoutVersion: DesignCheck = {
  id: 'variables-without-version',
  code: 'COG-VARIABLES-NO-VERSION',
  severity: 'medium',
  title: 'Policy variables in a policy without Version 2012-10-17',
  description:
    'IAM substitutes ${…} variables only in policies with "Version": "2012-10-17"; elsewhere they are literal text and the statement does not do what it reads.',
  help: 'Add "Version": "2012-10-17" to the policy.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const policy of designPolicies(context)) {
      if (policy.document.Version === '2012-10-17') continue;
      const uses = variableUses(policy.document);
      if (uses.length === 0) continue;
      findings.push(
        makeFinding(this, {
          entity: policy.entity,
          location: policy.location(policy.document.Version === undefined ? '$' : '$.Version'),
          rationale: `${policy.label} uses ${[...new Set(uses.map((use) => `\${${use.variable}}`))].join(', ')} but its Version is ${policy.document.Version === undefined ? 'missing (IAM then assumes 2008-10-17)' : `"${policy.document.Version}"`}; the variables are compared as literal text, so per-user partitions silently stop working.`,
          fix: 'Set "Version": "2012-10-17".',
        }),
      );
    }
    return findings;
  },
};

/** Global keys available as variables in any request of an assumed-role session. */
const sessionVariables = new Set(
  [
    'cognito-identity.amazonaws.com:sub',
    'cognito-identity.amazonaws.com:aud',
    'cognito-identity.amazonaws.com:amr',
    'aws:userid',
    'aws:PrincipalArn',
    'aws:PrincipalAccount',
    'aws:PrincipalType',
    'aws:SourceIp',
    'aws:CurrentTime',
    'aws:EpochTime',
    'aws:SecureTransport',
    'aws:UserAgent',
    'aws:Referer',
    'aws:RequestedRegion',
    'aws:TokenIssueTime',
    'aws:FederatedProvider',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:VpcSourceIp',
    'aws:PrincipalOrgID',
    'aws:PrincipalIsAWSService',
  ].map((key) => key.toLowerCase()),
);

function isUserPoolSub(variable: string): boolean {
  return /^cognito-idp\.[^:]+:sub$/i.test(variable);
}

/** Why the variable is not set in this role's sessions, or undefined when it is (or may be). */
function missingReason(
  context: ReviewContext,
  role: Role,
  variable: string,
): { reason: string; partial: boolean } | undefined {
  const lower = variable.toLowerCase();
  if (sessionVariables.has(lower) || isUserPoolSub(variable)) return undefined;
  const tag = /^aws:PrincipalTag\/(.+)$/i.exec(variable)?.[1];
  if (tag !== undefined) {
    if (Object.keys(role.tags).includes(tag)) return undefined;
    const routes = context.routesToRole(role.id);
    const lacking = routes.filter((route) => !route.tagKeys.includes(tag));
    if (lacking.length === 0) return undefined;
    const names = lacking.map((route) =>
      route.guest
        ? `guests of ${route.pool.name}`
        : `${route.provider?.mappingKey ?? 'a provider'} in ${route.pool.name}`,
    );
    return {
      reason: `no principal-tag mapping sets "${tag}" for ${names.join(', ')}`,
      partial: lacking.length < routes.length,
    };
  }
  if (lower === 'aws:username')
    return { reason: 'assumed-role sessions have no aws:username', partial: false };
  if (/^(aws:(RequestTag|ResourceTag|TagKeys)|s3:|dynamodb:|ec2:|sts:|iam:)/i.test(variable))
    return undefined;
  const providerKeys = [
    ...context.design.providers.map((provider) => provider.providerKey),
    'graph.facebook.com',
    'accounts.google.com',
    'www.amazon.com',
    'appleid.apple.com',
    'api.twitter.com',
  ];
  if (providerKeys.some((key) => lower.startsWith(`${key.toLowerCase()}:`)) || lower.startsWith('saml:')) {
    return {
      reason:
        "the provider's own claims are only available while Cognito exchanges the token, not in the credentials' session; only cognito-identity.amazonaws.com keys are",
      partial: false,
    };
  }
  return undefined;
}

function rolesUsingPolicies(context: ReviewContext): Array<{ role: Role; policy: RolePolicy }> {
  const federated = new Set([...context.guestRoleIds, ...context.signedInRoleIds]);
  return context.design.roles
    .filter((role) => federated.has(role.id))
    .flatMap((role) => context.rolePolicies(role).identity.map((policy) => ({ role, policy })));
}

export const variableNotInSession: DesignCheck = {
  id: 'variable-not-in-session',
  code: 'COG-VARIABLE-NOT-IN-SESSION',
  severity: 'high',
  title: 'Policy variable does not exist in a Cognito session',
  description:
    'A policy of a role Cognito hands out uses a variable the session never carries (${graph.facebook.com:id}, ${aws:username}, a principal tag no mapping sets, …): the statement never matches, and a Deny built on it never applies.',
  help: 'Use ${cognito-identity.amazonaws.com:sub} for per-identity data, or map the claim to a principal tag and use ${aws:PrincipalTag/<key>}.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const { role, policy } of rolesUsingPolicies(context)) {
      // One finding per variable and policy, at its first use: the fix is the same for all of them.
      const reported = new Set<string>();
      // A variable with a default value always resolves, so only those without one can be missing.
      const uses = variableUses(policy.document, variablesWithoutDefault);
      const denyPaths = scanStatements(policy.document)
        .filter((statement) => statement.effect === 'Deny')
        .map((statement) => statement.path);
      for (const use of uses) {
        const missing = missingReason(context, role, use.variable);
        if (!missing || reported.has(use.variable)) continue;
        reported.add(use.variable);
        // A Deny that does not apply lets the identities without the value through: never minor.
        const inDeny = uses.some(
          (other) =>
            other.variable === use.variable &&
            denyPaths.some((path) => other.path.startsWith(`${path}.`) || other.path.startsWith(`${path}[`)),
        );
        findings.push(
          makeFinding(this, {
            entity: roleEntity(role),
            location: policyLocation(policy, use.path),
            severity: missing.partial && !inDeny ? 'low' : 'high',
            rationale: `\${${use.variable}} in ${policy.label} of ${role.name}: ${missing.reason}. IAM cannot resolve it, so the statement does not apply${missing.partial ? ' for those identities' : ''}${inDeny ? ': a Deny built on it does not stop them' : ''}.`,
            fix: 'Use a variable the session carries: ${cognito-identity.amazonaws.com:sub}, or ${aws:PrincipalTag/<key>} with a principal-tag mapping for every provider that reaches this role.',
          }),
        );
      }
    }
    return findings;
  },
};

export const partitionOnUserPoolSub: DesignCheck = {
  id: 'partition-on-user-pool-sub',
  code: 'COG-PARTITION-USER-POOL-SUB',
  severity: 'high',
  title: 'Per-user partition keyed on the user-pool sub instead of the identity id',
  description:
    'A policy partitions data by ${cognito-idp.<region>.amazonaws.com/<pool>:sub}; identity-pool sessions do not carry it, and data is conventionally keyed by the identity id.',
  help: 'Key per-user data on ${cognito-identity.amazonaws.com:sub} (the identity id), or map sub to a principal tag and use ${aws:PrincipalTag/username}.',
  needsCatalog: false,
  run(context) {
    const findings: Finding[] = [];
    for (const { role, policy } of rolesUsingPolicies(context)) {
      for (const use of variableUses(policy.document)) {
        if (!isUserPoolSub(use.variable)) continue;
        findings.push(
          makeFinding(this, {
            entity: roleEntity(role),
            location: policyLocation(policy, use.path),
            rationale: `\${${use.variable}} is the user pool's subject, which exists only in the user pool's tokens; credentials from the identity pool carry the identity id (\${cognito-identity.amazonaws.com:sub}) instead, so this partition never matches.`,
            fix: 'Replace it with ${cognito-identity.amazonaws.com:sub}, or with ${aws:PrincipalTag/username} where the pool maps username ← sub.',
          }),
        );
      }
    }
    return findings;
  },
};

export const variableChecks: DesignCheck[] = [
  variablesWithoutVersion,
  variableNotInSession,
  partitionOnUserPoolSub,
];
