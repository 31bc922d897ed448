// `cognito-studio simulate <design> --pool <id|name> …` (design.md §9): which credentials an identity
// would receive, with the trace, and optionally what they may do. The simulation's outcome (credentials
// or an AWS error) is an answer, not a failure: exit 0. Bad input (including an unknown pool or a
// malformed token) exits 2.

import {
  evaluateAccess,
  personaToSimulationInput,
  rolePoliciesStep,
  simulate,
} from '../../../shared/cognito';
import type {
  AccessDecision,
  AccessRequest,
  SimulationInput,
  SimulationLogin,
} from '../../../shared/cognito';
import type { ContextValue } from '../../../shared/iam';
import type { DesignDocument } from '../../../shared/model/types';
import {
  booleanOption,
  oneOf,
  requirePositionals,
  stringListOption,
  stringOption,
  type CliCommand,
  type ParsedCommandLine,
} from '../command';
import { readDesign } from '../design-file';
import { CliInputError, EXIT_OK } from '../errors';
import { readJsonFile } from '../files';
import { formatSimulationText, simulationJson } from '../format/simulation';
import { awsManagedPoliciesFor } from '../aws-managed';

const help = `Usage: cognito-studio simulate <design> --pool <id|name> [login] [options]

Shows which credentials an identity would get from the identity pool, step by step: role choice,
trust policy check, session (assumed-role ARN, principal tags, session policies, fake keys) or the
exact AWS error. With --action and --resource, also what the credentials may do.

Login (one of):
  --guest                      no login (unauthenticated identity)
  --claims <file>              token claims as a JSON object
  --token <jwt>                a pasted ID token (decoded, signature not verified)
  --user <username>            a sample user of a user pool of the design (token derived from it)
  --developer-user <id>        a developer-authenticated identity (with --provider <developer name>)
  --persona <id|name>          a persona of the design (also sets the pool)

Options:
  --pool <id|name>             identity pool: design id, pool id (<region>:<guid>) or name
  --provider <key>             key of the Logins map: cognito-idp.<region>.amazonaws.com/<poolId>,
                               the OIDC issuer host, the SAML provider ARN, the developer provider name
  --custom-role-arn <arn>      CustomRoleArn (Token mapping) or, in the basic flow, the role asked for
  --identity-id <id>           use this identity id instead of the derived fake one
  --flow enhanced|basic        default enhanced
  --action <action>            request to evaluate (repeatable; needs --resource)
  --resource <arn>             resource of the request (repeatable; every action × every resource)
  --context <key=value>        request context key (repeatable; repeat a key for several values)
  --now <iso-time>             clock for the simulation (default: now)
  --json                       print JSON: outcome, error {code, message}, role {arn}, identityId,
                               assumedRoleArn, principalTags, trace, decisions [{action, resource, decision}]
  -h, --help                   show this help

Exit codes: 0 simulated (credentials or an AWS error), 2 bad input.

Examples:
  cognito-studio simulate assets/examples/photo-sharing.cognito-design.json --pool PhotoSharingIdentities --guest
  cognito-studio simulate assets/examples/photo-sharing.cognito-design.json --pool PhotoSharingIdentities \\
      --user alice --action s3:DeleteObject --resource arn:aws:s3:::photo-sharing-media-111122223333/public/cat.jpg`;

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'simulate the credentials an identity gets, and what they may do',
  help,
  options: {
    pool: { type: 'string' },
    provider: { type: 'string' },
    claims: { type: 'string' },
    token: { type: 'string' },
    guest: { type: 'boolean' },
    user: { type: 'string' },
    'developer-user': { type: 'string' },
    persona: { type: 'string' },
    'custom-role-arn': { type: 'string' },
    'identity-id': { type: 'string' },
    flow: { type: 'string' },
    action: { type: 'string', multiple: true },
    resource: { type: 'string', multiple: true },
    context: { type: 'string', multiple: true },
    now: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(commandLine, output) {
    const [file] = requirePositionals('simulate', commandLine, ['design']) as [string];
    const design = await readDesign(file);
    const input = await simulationInput(design, commandLine);
    const result = simulate(design, input);
    if (result.outcome === 'error' && result.error.source === 'input') {
      throw new CliInputError(`${file}: ${result.error.message}`);
    }
    const requests = accessRequests(commandLine);
    const awsManagedPolicies = awsManagedPoliciesFor(design);
    if (result.outcome === 'credentials') {
      const step = rolePoliciesStep(design, result.role.id, { awsManagedPolicies });
      if (step) result.trace.push(step);
    }
    const decisions: AccessDecision[] =
      result.outcome === 'credentials' && requests.length > 0
        ? evaluateAccess(design, result, requests, { awsManagedPolicies })
        : [];
    if (booleanOption(commandLine, 'json')) {
      output.out(`${JSON.stringify(simulationJson(result, decisions, requests.length > 0), null, 2)}\n`);
    } else {
      output.out(formatSimulationText(result, decisions));
      if (result.outcome === 'error' && requests.length > 0)
        output.out('Requests: not evaluated (no credentials)\n');
    }
    return EXIT_OK;
  },
};

