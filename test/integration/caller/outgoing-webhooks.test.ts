import type { Client4 } from '@mattermost/client';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/shared/contract/exchange';
import { clientFor } from '../helpers/mattermost-client';
import { SYSADMIN, startTestCore, type TestCore } from '../helpers/test-core';

describe('outgoing webhooks calling a real integration on 127.0.0.1', () => {
  let server: TestCore;
  let client: Client4;
  let integration: Server;
  let integrationUrl: string;
  let channelId: string;
  let teamId: string;
  let answer = '{"text":"pong"}';

  beforeAll(async () => {
    server = await startTestCore();
    integration = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer));
    });
    await new Promise<void>((resolve) => integration.listen(0, '127.0.0.1', resolve));
    integrationUrl = `http://127.0.0.1:${(integration.address() as AddressInfo).port}`;
  });
  beforeEach(async () => {
    await server.control('/workspace/reset', { method: 'POST', body: '{"exchanges":true}' });
    client = await clientFor(server.url, SYSADMIN.username, SYSADMIN.password);
    const channel = await client.getChannelByNameAndTeamName('dev', 'off-topic');
    channelId = channel.id;
    teamId = channel.team_id;
  });
  afterAll(async () => {
    integration.close();
    await server.stop();
  });

  const hook = (word: string, url: string) =>
    client.createOutgoingWebhook({ team_id: teamId, channel_id: channelId, trigger_words: [word], callback_urls: [url] } as never);
  const outbound = async (): Promise<Exchange> => {
    const find = async () =>
      ((await (await server.control('/exchanges?limit=20')).json()) as Exchange[]).find((e) => e.direction === 'outbound');
    await expect.poll(find).toBeDefined();
    return (await find())!;
  };

  it('posts the reply as the hook creator and warns that a fresh Mattermost would refuse loopback', async () => {
    answer = '{"text":"pong"}';
    await hook('ping', `${integrationUrl}/hook`);
    const trigger = await client.createPost({ channel_id: channelId, message: 'ping please' } as never);
    await expect.poll(async () => (await client.getPosts(channelId)).order.length).toBe(2);
    const list = await client.getPosts(channelId);
    expect(list.posts[list.order[0]!]).toMatchObject({ message: 'pong', props: { from_webhook: 'true' } });
    const call = await outbound();
    expect(call).toMatchObject({ kind: 'outgoing_webhook', status: 200, post_id: trigger.id });
    expect(call.diagnosis.map((d) => d.message).join(' ')).toMatch(/A default Mattermost would refuse this call/);
  });

  it('explains a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise((resolve) => closed.close(resolve));
    await hook('deploy', deadUrl);
    await client.createPost({ channel_id: channelId, message: 'deploy now' } as never);
    const call = await outbound();
    expect(call.status).toBeNull();
    expect(call.diagnosis[0]).toMatchObject({ code: 'G29', message: expect.stringMatching(/Connection refused/) });
  });

  it('refuses loopback as a fresh Mattermost does, and says which setting allows it', async () => {
    await client.patchConfig({ ServiceSettings: { AllowedUntrustedInternalConnections: '' } } as never);
    answer = '{"text":"should never be posted"}';
    await hook('go', `${integrationUrl}/x`);
    await client.createPost({ channel_id: channelId, message: 'go' } as never);
    const call = await outbound();
    expect(call.error).toMatch(/^address forbidden, you may need to set AllowedUntrustedInternalConnections/);
    expect(call.diagnosis[0]).toMatchObject({ code: 'G20', fix: expect.stringMatching(/127\.0\.0\.1\/32/) });
    expect((await client.getPosts(channelId)).order).toHaveLength(1);
  });

  it('says why an answer made no reply', async () => {
    answer = 'not json at all';
    await hook('ask', `${integrationUrl}/x`);
    await client.createPost({ channel_id: channelId, message: 'ask it' } as never);
    await expect.poll(async () => (await outbound()).diagnosis.map((d) => d.code)).toContain('G15');
  });
});
