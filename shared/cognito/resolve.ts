// Role selection of the enhanced flow for signed-in identities (design.md §5.2 steps 3–7).
// https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html

import { resolveProviderRef, roleArn } from '../model/keys';
import type { DesignDocument, IdentityPool, Role, RoleMapping } from '../model/types';
import { DOCS, MESSAGES, inputError, invalidConfiguration, notAuthorized } from './errors';
import type { ResolvedLogin } from './login';
import { evaluateRule } from './rules';
import { claimRoleList, claimValues } from './token';
import type { SimulationError, TraceStep } from './types';

export const SAML_ROLE_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/Role';

export type RoleSelection = { ok: true; role: Role } | { ok: false; error: SimulationError };

export function roleByArn(design: DesignDocument, arn: string): Role | undefined {
  return design.roles.find((role) => roleArn(design.account, role) === arn);
}

function roleById(design: DesignDocument, roleId: string | undefined): Role | undefined {
  return roleId === undefined ? undefined : design.roles.find((role) => role.id === roleId);
}

/** Default authenticated role, or InvalidIdentityPoolConfigurationException when the pool has none. */
function defaultAuthenticatedRole(
  design: DesignDocument,
  pool: IdentityPool,
  steps: TraceStep[],
  why: string,
): RoleSelection {
  const role = roleById(design, pool.authenticatedRoleId);
  steps.push({
    id: 'default-authenticated-role',
    title: 'Default authenticated role',
    detail: role
      ? `${why}: the pool's default authenticated role ${role.name}.`
      : `${why}, but the pool has no default authenticated role: InvalidIdentityPoolConfigurationException.`,
    outcome: role ? 'pass' : 'fail',
    source: DOCS.roleBasedAccessControl,
  });
  return role ? { ok: true, role } : { ok: false, error: invalidConfiguration() };
}

/** A role ARN found in a token or rule must be a role of the design for the simulation to go on. */
function designRole(design: DesignDocument, arn: string, steps: TraceStep[], origin: string): RoleSelection {
  const role = roleByArn(design, arn);
  if (role) return { ok: true, role };
  steps.push({
    id: 'unknown-role',
    title: 'Role outside the design',
    detail: `${origin} names ${arn}, which is not a role of this design: its trust and permissions cannot be simulated.`,
    outcome: 'fail',
  });
  return {
    ok: false,
    error: inputError(
      `The role ${arn} (${origin}) is not part of the design; add it to simulate its trust and permissions.`,
    ),
  };
}

function ambiguous(
  design: DesignDocument,
  pool: IdentityPool,
  mapping: RoleMapping,
  login: ResolvedLogin,
  steps: TraceStep[],
  why: string,
  assumption = false,
): RoleSelection {
  const marked = assumption ? true : undefined;
  if (mapping.ambiguousRoleResolution === 'AuthenticatedRole') {
    steps.push({
      id: 'ambiguous-role-resolution',
      title: 'Ambiguous role resolution: AuthenticatedRole',
      detail: `${why}; AmbiguousRoleResolution is AuthenticatedRole, so the default authenticated role applies.`,
      outcome: 'info',
      assumption: marked,
      source: DOCS.roleBasedAccessControl,
    });
    return defaultAuthenticatedRole(design, pool, steps, 'Ambiguous role resolution');
  }
  steps.push({
    id: 'ambiguous-role-resolution',
    title: 'Ambiguous role resolution: Deny',
    detail: `${why}; AmbiguousRoleResolution is Deny: NotAuthorizedException.`,
    outcome: 'fail',
    assumption: marked,
    source: DOCS.roleBasedAccessControl,
  });
  return { ok: false, error: notAuthorized(MESSAGES.ambiguousDenied(login.loginsKey)) };
}