async function simulationInput(
  design: DesignDocument,
  commandLine: ParsedCommandLine,
): Promise<SimulationInput> {
  const personaReference = stringOption(commandLine, 'persona');
  const logins: Array<[string, SimulationLogin | undefined]> = [
    ['--guest', booleanOption(commandLine, 'guest') ? { type: 'guest' } : undefined],
    ['--claims', await claimsLogin(stringOption(commandLine, 'claims'))],
    ['--token', tokenLogin(stringOption(commandLine, 'token'))],
    ['--user', userLogin(stringOption(commandLine, 'user'))],
    ['--developer-user', developerLogin(stringOption(commandLine, 'developer-user'))],
  ];
  const given = logins.filter(([, login]) => login !== undefined);
  if (given.length + (personaReference === undefined ? 0 : 1) > 1) {
    const names = [...given.map(([name]) => name), ...(personaReference === undefined ? [] : ['--persona'])];
    throw new CliInputError(`simulate: choose one login, got ${names.join(' and ')}`);
  }
  let input: SimulationInput;
  if (personaReference !== undefined) {
    const persona = design.personas.find(
      (candidate) => candidate.id === personaReference || candidate.name === personaReference,
    );
    if (!persona) {
      const known = design.personas.map((candidate) => candidate.id).join(', ') || 'none';
      throw new CliInputError(
        `simulate: the design has no persona '${personaReference}' (personas: ${known})`,
      );
    }
    input = personaToSimulationInput(design, persona);
  } else {
    const login = given[0]?.[1];
    if (!login)
      throw new CliInputError(
        "simulate: say who signs in: --guest, --claims <file>, --token <jwt>, --user <username>, --developer-user <id> or --persona <id> (see 'cognito-studio simulate --help')",
      );
    const pool = stringOption(commandLine, 'pool');
    if (pool === undefined)
      throw new CliInputError("simulate: missing --pool <id|name> (see 'cognito-studio simulate --help')");
    input = { identityPool: pool, login };
  }
  const pool = stringOption(commandLine, 'pool');
  if (pool !== undefined) input.identityPool = pool;
  const provider = stringOption(commandLine, 'provider');
  if (provider !== undefined) input.provider = provider;
  const customRoleArn = stringOption(commandLine, 'custom-role-arn');
  if (customRoleArn !== undefined) input.customRoleArn = customRoleArn;
  const identityId = stringOption(commandLine, 'identity-id');
  if (identityId !== undefined) input.identityId = identityId;
  const flow = stringOption(commandLine, 'flow');
  if (flow !== undefined) input.flow = oneOf('simulate', 'flow', flow, ['enhanced', 'basic'] as const);
  const now = stringOption(commandLine, 'now');
  if (now !== undefined) {
    if (Number.isNaN(new Date(now).getTime()))
      throw new CliInputError(
        `simulate: --now '${now}' is not a date and time (use ISO 8601, e.g. 2025-01-31T12:00:00Z)`,
      );
    input.now = now;
  }
  return input;
}

async function claimsLogin(file: string | undefined): Promise<SimulationLogin | undefined> {
  if (file === undefined) return undefined;
  const claims = await readJsonFile(file);
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new CliInputError(`${file}: expected a JSON object of token claims`);
  }
  return { type: 'claims', claims: claims as Record<string, unknown> };
}

function tokenLogin(token: string | undefined): SimulationLogin | undefined {
  return token === undefined ? undefined : { type: 'jwt', token: token.trim() };
}

function developerLogin(userIdentifier: string | undefined): SimulationLogin | undefined {
  return userIdentifier === undefined ? undefined : { type: 'developer', userIdentifier };
}

function userLogin(username: string | undefined): SimulationLogin | undefined {
  return username === undefined ? undefined : { type: 'userPoolUser', username };
}

/**
 * Parses repeated `--context key=value`; a key given twice becomes multi-valued. Keys are kept in a
 * Map first so that names like `constructor` or `__proto__` stay ordinary keys.
 */
export function parseContextFlags(values: string[], commandName: string): Record<string, ContextValue> {
  const context = new Map<string, ContextValue>();
  for (const entry of values) {
    const index = entry.indexOf('=');
    if (index <= 0) throw new CliInputError(`${commandName}: --context '${entry}' must be key=value`);
    const key = entry.slice(0, index);
    const value = entry.slice(index + 1);
    const existing = context.get(key);
    if (existing === undefined) context.set(key, value);
    else context.set(key, Array.isArray(existing) ? [...existing, value] : [existing, value]);
  }
  return Object.fromEntries(context);
}

function accessRequests(commandLine: ParsedCommandLine): AccessRequest[] {
  const actions = stringListOption(commandLine, 'action');
  const resources = stringListOption(commandLine, 'resource');
  const context = parseContextFlags(stringListOption(commandLine, 'context'), 'simulate');
  if (actions.length === 0 && resources.length === 0) {
    if (Object.keys(context).length > 0)
      throw new CliInputError('simulate: --context needs --action and --resource');
    return [];
  }
  if (actions.length === 0) throw new CliInputError('simulate: --resource needs --action');
  if (resources.length === 0) throw new CliInputError('simulate: --action needs --resource');
  return actions.flatMap((action) => resources.map((resource) => ({ action, resource, context })));
}
