import type { Client4 } from '@mattermost/client';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/shared/contract/exchange';
import { clientFor } from '../helpers/mattermost-client';
import { SYSADMIN, startTestCore, type TestCore } from '../helpers/test-core';

describe('slash commands through @mattermost/client', () => {
  let server: TestCore;
  let client: Client4;
  let teamId: string;
  let channelId: string;

  beforeAll(async () => {
    server = await startTestCore();
    client = await clientFor(server.url, SYSADMIN.username, SYSADMIN.password);
    const channel = await client.getChannelByNameAndTeamName('dev', 'town-square');
    channelId = channel.id;
    teamId = channel.team_id;
  });
  afterAll(() => server.stop());

  const execute = (command: string) =>
    fetch(`${server.url}/api/v4/commands/execute`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${client.getToken()}` },
      body: JSON.stringify({ command, channel_id: channelId }),
    });

  it("answers Mattermost's opaque 500 for an integration that is down, and records why", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/cmd`;
    await new Promise((resolve) => closed.close(resolve));
    await client.addCommand({ team_id: teamId, trigger: 'down', method: 'P', url } as never);
    const response = await execute('/down now');
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      id: 'api.command.execute_command.failed.app_error',
      message: "Command with a trigger of 'down' failed.",
    });
    const exchanges = (await (await server.control('/exchanges?limit=5')).json()) as Exchange[];
    const outbound = exchanges.find((e) => e.direction === 'outbound')!;
    expect(outbound).toMatchObject({ kind: 'slash_command', status: null });
    expect(outbound.diagnosis[0]!.message).toMatch(/Connection refused/);
  });

  it('runs /me and /shrug as Mattermost does', async () => {
    const me = (await (await execute('/me waves')).json()) as { text: string; type: string };
    expect(me).toMatchObject({ response_type: 'in_channel', type: 'me', text: '*waves*' });
    const shrug = (await (await execute('/shrug ok')).json()) as { text: string };
    expect(shrug.text).toBe('ok ¯\\\\\\_(ツ)\\_/¯');
    const posts = await client.getPosts(channelId);
    expect(posts.posts[posts.order[0]!]!.message).toBe(shrug.text);
  });

  it('answers 500 create_post_failed when an answer cannot be posted, and still posts the others', async () => {
    const answers = [
      // The main answer names a system_ type; its extra response is fine.
      {
        response_type: 'in_channel',
        text: 'refused',
        type: 'system_generic',
        extra_responses: [{ response_type: 'in_channel', text: 'extra is posted' }],
      },
      // A channel the user is not a member of.
      { response_type: 'in_channel', text: 'elsewhere', channel_id: 'nosuchchannel00000000000000' },
    ];
    const integration = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answers.shift()));
    });
    await new Promise<void>((resolve) => integration.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(integration.address() as AddressInfo).port}/cmd`;
      await client.addCommand({ team_id: teamId, trigger: 'partly', method: 'P', url } as never);
      for (const cause of ['api.context.invalid_param.app_error', 'api.command.command_post.forbidden.app_error']) {
        const response = await execute('/partly');
        expect(response.status).toBe(500);
        expect(await response.json()).toMatchObject({
          id: 'api.command.execute_command.create_post_failed.app_error',
          message: "Command 'partly' failed to post response. Please contact your System Administrator.",
        });
        const inbound = ((await (await server.control('/exchanges?limit=5')).json()) as Exchange[]).find((e) => e.direction === 'inbound')!;
        expect(inbound.error_id).toBe(cause);
      }
      const posts = await client.getPosts(channelId);
      const messages = posts.order.map((id) => posts.posts[id]!.message);
      expect(messages).toContain('extra is posted');
      expect(messages).not.toContain('refused');
      expect(messages).not.toContain('elsewhere');
    } finally {
      await new Promise((resolve) => integration.close(resolve));
    }
  });
});
