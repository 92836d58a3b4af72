import { Client4 } from '@mattermost/client';
import { expect, test } from '@playwright/test';
import { DEFAULT_SEED } from '../../src/main/workspace/default-seed';
import type { ServeProcess } from '../helpers/serve-process';
import { replaceMonacoText } from './helpers/monaco';
import { serveWithHook } from './helpers/serve-with-hook';

let serve: ServeProcess;
let client: Client4;

test.beforeAll(async () => {
  ({ serve, client } = await serveWithHook());
});
test.afterAll(() => serve.cleanup());

const relogin = async () => {
  client = new Client4();
  client.setUrl(serve.url);
  await client.login('sysadmin', 'Sys@dmin-sample1');
};

test('the settings page shows where Mockmost listens and stores, and sets how much history to keep', async ({ page }) => {
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await page.locator('#settingsLink').click();
  await expect(page).toHaveURL(/\/_mockmost\/settings$/);
  await expect(page.locator('#settingsUrl')).toHaveText(serve.url);
  await expect(page.locator('#settingsDataDir')).toHaveText(serve.dataDir);
  await expect(page.locator('#keepInEffect')).toHaveText('everything');

  await page.locator('#keepRule').fill('forever');
  await page.locator('#saveKeep').click();
  await expect(page.locator('#keepError')).toContainText('keep takes a number of exchanges');
  await page.locator('#keepRule').fill('7d');
  await page.locator('#saveKeep').click();
  await expect(page.locator('#keepInEffect')).toHaveText('7d');
  await page.reload();
  await expect(page.locator('#keepInEffect')).toHaveText('7d');
  await page.locator('#keepEverything').click();
  await expect(page.locator('#keepInEffect')).toHaveText('everything');
});

test("Mattermost's integration settings are switched through the real config API", async ({ page }) => {
  await page.goto(`${serve.url}/_mockmost/settings`);
  const override = page.locator('#config_EnablePostUsernameOverride');
  await expect(override).not.toBeChecked();
  // The box follows the server's answer, not the click.
  await override.click();
  await expect(override).toBeChecked();
  await expect(page.locator('#configSaved')).toContainText('override usernames');
  expect((await client.getConfig()).ServiceSettings.EnablePostUsernameOverride).toBe(true);

  const timeout = page.locator('#config_OutgoingIntegrationRequestsTimeout');
  await expect(timeout).toHaveValue('30');
  await timeout.fill('soon');
  await timeout.press('Enter');
  await expect(page.locator('#configError')).toContainText('must be a whole number');
  await timeout.fill('5');
  await timeout.press('Enter');
  await expect(page.locator('#configSaved')).toContainText('timeout');
  expect((await client.getConfig()).ServiceSettings.OutgoingIntegrationRequestsTimeout).toBe(5);
});

