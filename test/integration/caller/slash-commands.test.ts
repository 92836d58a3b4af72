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
});
