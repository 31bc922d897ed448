// Attached AWS managed policies in the app's views: the simulator waits for their data instead of
// answering without them, then decides with them and opens the deciding AWS managed policy; the
// matrix cell explanation and the policy editor use the same data (the file shipped with the app).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';
import { loadAwsManagedPolicies } from '../../../src-renderer/data/aws-managed-policies';
import { explainCell, statementTarget } from '../../../src-renderer/matrix/explain';
import { resolvePolicySource } from '../../../src-renderer/policy-editor/policy-source';
import { policyRefOf } from '../../../src-renderer/simulator/focus';
import { emptyForm, formFromPersona } from '../../../src-renderer/simulator/identity';
import { runSimulation } from '../../../src-renderer/simulator/run-simulation';

const READ_ONLY = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const OTHER_BUCKET = 'arn:aws:s3:::someone-elses-bucket/report.pdf';
const NOW = '2026-03-01T12:00:00.000Z';

/** The photo-sharing example with AmazonS3ReadOnlyAccess attached to the viewers' role. */
function photoSharingWithReadOnly(): DesignDocument {
  const loaded = loadDesign(
    readFileSync(
      new URL('../../../assets/examples/photo-sharing.cognito-design.json', import.meta.url),
      'utf8',
    ),
  );
  if (!loaded.ok) throw new Error('photo-sharing does not load');
  const design = loaded.design;
  design.roles.find((role) => role.id === 'role-viewers')!.managedPolicyArns.push(READ_ONLY);
  return design;
}

function carolForm(design: DesignDocument) {
  const carol = design.personas.find((persona) => persona.id === 'persona-carol')!;
  return { ...formFromPersona(design, carol, emptyForm(design)), now: NOW };
}

const request = { id: 1, action: 's3:GetObject', resource: OTHER_BUCKET, context: '' };

describe('simulator with AWS managed policies', () => {
  const design = photoSharingWithReadOnly();

  it('gives no decision while the data is loading, and says why', () => {
    const view = runSimulation(design, carolForm(design), [request], { status: 'loading' });
    expect(view.result?.outcome).toBe('credentials');
    const [outcome] = view.requests;
    expect(outcome?.decision).toBeUndefined();
    expect(outcome?.problem).toContain('AWS managed policies are loading');
    expect(outcome?.problem).toContain(READ_ONLY);
  });

  it('says the data failed to load instead of deciding without it', () => {
    const view = runSimulation(design, carolForm(design), [request], {
      status: 'failed',
      error: 'chunk missing',
    });
    expect(view.requests[0]?.decision).toBeUndefined();
    expect(view.requests[0]?.problem).toContain('could not be loaded (chunk missing)');
  });

  it('allows s3:GetObject through AmazonS3ReadOnlyAccess once loaded, and opens that policy', async () => {
    const source = await loadAwsManagedPolicies();
    const view = runSimulation(design, carolForm(design), [request], { status: 'loaded', source });
    const decision = view.requests[0]?.decision;
    expect(decision?.decision).toBe('Allowed');
    expect(decision?.complete).toBe(true);
    const [deciding] = decision!.decidingStatements;
    expect(deciding?.policyName).toMatch(/^AWS managed policy AmazonS3ReadOnlyAccess \(v\d+\)$/);
    if (view.result?.outcome !== 'credentials') throw new Error('no credentials');
    const step = view.result.trace.find((candidate) => candidate.id === 'role-policies');
    expect(step?.detail).toContain(`AWS managed policies as of ${source.dataDate}`);
    expect(policyRefOf(view.design, view.result.session, view.result.identityPool?.id, deciding!)).toEqual({
      kind: 'awsManaged',
      arn: READ_ONLY,
    });
  });

  it('is not held back for a role without AWS managed policies', () => {
    const plain = photoSharingWithReadOnly();
    plain.roles.find((role) => role.id === 'role-viewers')!.managedPolicyArns.pop();
    const view = runSimulation(plain, carolForm(plain), [request], { status: 'loading' });
    expect(view.requests[0]?.decision?.decision).toBe('ImplicitlyDenied');
  });
});

describe('matrix cell explanation with AWS managed policies', () => {
  it('decides with the data and maps the statement to the AWS managed policy', async () => {
    const design = photoSharingWithReadOnly();
    const source = await loadAwsManagedPolicies();
    const without = explainCell(design, 'persona-carol', 's3:GetObject', OTHER_BUCKET, NOW);
    expect(without?.decision?.complete).toBe(false);
    const explanation = explainCell(design, 'persona-carol', 's3:GetObject', OTHER_BUCKET, NOW, source);
    expect(explanation?.decision?.decision).toBe('Allowed');
    const [statement] = explanation!.decision!.decidingStatements;
    expect(statementTarget(design, explanation!.simulation, statement!)).toEqual({
      policy: { kind: 'awsManaged', arn: READ_ONLY },
      jsonPath: statement!.path,
    });
  });
});

describe('policy editor source of an AWS managed policy', () => {
  const design = photoSharingWithReadOnly();
  const ref = { kind: 'awsManaged' as const, arn: READ_ONLY };

  it('shows the document read-only with its version and the data date', async () => {
    const source = await loadAwsManagedPolicies();
    const version = source.get(READ_ONLY)!;
    const shown = resolvePolicySource(design, ref, { status: 'loaded', source });
    expect(shown?.document).toEqual(version.document);
    expect(shown?.readOnly).toBe(true);
    expect(shown?.title).toBe(`AmazonS3ReadOnlyAccess · AWS managed policy ${version.versionId}`);
    expect(shown?.note).toContain(`Default version ${version.versionId} as of ${source.dataDate}`);
    expect(shown?.roleIds).toEqual(['role-viewers']);
  });

  it('shows no document while loading, nor for an ARN the data does not know', async () => {
    expect(resolvePolicySource(design, ref, { status: 'loading' })?.document).toBeUndefined();
    const source = await loadAwsManagedPolicies();
    const unknown = resolvePolicySource(
      design,
      { kind: 'awsManaged', arn: 'arn:aws:iam::aws:policy/NoSuchPolicyAnywhere' },
      { status: 'loaded', source },
    );
    expect(unknown?.document).toBeUndefined();
    expect(unknown?.note).toContain('is not in the AWS managed policy data');
  });
});