test('a seed edited in Monaco is saved and the workspace reset with it; broken seeds are refused with the field named', async ({
  page,
}) => {
  await page.goto(`${serve.url}/_mockmost/settings`);
  await expect(page.locator('#seedSource')).toHaveText('the built-in seed');
  await expect(page.locator('#seedEditor .view-lines')).toContainText('"display_name": "Dev Team"');

  const seed = {
    ...DEFAULT_SEED,
    commands: [
      {
        key: 'deploy',
        token: 'deploytoken000000000000000',
        team: 'dev',
        creator: 'nobody',
        trigger: 'deploy',
        url: 'http://127.0.0.1:9/deploy',
      },
    ],
  };
  await replaceMonacoText(page, '#seedEditor', JSON.stringify(seed, null, 2));
  await page.locator('#applySeed').click();
  await page.locator('#seedConfirm').click();
  await expect(page.locator('#seedError')).toHaveText('The seed is invalid: commands[0].creator: no user named nobody');

  await replaceMonacoText(
    page,
    '#seedEditor',
    JSON.stringify({ ...seed, commands: [{ ...seed.commands[0], creator: 'sysadmin' }] }, null, 2),
  );
  await page.locator('#applySeed').click();
  await expect(page.locator('.traffic__confirm')).toContainText('Every post, user, channel, hook and command is replaced');
  await page.locator('#seedConfirm').click();
  await expect(page.locator('#seedDone')).toHaveText('The workspace was reset.');
  await expect(page.locator('#seedSource')).toHaveText('the seed saved in the data dir');
  await relogin();
  const team = await client.getTeamByName('dev');
  const commands = await client.getCustomTeamCommands(team.id);
  expect(commands.map((c) => [c.trigger, c.token])).toEqual([['deploy', 'deploytoken000000000000000']]);

  await replaceMonacoText(page, '#seedEditor', '{"teams": [');
  await page.locator('#applySeed').click();
  await page.locator('#seedConfirm').click();
  await expect(page.locator('#seedError')).toContainText('The seed is not valid JSON');

  await page.locator('#builtinSeed').click();
  await page.locator('#seedConfirm').click();
  await expect(page.locator('#seedSource')).toHaveText('the built-in seed');
  await relogin();
  expect(await client.getCustomTeamCommands((await client.getTeamByName('dev')).id)).toEqual([]);

  // A plain reset, asked to delete the captured exchanges too.
  const teamBefore = (await client.getTeamByName('dev')).id;
  const townSquare = await client.getChannelByName(teamBefore, 'town-square');
  const hook = await client.createIncomingWebhook({ channel_id: townSquare.id, display_name: 'before reset' } as never);
  expect((await fetch(`${serve.url}/hooks/${hook.id}`, { method: 'POST', body: '{"text":"captured"}' })).status).toBe(200);
  const webhooks = async () =>
    (await (
      await fetch(`${serve.url}/_mockmost/api/exchanges?limit=10&kind=incoming_webhook`, {
        headers: { Authorization: `Bearer ${serve.token}` },
      })
    ).json()) as unknown[];
  expect(await webhooks()).toHaveLength(1);
  await page.locator('#resetExchanges').check();
  await page.locator('#resetWorkspace').click();
  await expect(page.locator('.traffic__confirm')).toContainText('and every captured exchange deleted');
  await page.locator('#seedConfirm').click();
  await expect(page.locator('#seedDone')).toHaveText('The workspace was reset.');
  await relogin();
  expect((await client.getTeamByName('dev')).id).not.toBe(teamBefore);
  expect(await webhooks()).toEqual([]);
});

test('with a seed that has no team dev, the start page, composer and integrations use its own team and channel', async ({
  page,
  request,
}) => {
  const seed = {
    teams: [{ name: 'acme', display_name: 'Acme' }],
    users: [{ username: 'boss', password: 'B0ss-password', roles: 'system_user system_admin', teams: ['acme'] }],
    channels: [
      { team: 'acme', name: 'alerts', display_name: 'Alerts', members: ['boss'] },
      { team: 'acme', name: 'general', display_name: 'General', members: ['boss'] },
    ],
  };
  const put = await request.put(`${serve.url}/_mockmost/api/workspace/seed`, {
    headers: { Authorization: `Bearer ${serve.token}` },
    data: { seed },
  });
  expect(put.status()).toBe(200);
  try {
    await page.goto(`${serve.url}/`);
    // No Town Square: the first public channel by name.
    await expect(page).toHaveURL(/\/acme\/channels\/alerts$/);
    await expect(page.locator('#channelHeaderTitle')).toHaveText('Alerts');
    await page.locator('#integrationsLink').click();
    await expect(page.locator('#settingsPage, .integrations h1').first()).toBeVisible();
    await expect(page.locator('.app-error')).toHaveCount(0);
    await page.locator('#channelsLink').click();
    await expect(page).toHaveURL(/\/acme\/channels\/alerts$/);
    await page.locator('#settingsLink').click();
    await expect(page.locator('#config_EnableCommands')).toBeChecked();
  } finally {
    await request.put(`${serve.url}/_mockmost/api/workspace/seed`, {
      headers: { Authorization: `Bearer ${serve.token}` },
      data: { seed: null },
    });
    await relogin();
  }
});