/** Role ARNs of the SAML Role attribute: `role-ARN,provider-ARN` pairs (either order) for this provider. */
export function samlRoles(values: string[], providerArn: string): { roles: string[]; ignored: string[] } {
  const roles: string[] = [];
  const ignored: string[] = [];
  for (const value of values) {
    const parts = value.split(',').map((part) => part.trim());
    const role = parts.find((part) => /:role\//.test(part));
    const provider = parts.find((part) => /:saml-provider\//.test(part));
    // Assumption: pairs naming another SAML provider are not usable with this login, as STS would refuse them.
    if (parts.length !== 2 || !role || !provider || provider !== providerArn) ignored.push(value);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, ignored };
}

function tokenMapping(
  design: DesignDocument,
  pool: IdentityPool,
  mapping: RoleMapping,
  login: ResolvedLogin,
  customRoleArn: string | undefined,
  steps: TraceStep[],
): RoleSelection {
  const isSaml = login.provider?.kind === 'saml' || /:saml-provider\//.test(login.loginsKey);
  let roles: string[];
  let preferred: string | undefined;
  if (isSaml) {
    const parsed = samlRoles(claimValues(login.claims, SAML_ROLE_ATTRIBUTE) ?? [], login.loginsKey);
    roles = parsed.roles;
    preferred = roles.length === 1 ? roles[0] : undefined;
    steps.push({
      id: 'token-roles',
      title: 'Roles in the SAML assertion',
      detail:
        `Attribute ${SAML_ROLE_ATTRIBUTE} lists ${roles.length} role(s) for ${login.loginsKey}: ${roles.join(', ') || 'none'}.` +
        (parsed.ignored.length > 0
          ? ` Ignored pairs for other providers or malformed (assumption): ${parsed.ignored.join(' | ')}.`
          : '') +
        (roles.length > 1 ? ' Several roles: the client must choose one with CustomRoleArn.' : ''),
      outcome: 'info',
      assumption: parsed.ignored.length > 0 ? true : undefined,
      source: DOCS.samlRoleAttribute,
      data: { roles, ignored: parsed.ignored },
    });
  } else {
    roles = claimRoleList(login.claims, 'cognito:roles');
    const preferredValue = login.claims['cognito:preferred_role'];
    preferred = typeof preferredValue === 'string' && preferredValue.length > 0 ? preferredValue : undefined;
    steps.push({
      id: 'token-roles',
      title: 'Roles in the token',
      detail: `cognito:roles = [${roles.join(', ')}]; cognito:preferred_role = ${preferred ?? 'not set'}.`,
      outcome: 'info',
      // Assumption: tokens of providers other than user pools are read the same way (their roles claims are rare).
      assumption: login.kind === 'userPool' ? undefined : true,
      source: DOCS.roleBasedAccessControl,
      data: { roles, preferredRole: preferred },
    });
  }
  if (customRoleArn !== undefined) {
    const listed = roles.includes(customRoleArn);
    steps.push({
      id: 'custom-role-arn',
      title: 'CustomRoleArn',
      detail: listed
        ? `CustomRoleArn ${customRoleArn} is one of the token's roles: it is used.`
        : `CustomRoleArn ${customRoleArn} is not one of the token's roles: access is denied (NotAuthorizedException; message wording is ours).`,
      outcome: listed ? 'pass' : 'fail',
      assumption: listed ? undefined : true,
      source: DOCS.roleBasedAccessControl,
    });
    if (!listed)
      return {
        ok: false,
        error: notAuthorized(`CustomRoleArn ${customRoleArn} is not one of the roles in the token.`),
      };
    return designRole(design, customRoleArn, steps, 'CustomRoleArn');
  }
  if (preferred) {
    steps.push({
      id: 'preferred-role',
      title: isSaml ? 'Single SAML role' : 'Preferred role',
      detail: isSaml
        ? `The assertion carries one role: ${preferred}.`
        : `No CustomRoleArn; cognito:preferred_role is set: ${preferred}.`,
      outcome: 'pass',
      source: DOCS.roleBasedAccessControl,
    });
    return designRole(design, preferred, steps, isSaml ? 'the SAML assertion' : 'cognito:preferred_role');
  }
  const why =
    roles.length === 0
      ? 'The token carries no role'
      : 'The token carries several roles and no preferred role, and no CustomRoleArn was given';
  // Assumption: the guide says only that several SAML roles need CustomRoleArn; like a user-pool token without
  // cognito:preferred_role, we let AmbiguousRoleResolution decide.
  return isSaml
    ? ambiguous(design, pool, mapping, login, steps, `${why} (for SAML, our reading)`, true)
    : ambiguous(design, pool, mapping, login, steps, why);
}

function rulesMapping(
  design: DesignDocument,
  pool: IdentityPool,
  mapping: RoleMapping,
  login: ResolvedLogin,
  customRoleArn: string | undefined,
  steps: TraceStep[],
): RoleSelection {
  const matchedRoles: Role[] = [];
  let first: Role | undefined;
  for (const [index, rule] of mapping.rules.entries()) {
    const outcome = evaluateRule(rule, login.claims);
    const role = roleById(design, rule.roleId);
    steps.push({
      id: `rule:${rule.id}`,
      title: `Rule ${index + 1}: ${rule.claim} ${rule.matchType} "${rule.value}"`,
      detail: `${outcome.reason}${outcome.matched && first === undefined ? ` → role ${role?.name ?? rule.roleId}` : ''}.`,
      outcome: outcome.matched ? 'pass' : 'fail',
      assumption: outcome.assumption ? true : undefined,
      source: DOCS.roleBasedAccessControl,
      data: {
        claim: rule.claim,
        matchType: rule.matchType,
        value: rule.value,
        values: outcome.values,
        roleId: rule.roleId,
      },
    });
    if (!outcome.matched || !role) continue;
    matchedRoles.push(role);
    if (first === undefined) {
      first = role;
      // Without CustomRoleArn the first match decides; later rules cannot change it.
      if (customRoleArn === undefined) break;
    }
  }
  if (customRoleArn !== undefined) {
    // "Rules are evaluated in order … unless CustomRoleArn is specified to override the order." Assumption: it
    // may pick any matching rule's role; a role no matching rule gives is refused.
    const chosen = matchedRoles.find((role) => roleArn(design.account, role) === customRoleArn);
    steps.push({
      id: 'custom-role-arn',
      title: 'CustomRoleArn with rules',
      detail: chosen
        ? `CustomRoleArn ${customRoleArn} is the role of a matching rule: it overrides the rule order.`
        : `CustomRoleArn ${customRoleArn} is not the role of any matching rule: NotAuthorizedException.`,
      outcome: chosen ? 'pass' : 'fail',
      assumption: true,
      source: DOCS.roleBasedAccessControl,
    });
    if (chosen) return { ok: true, role: chosen };
    return {
      ok: false,
      error: notAuthorized(`CustomRoleArn ${customRoleArn} is not a role any matching rule assigns.`),
    };
  }
  if (first) return { ok: true, role: first };
  return ambiguous(
    design,
    pool,
    mapping,
    login,
    steps,
    mapping.rules.length === 0 ? 'The mapping has no rule' : 'No rule matches',
  );
}

/** Chooses the role of a signed-in identity in the enhanced flow. */
export function selectRole(
  design: DesignDocument,
  pool: IdentityPool,
  login: ResolvedLogin,
  customRoleArn: string | undefined,
  steps: TraceStep[],
): RoleSelection {
  if (login.kind === 'developer') {
    if (customRoleArn !== undefined) {
      steps.push({
        id: 'custom-role-arn',
        title: 'CustomRoleArn ignored',
        detail:
          'Developer identities always get the default authenticated role; CustomRoleArn does not apply (assumption).',
        outcome: 'info',
        assumption: true,
      });
    }
    return defaultAuthenticatedRole(design, pool, steps, 'Developer-authenticated identity');
  }
  const mapping = pool.roleMappings.find(
    (candidate) => resolveProviderRef(design, candidate.provider)?.mappingKey === login.mappingKey,
  );
  steps.push({
    id: 'role-mapping',
    title: 'Role mapping',
    detail: mapping
      ? `The pool has a ${mapping.type} role mapping for ${login.mappingKey} (ambiguous resolution: ${mapping.ambiguousRoleResolution}).`
      : `The pool has no role mapping for ${login.mappingKey}.`,
    outcome: 'info',
    source: DOCS.roleBasedAccessControl,
    data: { mappingKey: login.mappingKey, mappingId: mapping?.id },
  });
  if (!mapping) {
    if (customRoleArn !== undefined) {
      steps.push({
        id: 'custom-role-arn',
        title: 'CustomRoleArn ignored',
        detail:
          'Without a role mapping CustomRoleArn has no role list to choose from; it is ignored (assumption).',
        outcome: 'info',
        assumption: true,
      });
    }
    return defaultAuthenticatedRole(design, pool, steps, 'No role mapping');
  }
  return mapping.type === 'Token'
    ? tokenMapping(design, pool, mapping, login, customRoleArn, steps)
    : rulesMapping(design, pool, mapping, login, customRoleArn, steps);
}
