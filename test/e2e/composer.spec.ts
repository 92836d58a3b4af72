import type { Client4 } from '@mattermost/client';
import type { ServeProcess } from '../helpers/serve-process';
import { replaceMonacoText } from './helpers/monaco';
import { serveWithHook } from './helpers/serve-with-hook';
import { expect, test } from '@playwright/test';

let serve: ServeProcess;
let client: Client4;
let channelId: string;

test.beforeAll(async () => {
  ({ serve, client, channelId } = await serveWithHook());
});
test.afterAll(() => serve.cleanup());

const replaceText = (page: import('@playwright/test').Page, text: string) => replaceMonacoText(page, '#composer-editor', text);

test('Monaco edits a payload, the preview follows as you type, and Send posts it to the hook', async ({ page }) => {
  await page.goto(`${serve.url}/_mockmost/composer`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(page.locator('#composer-preview strong').first()).toHaveText('#42');

  await replaceText(page, '{"text": "Hello **composer** :tada:", "attachments": [{"color": "danger", "title": "Alert"}]}');
  await expect(page.locator('#composer-preview .post-message__text strong')).toHaveText('composer');
  await expect(page.locator('#composer-preview .attachment__container--danger .attachment__title')).toHaveText('Alert');

  await expect(page.locator('#composer-hook')).not.toHaveValue('');
  await page.locator('#composer-send').click();
  await expect(page.locator('#composer-result')).toHaveText('HTTP 200: ok');
  const posts = await client.getPosts(channelId, 0, 1);
  const postId = posts.order[0]!;
  expect(posts.posts[postId]!.message).toBe('Hello **composer** :tada:');
  // And the channel shows it as the preview did.
  await page.locator('#channelsLink').click();
  await expect(page.locator(`#postMessageText_${postId} strong`)).toHaveText('composer');
  await expect(page.locator(`#post_${postId} .attachment__container--danger .attachment__title`)).toHaveText('Alert');
});

test("names Mattermost's rules: schema errors in Monaco, silent rules in the findings", async ({ page }) => {
  await page.goto(`${serve.url}/_mockmost/composer`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await replaceText(
    page,
    '{"txt": "typo", "attachments": [{"actions": [{"id": "ok_1", "name": "Go", "integration": {"url": "http://127.0.0.1:9"}}], "fields": [{"title": "a", "short": "yes"}]}]}',
  );
  await expect(page.locator('#composer-findings')).toContainText('outside [A-Za-z0-9]');
  await expect(page.locator('#composer-findings')).toContainText('rejects the whole payload');
  // The JSON Schema marks the unknown key in the editor.
  await expect(page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 10_000 });

  await replaceText(page, '{"text": ');
  await expect(page.locator('#composer-json-error')).toContainText('Not valid JSON');
});

test('switching to a dialog shows the dialog and checks its rules', async ({ page }) => {
  await page.goto(`${serve.url}/_mockmost/composer`);
  await page.locator('#composer-kind').selectOption('dialog');
  await expect(page.locator('#composer-preview .modal-title')).toHaveText('Feedback');
  await replaceText(
    page,
    '{"trigger_id": "x", "url": "http://127.0.0.1:9", "dialog": {"title": "A title that is far too long for Mattermost", "elements": []}}',
  );
  await expect(page.locator('#composer-findings')).toContainText('title must be 1 to 24 bytes');
});

test('while the text of a large payload is not JSON, the last preview stays, dimmed, and follows again when it is', async ({ page }) => {
  await page.goto(`${serve.url}/_mockmost/composer`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  const text = 'A line with **bold** and :tada:. '.repeat(200);
  await replaceText(page, JSON.stringify({ text: `${text}THE END`, attachments: [{ title: 'Attached', text: 'below' }] }));
  const preview = page.locator('#composer-preview');
  await expect(preview.locator('.post-message__text strong')).toHaveCount(200);
  await expect(preview.locator('.post-message__text')).toContainText('THE END');
  await expect(preview.locator('.attachment__title')).toHaveText('Attached');

  // An edit at the start of the text.
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < '{"text":"'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('Zebra ');
  await expect(preview.locator('.post-message__text')).toContainText('Zebra A line');

  // Broken, then mended: the preview is kept (dimmed) rather than dropped and rebuilt.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(',');
  await expect(page.locator('#composer-json-error')).toContainText('Not valid JSON');
  await expect(preview).toHaveClass(/composer__preview--stale/);
  await expect(preview.locator('.post-message__text')).toContainText('Zebra A line');
  await page.keyboard.press('Backspace');
  await expect(page.locator('#composer-json-error')).toHaveCount(0);
  await expect(preview).not.toHaveClass(/composer__preview--stale/);
});
