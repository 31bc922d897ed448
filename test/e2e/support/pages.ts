// Page objects: the test reads like a user story (canvas.addNode('identityPool'),
// inspector.set('Name', …)) instead of selectors.

import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './app-server';

type NodeKind = 'provider' | 'userPool' | 'identityPool' | 'role' | 'managedPolicy';

export class CanvasPage {
  constructor(private readonly page: Page) {}

  node(name: string): Locator {
    return this.page
      .locator('.react-flow__node')
      .filter({ has: this.page.locator('.node__title', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
  }

  nodesOfKind(kind: NodeKind): Locator {
    return this.page.locator(`.react-flow__node-${kind}`);
  }

  async addNode(kind: Exclude<NodeKind, 'provider'>): Promise<void> {
    await this.page.getByTestId(`palette-${kind}`).click();
  }

  async addProvider(
    kind: 'saml' | 'oidc' | 'google' | 'facebook' | 'amazon' | 'apple' | 'twitter' | 'developer',
  ): Promise<void> {
    await this.page.getByTestId('palette-provider').click();
    await this.page.getByTestId(`palette-provider-${kind}`).click();
  }

  async select(name: string): Promise<void> {
    await this.node(name).locator('.node__header').click();
  }

  /** Drags from a handle of one node to the input handle of another, as a user would. */
  async connect(fromName: string, fromHandle: string, toName: string, toHandle: string): Promise<void> {
    const source = this.node(fromName).locator(`.react-flow__handle[data-handleid="${fromHandle}"]`);
    const target = this.node(toName).locator(`.react-flow__handle[data-handleid="${toHandle}"]`);
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to)
      throw new Error(`handle not visible: ${fromName}/${fromHandle} → ${toName}/${toHandle}`);
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await this.page.mouse.up();
  }

  edgeLabels(): Locator {
    return this.page.getByTestId('edge-label');
  }

  /** The label of an edge by its full text (narrow gaps show a shortened label; the full text stays in the tooltip). */
  edgeLabel(fullText: string): Locator {
    return this.page.locator(`[data-testid="edge-label"][data-label="${fullText.replace(/"/g, '\\"')}"]`);
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search nodes').fill(text);
    await this.page.getByLabel('Search nodes').press('Enter');
  }

  async autoLayout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Auto layout' }).click();
  }
}

export class InspectorPage {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('inspector');
  }

  /** Types into a field by its label and commits it (Enter), like a user finishing an edit. */
  async set(label: string, value: string, within: Locator = this.root): Promise<void> {
    const field = within.getByLabel(label, { exact: true }).first();
    await field.fill(value);
    await field.press('Enter');
  }

  async choose(label: string, option: string, within: Locator = this.root): Promise<void> {
    await within.getByLabel(label, { exact: true }).first().selectOption({ label: option });
  }

  rules(): Locator {
    return this.root.getByTestId('rule');
  }

  async ruleSummaries(): Promise<string[]> {
    return this.rules().evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  }
}

/** The simulator docked under the canvas. */
export class SimulatorPage {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('simulator');
  }

  async chooseIdentity(label: string): Promise<void> {
    await this.root.getByLabel('Identity', { exact: true }).selectOption({ label });
  }

  /** Adds a claim (or SAML attribute) row and fills it in. */
  async addClaim(name: string, value: string, noun: 'claim' | 'attribute' = 'claim'): Promise<void> {
    await this.root.getByRole('button', { name: `Add ${noun}` }).click();
    const count = await this.root.getByLabel(new RegExp(`^${noun} \\d+ name$`)).count();
    await this.root.getByLabel(`${noun} ${count} name`, { exact: true }).fill(name);
    await this.root.getByLabel(`${noun} ${count} value`, { exact: true }).fill(value);
  }

  async setRequest(index: number, action: string, resource: string): Promise<void> {
    await this.root.getByLabel(`Request ${index} action`, { exact: true }).fill(action);
    await this.root.getByLabel(`Request ${index} resource`, { exact: true }).fill(resource);
  }

  request(index: number): Locator {
    return this.root.getByTestId('sim-request').nth(index - 1);
  }

  credentials(): Locator {
    return this.root.getByTestId('sim-credentials');
  }

  error(): Locator {
    return this.root.getByTestId('sim-error');
  }

  traceStep(id: string): Locator {
    return this.root.locator(`[data-testid="sim-trace-step"][data-step="${id}"]`);
  }

  personaSelect(): Locator {
    return this.root.getByLabel('Persona', { exact: true });
  }

  async choosePersona(name: string): Promise<void> {
    await this.personaSelect().selectOption({ label: name });
  }

  async personaNames(): Promise<string[]> {
    return this.personaSelect()
      .locator('option')
      .evaluateAll((options) => options.map((option) => option.textContent ?? '').slice(1));
  }

  async personaAction(
    action: 'Save as new persona' | 'Update persona' | 'Duplicate' | 'Delete',
    name?: string,
  ): Promise<void> {
    if (name !== undefined) await this.root.getByLabel('Persona name', { exact: true }).fill(name);
    await this.root.getByRole('button', { name: action, exact: true }).click();
  }
}

export class AppPage {
  readonly canvas: CanvasPage;
  readonly inspector: InspectorPage;
  readonly simulator: SimulatorPage;

  constructor(readonly page: Page) {
    this.canvas = new CanvasPage(page);
    this.inspector = new InspectorPage(page);
    this.simulator = new SimulatorPage(page);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.locator('.react-flow__node').first()).toBeVisible();
  }

  async menu(title: string, item: string): Promise<void> {
    await this.page.getByRole('menubar').getByRole('menuitem', { name: title, exact: true }).click();
    await this.page.getByRole('menu', { name: title }).getByRole('menuitem', { name: item }).click();
  }

  /** View › Fit to Window, then waits for the zoom animation to finish. */
  async fitView(): Promise<void> {
    await this.menu('View', 'Fit to Window');
    await this.page.waitForTimeout(450);
  }

  /** Browser mode's file browser (File › Open): picks `name` in the workspace folder and opens it. */
  async openFromWorkspace(name: string): Promise<void> {
    const browser = this.page.getByTestId('file-browser');
    await browser.getByRole('button', { name: new RegExp(`${escapeRegExp(name)}$`) }).click();
    await browser.getByRole('button', { name: 'Open', exact: true }).click();
  }

  notices(): Locator {
    return this.page.getByTestId('notice');
  }

  /** Whether leaving the page (reload, close) would ask first: its beforeunload handler cancels. */
  async leavingAsks(): Promise<boolean> {
    return this.page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
  }

  async pressShortcut(keys: string): Promise<void> {
    await this.page.locator('body').press(keys);
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMedia({ colorScheme: theme });
  }

  /** Keeps a screenshot of the current view under test-results/screenshots/ (design.md §10). */
  async screenshot(name: string): Promise<void> {
    const directory = join(repositoryRoot, 'test-results', 'screenshots');
    mkdirSync(directory, { recursive: true });
    await this.page.waitForTimeout(250);
    await this.page.screenshot({ path: join(directory, `${name}.png`) });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
