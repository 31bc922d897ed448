// A matrix cell's explanation names its deciding statements, each mapped to the policy document
// the policy editor opens (openPolicy's PolicyTarget), at the statement's JSON path.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';
import { explainCell, statementTarget } from '../../../src-renderer/matrix/explain';

const MEDIA = 'arn:aws:s3:::photo-sharing-media-111122223333';
const NOW = '2026-03-01T12:00:00.000Z';

function photoSharing(): DesignDocument {
  const loaded = loadDesign(
    readFileSync(
      new URL('../../../assets/examples/photo-sharing.cognito-design.json', import.meta.url),
      'utf8',
    ),
  );
  if (!loaded.ok) throw new Error('photo-sharing does not load');
  return loaded.design;
}

function targets(design: DesignDocument, persona: string, action: string, resource: string) {
  const explanation = explainCell(design, persona, action, resource, NOW);
  if (!explanation?.decision) throw new Error('no decision');
  return explanation.decision.decidingStatements.map((statement) =>
    statementTarget(design, explanation.simulation, statement),
  );
}

describe('matrix cell explanation', () => {
  const design = photoSharing();

  it('maps an inline policy statement to the role and policy name', () => {
    expect(targets(design, 'persona-carol', 's3:GetObject', `${MEDIA}/public/cat.jpg`)).toEqual([
      {
        policy: { kind: 'inline', roleId: 'role-viewers', policyName: 'PublicGalleryRead' },
        jsonPath: '$.Statement[0]',
      },
    ]);
  });

  it('maps a customer managed policy statement to the managed policy', () => {
    const bob = explainCell(design, 'persona-bob', 's3:PutObject', 'x', NOW);
    if (bob?.simulation.outcome !== 'credentials') throw new Error('no credentials');
    const own = `${MEDIA}/private/${bob.simulation.identityId}/cat.jpg`;
    expect(targets(design, 'persona-bob', 's3:PutObject', own)).toEqual([
      { policy: { kind: 'managed', policyId: 'policy-per-user-storage' }, jsonPath: '$.Statement[1]' },
    ]);
  });

  it('maps the guest scope-down session policies to the pool and to the AWS managed policy', () => {
    const mapped = targets(design, 'persona-guest', 's3:GetObject', `${MEDIA}/public/cat.jpg`);
    expect(mapped).toContainEqual({
      policy: { kind: 'inline', roleId: 'role-guest', policyName: 'PublicGalleryRead' },
      jsonPath: '$.Statement[0]',
    });
    const kinds = mapped.map((target) => target?.policy.kind);
    expect(kinds.every((kind) => kind !== undefined)).toBe(true);
  });

  it('explains a persona without credentials with the AWS error and no decision', () => {
    const noGuests = {
      ...design,
      identityPools: design.identityPools.map((pool) => ({ ...pool, allowUnauthenticated: false })),
    };
    const explanation = explainCell(
      noGuests,
      'persona-guest',
      's3:GetObject',
      `${MEDIA}/public/cat.jpg`,
      NOW,
    );
    expect(explanation?.simulation.outcome).toBe('error');
    expect(explanation?.decision).toBeUndefined();
  });
});
