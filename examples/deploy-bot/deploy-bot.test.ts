// The deploy bot's own test suite, written against Mockmost's testing library as a user would.
import { startMockmost, type Mockmost } from 'mockmost';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDeployBot } from './bot.mjs';

let mm: Mockmost;
let bot: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  mm = await startMockmost();
  // The bot posts under its own name, which Mattermost ignores unless the override is on.
  await mm.setup.config({ ServiceSettings: { EnablePostUsernameOverride: true } });
  const hook = await mm.setup.incomingHook({ channel: 'town-square' });
  bot = await startDeployBot({ mattermostUrl: mm.url, incomingHookUrl: hook.url });
  await mm.setup.command({ trigger: 'deploy', url: `${bot.url}/command` });
  await mm.setup.outgoingHook({ channel: 'town-square', triggerWords: ['status'], callbackUrls: [`${bot.url}/outgoing`] });
});
afterAll(async () => {
  await bot?.stop();
  await mm?.stop();
});

it('asks for approval, and deploys with the reason given in the dialog', async () => {
  const alice = mm.as('user-1');
  await alice.runCommand('town-square', '/deploy prod');
  const request = await mm.waitForPost({ attachment: 'Deploy prod?' }, { channel: 'town-square' });

  const clicked = await alice.click(request, 'Approve');
  expect(clicked.post.message).toBe('Approved by @user-1 (prod)');

  const dialog = await alice.dialog();
  expect(dialog.dialog.title).toBe('Deploy prod');
  expect((await dialog.submit({ reason: '' })).response).toEqual({ errors: { reason: 'Say why.' } });
  await dialog.submit({ reason: 'hotfix 1.2.3' });
  await mm.waitForPost({ message: 'Deploying prod: hotfix 1.2.3', overrideName: 'deploy-bot' });
  await mm.expectNoDiagnosis();
});

it('answers "status" in the channel', async () => {
  await mm.as('user-1').post('town-square', 'status please');
  const answer = await mm.waitForPost({ message: 'all systems go' });
  expect(answer.root_id).toBe('');
});
