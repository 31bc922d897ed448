// Test builders for design documents:
//   aDesign().withUserPool({ id: 'pool' }).withIdentityPool({ acceptedProviders: [...] }).withRole({ id: 'r' }).build()
// Every entity gets valid defaults (unique ids, well-formed AWS ids), so a test states only what it
// is about. `build()` returns a fresh deep copy each time.

import type {
  AccountContext,
  AppClient,
  DesignDocument,
  IdentityPool,
  ManagedPolicy,
  MappingRule,
  Persona,
  Provider,
  ProviderKind,
  Role,
  RoleMapping,
  UserPool,
  UserPoolGroup,
  UserPoolUser,
} from '../../../shared/model/types';
import type { PolicyDocument } from '../../../shared/iam/types';
import { SOCIAL_PROVIDER_KEYS } from '../../../shared/model/keys';
import { DESIGN_FORMAT, DESIGN_VERSION } from '../../../shared/model/types';

const ACCOUNT: AccountContext = { accountId: '111122223333', partition: 'aws', region: 'us-east-1' };

let sequence = 0;
/** Unique suffixes across builders so two defaults never collide. */
function next(): number {
  sequence += 1;
  return sequence;
}

function hex(counter: number, width: number): string {
  return counter.toString(16).padStart(width, '0').slice(-width);
}

/** A lower-case GUID derived from a counter (valid for identity pool ids and user subs). */
export function guid(counter = next()): string {
  return `${hex(counter, 8)}-0000-4000-8000-${hex(counter, 12)}`;
}

export function aPolicy(
  statements: unknown[] = [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

export function aProvider(kind: ProviderKind = 'google', overrides: Partial<Provider> = {}): Provider {
  const n = next();
  const keys: Record<ProviderKind, string> = {
    ...SOCIAL_PROVIDER_KEYS,
    oidc: `idp${n}.example.com`,
    saml: `arn:aws:iam::${ACCOUNT.accountId}:saml-provider/Idp${n}`,
    developer: `login.example${n}`,
  };
  return {
    id: `provider-${n}`,
    name: `${kind} ${n}`,
    kind,
    providerKey: keys[kind],
    clientIds: [`app-${n}`],
    ...overrides,
  };
}

export function aClient(overrides: Partial<AppClient> = {}): AppClient {
  const n = next();
  return {
    id: `client-${n}`,
    clientId: `client${n}abcdefghijklmnop`,
    name: `client ${n}`,
    readAttributes: [],
    writeAttributes: [],
    serverSideTokenCheck: false,
    ...overrides,
  };
}

export function aGroup(name: string, overrides: Partial<UserPoolGroup> = {}): UserPoolGroup {
  return { name, ...overrides };
}

export function aUser(username: string, overrides: Partial<UserPoolUser> = {}): UserPoolUser {
  return { username, sub: guid(), groups: [], attributes: {}, ...overrides };
}

export function aUserPool(overrides: Partial<UserPool> = {}): UserPool {
  const n = next();
  return {
    id: `userpool-${n}`,
    poolId: `us-east-1_Pool${n}`,
    name: `pool-${n}`,
    clients: [aClient()],
    groups: [],
    attributes: [],
    federatedProviderIds: [],
    users: [],
    ...overrides,
  };
}

export function aRule(roleId: string, overrides: Partial<MappingRule> = {}): MappingRule {
  return {
    id: `rule-${next()}`,
    claim: 'cognito:groups',
    matchType: 'Equals',
    value: 'admins',
    roleId,
    ...overrides,
  };
}

export function aRoleMapping(
  provider: RoleMapping['provider'],
  overrides: Partial<RoleMapping> = {},
): RoleMapping {
  return {
    id: `mapping-${next()}`,
    provider,
    type: 'Token',
    ambiguousRoleResolution: 'AuthenticatedRole',
    rules: [],
    ...overrides,
  };
}

export function anIdentityPool(overrides: Partial<IdentityPool> = {}): IdentityPool {
  const n = next();
  return {
    id: `identitypool-${n}`,
    poolId: `us-east-1:${guid(n)}`,
    name: `IdentityPool${n}`,
    allowUnauthenticated: false,
    allowClassicFlow: false,
    acceptedProviders: [],
    roleMappings: [],
    principalTags: [],
    ...overrides,
  };
}

export function aRole(overrides: Partial<Role> = {}): Role {
  const n = next();
  return {
    id: `role-${n}`,
    name: `Role${n}`,
    path: '/',
    trustPolicy: { mode: 'generated' },
    inlinePolicies: [],
    managedPolicyArns: [],
    maxSessionDuration: 3600,
    tags: {},
    ...overrides,
  };
}

export function aManagedPolicy(overrides: Partial<ManagedPolicy> = {}): ManagedPolicy {
  const n = next();
  return { id: `policy-${n}`, name: `Policy${n}`, path: '/', document: aPolicy(), ...overrides };
}

export function aPersona(identityPoolId: string, overrides: Partial<Persona> = {}): Persona {
  const n = next();
  return { id: `persona-${n}`, name: `Persona ${n}`, identityPoolId, login: { type: 'guest' }, ...overrides };
}

export class DesignBuilder {
  private readonly design: DesignDocument = {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: 'Test design',
    account: { ...ACCOUNT },
    providers: [],
    userPools: [],
    identityPools: [],
    roles: [],
    managedPolicies: [],
    personas: [],
    layout: { positions: {} },
  };

  withName(name: string): this {
    this.design.name = name;
    return this;
  }

  withAccount(account: Partial<AccountContext>): this {
    this.design.account = { ...this.design.account, ...account };
    return this;
  }

  withProvider(kind: ProviderKind = 'google', overrides: Partial<Provider> = {}): this {
    this.design.providers.push(aProvider(kind, overrides));
    return this;
  }

  withUserPool(overrides: Partial<UserPool> = {}): this {
    this.design.userPools.push(aUserPool(overrides));
    return this;
  }

  withIdentityPool(overrides: Partial<IdentityPool> = {}): this {
    this.design.identityPools.push(anIdentityPool(overrides));
    return this;
  }

  withRole(overrides: Partial<Role> = {}): this {
    this.design.roles.push(aRole(overrides));
    return this;
  }

  withManagedPolicy(overrides: Partial<ManagedPolicy> = {}): this {
    this.design.managedPolicies.push(aManagedPolicy(overrides));
    return this;
  }

  withPersona(identityPoolId: string, overrides: Partial<Persona> = {}): this {
    this.design.personas.push(aPersona(identityPoolId, overrides));
    return this;
  }

  withPosition(id: string, x: number, y: number): this {
    this.design.layout.positions[id] = { x, y };
    return this;
  }

  /** Escape hatch for edits the fluent methods do not cover (e.g. breaking a design on purpose). */
  with(edit: (design: DesignDocument) => void): this {
    edit(this.design);
    return this;
  }

  build(): DesignDocument {
    return structuredClone(this.design);
  }
}

export function aDesign(): DesignBuilder {
  return new DesignBuilder();
}
