// Readable and JSON renderings of a credential simulation and the requests made with it.

import type { AccessDecision, SimulatedSession, SimulationResult, TraceStep } from '../../../shared/cognito';
import { describeStatement, statementReference } from './decision';

function traceLine(step: TraceStep, index: number): string[] {
  const marker = step.assumption ? ' [assumption]' : '';
  const lines = [`  ${index + 1}. [${step.outcome}]${marker} ${step.title}`];
  if (step.detail) lines.push(`     ${step.detail}`);
  return lines;
}

function sessionLines(session: SimulatedSession, indent: string): string[] {
  const tags = Object.entries(session.principalTags);
  const lines = [
    `${indent}Role:             ${session.role.arn}`,
    `${indent}Assumed role:     ${session.assumedRoleArn}`,
    `${indent}aws:userid:       ${session.userId}`,
    `${indent}Principal tags:   ${tags.length > 0 ? tags.map(([key, value]) => `${key}=${value}`).join(', ') : '(none)'}`,
    `${indent}Session policies: ${session.sessionPolicies.length > 0 ? session.sessionPolicies.map((policy) => `${policy.name} (${policy.origin})`).join(', ') : '(none)'}`,
    `${indent}AccessKeyId:      ${session.credentials.accessKeyId}   (simulated, works nowhere)`,
    `${indent}SecretAccessKey:  ${session.credentials.secretAccessKey}`,
    `${indent}SessionToken:     ${truncate(session.credentials.sessionToken, 48)}`,
    `${indent}Expiration:       ${session.credentials.expiration}`,
  ];
  return lines;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

export function formatSimulationText(result: SimulationResult, decisions: AccessDecision[]): string {
  const lines: string[] = [];
  const pool = result.identityPool
    ? `${result.identityPool.name} (${result.identityPool.poolId})`
    : '(unknown identity pool)';
  lines.push(`Identity pool: ${pool}, ${result.flow} flow`);
  lines.push('Trace:');
  result.trace.forEach((step, index) => lines.push(...traceLine(step, index)));
  if (result.outcome === 'error') {
    lines.push(`Result: ${result.error.code}: ${result.error.message}`);
    if (result.identityId) lines.push(`  Identity id: ${result.identityId}`);
  } else {
    lines.push('Result: credentials');
    lines.push(`  Identity id:      ${result.identityId}`);
    lines.push(...sessionLines(result.session, '  '));
  }
  const reachable = result.reachableRoles ?? [];
  if (result.flow === 'basic') {
    lines.push(`Roles reachable through the basic flow: ${reachable.length === 0 ? '(none)' : ''}`);
    for (const session of reachable) lines.push(`  - ${session.role.arn}`);
  }
  if (decisions.length > 0) {
    lines.push('Requests:');
    for (const decision of decisions) {
      lines.push(`  ${decision.action} on ${decision.resource}: ${decision.decision}`);
      if (decision.summary) lines.push(`    ${decision.summary}`);
      for (const statement of decision.decidingStatements)
        lines.push(`    - ${describeStatement(statement)}`);
      if (!decision.complete) {
        lines.push(
          `    incomplete: ${decision.notEvaluated.map((policy) => `${policy.arn} (${policy.reason})`).join('; ')}`,
        );
      }
      if (decision.ignoredContextKeys.length > 0) {
        lines.push(
          `    ignored context keys (set by the session): ${decision.ignoredContextKeys.join(', ')}`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON contract of design.md §9, plus details (credentials, session policies, amr). */
export function simulationJson(
  result: SimulationResult,
  decisions: AccessDecision[],
  withDecisions: boolean,
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    outcome: result.outcome,
    flow: result.flow,
    identityPool: result.identityPool,
    login: result.login,
    claims: result.claims,
  };
  if (result.outcome === 'error') {
    json.error = { code: result.error.code, message: result.error.message };
    json.identityId = result.identityId;
    json.amr = result.amr;
  } else {
    json.role = { arn: result.role.arn, name: result.role.name, id: result.role.id };
    json.identityId = result.identityId;
    json.assumedRoleArn = result.assumedRoleArn;
    json.principalTags = result.principalTags;
    json.amr = result.amr;
    json.sessionName = result.session.sessionName;
    json.userId = result.session.userId;
    json.sessionPolicies = result.session.sessionPolicies.map((policy) => ({
      name: policy.name,
      origin: policy.origin,
    }));
    json.credentials = result.session.credentials;
  }
  if (result.reachableRoles)
    json.reachableRoles = result.reachableRoles.map((session) => ({
      arn: session.role.arn,
      assumedRoleArn: session.assumedRoleArn,
    }));
  json.trace = result.trace;
  if (withDecisions) {
    json.decisions = decisions.map((decision) => ({
      action: decision.action,
      resource: decision.resource,
      decision: decision.decision,
      summary: decision.summary,
      complete: decision.complete,
      notEvaluated: decision.notEvaluated,
      decidingStatements: decision.decidingStatements.map(statementReference),
    }));
  }
  return json;
}
