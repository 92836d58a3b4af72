import type { Page } from '@playwright/test';

/**
 * Replaces the text of the Monaco editor inside `root` as a user pasting it would: typed-in
 * text (Playwright's insertText) reaches Monaco a character at a time, and its auto-closing of
 * brackets and quotes then adds characters of its own.
 */
export async function replaceMonacoText(page: Page, root: string, text: string): Promise<void> {
  await page.locator(`${root} .monaco-editor .view-lines`).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}
