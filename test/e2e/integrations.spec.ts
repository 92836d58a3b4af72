import type { Client4 } from '@mattermost/client';
import type { ServeProcess } from '../helpers/serve-process';
import { serveWithHook } from './helpers/serve-with-hook';
import type { IncomingWebhook } from '@mattermost/types/integrations';
import { expect, test } from '@playwright/test';

let serve: ServeProcess;
let client: Client4;

test.beforeAll(async () => {
  ({ serve, client } = await serveWithHook());
});
test.afterAll(() => serve.cleanup());

test('creates, edits and deletes hooks and commands, renews tokens, and shows the URL and tokens to paste', async ({ page }) => {
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await page.locator('#integrationsLink').click();
  await expect(page).toHaveURL(/\/_mockmost\/integrations$/);
  const team = await client.getTeamByName('dev');

  const incoming = async () => (await client.getIncomingWebhooks(team.id)) as IncomingWebhook[];
  const before = await incoming();
  await page.locator('#incomingWebhooks button[type="submit"]').click();
  await expect(page.locator('#incomingWebhooks tr')).toHaveCount(before.length + 1);
  const hooks = await incoming();
  const created = hooks.find((h) => !before.some((b) => b.id === h.id))!;
  expect(created.display_name).toBe('New hook');
  await expect(page.locator(`#incomingWebhooks tr[data-hook-id="${created.id}"] code`)).toHaveText(`${serve.url}/hooks/${created.id}`);
  // The URL works as shown.
  expect(
    (await fetch(`${serve.url}/hooks/${created.id}`, { method: 'POST', body: JSON.stringify({ text: 'via the shown URL' }) })).status,
  ).toBe(200);

  await page.locator('#slashCommands input[aria-label="Trigger"]').fill('deploy');
  await page.locator('#slashCommands button[type="submit"]').click();
  // The click's request may still be on its way: wait for the row before asking the API.
  await expect(page.locator('#slashCommands tr[data-command-id]')).toHaveCount(1);
  const command = (await client.getCommandsList(team.id)).find((c) => c.trigger === 'deploy')!;
  await expect(page.locator(`#slashCommands tr[data-command-id="${command.id}"] code`)).toHaveText(command.token);

  await page.locator('#outgoingWebhooks button[type="submit"]').click();
  await expect(page.locator('#outgoingWebhooks tr[data-hook-id]')).toHaveCount(1);
  const outgoing = (await client.getOutgoingWebhooks('', team.id))[0]!;
  await expect(page.locator(`#outgoingWebhooks tr[data-hook-id="${outgoing.id}"] code`)).toHaveText(outgoing.token);

  // Edited in place, through the same API.
  await page.locator(`#incomingWebhooks tr[data-hook-id="${created.id}"]`).getByRole('button', { name: 'Edit' }).click();
  await page.locator(`#incomingWebhooks tr[data-editing="${created.id}"] input[name="display_name"]`).fill('Renamed hook');
  await page.locator(`#incomingWebhooks tr[data-editing="${created.id}"]`).getByRole('button', { name: 'Save' }).click();
  await expect(page.locator(`#incomingWebhooks tr[data-hook-id="${created.id}"]`)).toContainText('Renamed hook');
  expect((await client.getIncomingWebhook(created.id)).display_name).toBe('Renamed hook');

  await page.locator(`#slashCommands tr[data-command-id="${command.id}"]`).getByRole('button', { name: 'Edit' }).click();
  await page.locator(`#slashCommands tr[data-editing="${command.id}"] input[name="url"]`).fill('http://127.0.0.1:4000/deploy-v2');
  await page.locator(`#slashCommands tr[data-editing="${command.id}"] select[name="method"]`).selectOption('G');
  await page.locator(`#slashCommands tr[data-editing="${command.id}"]`).getByRole('button', { name: 'Save' }).click();
  await expect(page.locator(`#slashCommands tr[data-command-id="${command.id}"]`)).toContainText('GET http://127.0.0.1:4000/deploy-v2');

  await page.locator(`#outgoingWebhooks tr[data-hook-id="${outgoing.id}"]`).getByRole('button', { name: 'New token' }).click();
  await expect(page.locator(`#outgoingWebhooks tr[data-hook-id="${outgoing.id}"] code`)).not.toHaveText(outgoing.token);

  await page.locator(`#incomingWebhooks tr[data-hook-id="${created.id}"]`).getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator(`#incomingWebhooks tr[data-hook-id="${created.id}"]`)).toHaveCount(0);
  await page.locator('#slashCommands input[aria-label="Trigger"]').fill('deploy');
  await page.locator('#slashCommands button[type="submit"]').click();
  await expect(page.locator('.integrations [role="alert"]')).toContainText('trigger');
});
