import { Client4 } from '@mattermost/client';
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServe, type ServeProcess } from '../helpers/serve-process';

type Json = Record<string, unknown>;

let serve: ServeProcess;
let client: Client4;
let hookUrl: string;
let bot: Server;
let botUrl: string;
const received: { path: string; body: Json }[] = [];

/** An integration as people write them: buttons open a dialog, a menu choice answers in the thread. */
function startBot(): Promise<void> {
  bot = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Json;
      received.push({ path: req.url ?? '', body });
      const reply = async (): Promise<Json> => {
        if (req.url === '/open') {
          await fetch(`${serve.url}/api/v4/actions/dialogs/open`, {
            method: 'POST',
            body: JSON.stringify({
              trigger_id: body.trigger_id,
              url: `${botUrl}/submit`,
              dialog: { callback_id: 'deploy', title: 'Deploy', elements: [{ display_name: 'Version', name: 'version', type: 'text' }] },
            }),
          });
          return {};
        }
        if (req.url === '/submit') return (body.submission as Json).version ? {} : { errors: { version: 'Version is required' } };
        if (req.url === '/approve') return { update: { message: 'Approved by **@sysadmin** :white_check_mark:' } };
        return { ephemeral_text: `You picked ${String((body.context as Json | undefined)?.selected_option)}` };
      };
      void reply().then((answer) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
  });
  return new Promise((resolve) =>
    bot.listen(0, '127.0.0.1', () => {
      botUrl = `http://127.0.0.1:${(bot.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

test.beforeAll(async () => {
  serve = await startServe();
  await startBot();
  client = new Client4();
  client.setUrl(serve.url);
  await client.login('sysadmin', 'Sys@dmin-sample1');
  const channelId = (await client.getChannelByNameAndTeamName('dev', 'town-square')).id;
  hookUrl = `${serve.url}/hooks/${(await client.createIncomingWebhook({ channel_id: channelId, display_name: 'ui' } as never)).id}`;
});
test.afterAll(async () => {
  bot.closeAllConnections();
  bot.close();
  await serve.cleanup();
});

test('the message box posts as the chosen user and runs slash commands', async ({ page }) => {
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await page.locator('#mockmost-act-as').selectOption({ label: '@user-1' });
  await page.locator('#post_textbox').fill('hello from the UI');
  await page.locator('#post_textbox').press('Enter');
  const post = page.locator('[data-testid="postView"]', { hasText: 'hello from the UI' });
  await expect(post.locator('button.user-popover')).toHaveText('user-1');

  await page.locator('#post_textbox').fill('/sh');
  await expect(page.locator('#suggestionList')).toContainText('/shrug');
  await page.locator('#post_textbox').fill('/shrug ok');
  await page.locator('#post_textbox').press('Enter');
  await expect(page.locator('.post-message__text', { hasText: 'ok ¯\\_(ツ)_/¯' })).toBeVisible();

  await page.locator('#post_textbox').fill('/nosuchcommand');
  await page.locator('#post_textbox').press('Enter');
  await expect(page.locator('.post-create-message')).toContainText("Command with a trigger of 'nosuchcommand' not found.");
});

test('a button opens the integration dialog; field errors show and a good submission closes it', async ({ page }) => {
  await fetch(hookUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      text: 'Ready?',
      attachments: [{ actions: [{ id: 'deploy', name: 'Deploy', integration: { url: `${botUrl}/open` } }] }],
    }),
  });
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await page.locator('button[data-action-id="deploy"]').last().click();
  const dialog = page.locator('#interactiveDialogModal');
  await expect(dialog.locator('#interactiveDialogModalLabel')).toHaveText('Deploy');
  await dialog.locator('#interactiveDialogSubmit').click();
  await expect(dialog.locator('.has-error .control-label')).toHaveText('Version is required');
  await dialog.locator('#dialogElement_version').fill('1.2.3');
  await dialog.locator('#interactiveDialogSubmit').click();
  await expect(dialog).toHaveCount(0);
  expect(received.at(-1)).toMatchObject({ path: '/submit', body: { type: 'dialog_submission', submission: { version: '1.2.3' } } });
});

test('a menu choice reaches the integration and its ephemeral answer shows only to the viewer', async ({ page }) => {
  await fetch(hookUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      attachments: [
        {
          text: 'Pick',
          actions: [
            {
              id: 'env',
              name: 'Environment',
              type: 'select',
              options: [
                { text: 'Staging', value: 'stg' },
                { text: 'Production', value: 'prod' },
              ],
              integration: { url: `${botUrl}/pick` },
            },
          ],
        },
      ],
    }),
  });
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const menu = page.locator('input[placeholder="Environment"]').last();
  await menu.click();
  await page.locator('#suggestionList [role="option"]', { hasText: 'Production' }).click();
  await expect(menu).toHaveValue('Production');
  const ephemeral = page.locator('[data-testid="postView"]', { hasText: 'You picked prod' });
  await expect(ephemeral.locator('.post__visibility')).toHaveText('(Only visible to you)');
});

test('a click whose answer updates the post changes it in the channel, marked edited', async ({ page }) => {
  await fetch(hookUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      text: 'Release 2.0?',
      attachments: [{ actions: [{ id: 'approve', name: 'Approve', integration: { url: `${botUrl}/approve` } }] }],
    }),
  });
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const post = page.locator('[data-testid="postView"]', { hasText: 'Release 2.0?' });
  await post.locator('button[data-action-id="approve"]').click();
  const updated = page.locator('[data-testid="postView"]', { hasText: 'Approved by' });
  await expect(updated.locator('.post-message__text strong')).toHaveText('@sysadmin');
  await expect(updated.locator('.post-edited__indicator')).toHaveText('Edited');
  // Without props in the update, the buttons stay (server/channels/app/integration_action.go: DoPostActionWithCookie).
  await expect(updated.locator('button[data-action-id="approve"]')).toHaveCount(1);
});

test('a failing integration shows "Action integration error." in the attachment', async ({ page }) => {
  await fetch(hookUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      attachments: [{ text: 'Down', actions: [{ id: 'down', name: 'Try', integration: { url: 'http://127.0.0.1:9/x' } }] }],
    }),
  });
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await page.locator('button[data-action-id="down"]').last().click();
  await expect(page.locator('.attachment .has-error .control-label').last()).toHaveText('Action integration error.');
});
