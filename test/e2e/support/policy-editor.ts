// Page object of the policy editor (Monaco): typing, completion, markers by line, quick fixes.

import { expect, type Locator, type Page } from '@playwright/test';

export class PolicyEditorPage {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('policy-editor');
  }

  suggestions(): Locator {
    // Monaco may place its widgets outside the editor element (fixed overflow widgets).
    return this.page.locator('.suggest-widget.visible .monaco-list-row');
  }

  suggestion(label: string): Locator {
    return this.suggestions().filter({ has: this.page.locator('.label-name', { hasText: label }) });
  }

  /** The document text as shown (Monaco renders spaces as no-break spaces). */
  async text(): Promise<string> {
    const lines = await this.root.locator('.view-lines .view-line').evaluateAll((elements) =>
      elements
        .map((element) => ({
          top: parseFloat((element as HTMLElement).style.top),
          text: element.textContent ?? '',
        }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text.replace(/\u00a0/g, ' ')),
    );
    return lines.join('\n');
  }

  /** Text of the lines carrying a marker of the given kind (`error`, `warning`, `info`). */
  async markedLines(kind: 'error' | 'warning' | 'info'): Promise<string[]> {
    return this.root.locator('.monaco-editor').evaluate((editor, squiggle) => {
      const tops = new Set(
        [...editor.querySelectorAll(`.view-overlays .squiggly-${squiggle}`)].map(
          (element) => (element.parentElement as HTMLElement).style.top,
        ),
      );
      return [...editor.querySelectorAll('.view-lines .view-line')]
        .filter((line) => tops.has((line as HTMLElement).style.top))
        .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ').trim());
    }, kind);
  }

  async focus(): Promise<void> {
    await this.root.locator('.view-lines').click();
  }

  /** Replaces the whole text by pasting it (a paste event with the text, as the clipboard delivers it). */
  async replaceText(text: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.evaluate((pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  /** Puts the cursor at the end of the first line holding this text. */
  async cursorAfterLine(text: string, which: 'first' | 'last' = 'first'): Promise<void> {
    await this.clickToken(text, which);
    await this.page.keyboard.press('End');
  }

  /** Clicks into the middle of the first token with this exact text. */
  async clickToken(text: string, which: 'first' | 'last' = 'first'): Promise<void> {
    const tokens = this.root.locator('.view-lines span span', { hasText: text });
    const token = which === 'first' ? tokens.first() : tokens.last();
    // The model may hold the text a frame before Monaco draws its line, and Monaco redraws its
    // lines (a theme change, a layout) by replacing their elements: retry until a drawn token is hit.
    await expect(async () => {
      const box = await token.boundingBox();
      if (!box) throw new Error(`token not drawn: ${text}`);
      await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    }).toPass({ timeout: 10_000 });
  }

  /** Selects a whole word (double click) and types over it. */
  async retype(word: string, replacement: string): Promise<void> {
    const token = this.root.locator('.view-lines span span', { hasText: word }).first();
    await token.dblclick();
    await this.page.keyboard.insertText(replacement);
  }

  async expectSuggestion(label: string): Promise<void> {
    await expect(this.suggestion(label).first()).toBeVisible();
  }
}
