import type { Client4 } from '@mattermost/client';
import type { ServeProcess } from '../helpers/serve-process';
import { serveWithHook } from './helpers/serve-with-hook';
import { expect, test } from '@playwright/test';
import { IncomingWebhook } from '@slack/webhook';

let serve: ServeProcess;
let client: Client4;
let hookId: string;
let channelId: string;

test.beforeAll(async () => {
  ({ serve, client, hookId, channelId } = await serveWithHook());
});
test.afterAll(() => serve.cleanup());

const newestPostId = async () => (await client.getPosts(channelId, 0, 1)).order[0]!;

test('a webhook post sent with @slack/webhook shows in the channel view', async ({ page }) => {
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'Build #42 passed' });
  const postId = await newestPostId();
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const post = page.locator(`#post_${postId}`);
  await expect(post).toBeVisible();
  await expect(post).toHaveAttribute('role', 'listitem');
  await expect(page.locator(`#postMessageText_${postId}`)).toHaveText('Build #42 passed');
  await expect(post.locator('.col__name .BotTag')).toHaveText('BOT');
  await expect(page.locator('#channelHeaderTitle')).toHaveText('Town Square');
});

test('posts arrive live, without a reload', async ({ page }) => {
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await expect(page.locator('#channelHeaderTitle')).toHaveText('Town Square');
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'live <b>not bold</b>' });
  const postId = await newestPostId();
  await expect(page.locator(`#postMessageText_${postId}`)).toHaveText('live <b>not bold</b>');
  await expect(page.locator(`#postMessageText_${postId} b`)).toHaveCount(0);
});

test('the sidebar switches channels within the page', async ({ page }) => {
  await page.goto(`${serve.url}/`);
  await expect(page).toHaveURL(/\/dev\/channels\/town-square$/);
  await page.locator('#sidebarItem_off-topic').click();
  await expect(page).toHaveURL(/\/dev\/channels\/off-topic$/);
  await expect(page.locator('#channelHeaderTitle')).toHaveText('Off-Topic');
});

test('code blocks in known languages are highlighted, as text only', async ({ page }) => {
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: '```javascript\nconst a = "<b>1</b>"; // note\n```' });
  const postId = await newestPostId();
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const code = page.locator(`#postMessageText_${postId} .hljs code`);
  await expect(code.locator('.hljs-keyword')).toHaveText('const');
  await expect(code.locator('.hljs-string')).toHaveText('"<b>1</b>"');
  await expect(code.locator('.hljs-comment')).toHaveText('// note');
  await expect(code).toHaveText('const a = "<b>1</b>"; // note');
  await expect(code.locator('b')).toHaveCount(0);
});
