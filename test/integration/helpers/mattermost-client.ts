import { Client4 } from '@mattermost/client';

/** Mattermost's own REST client, logged in against a Mockmost URL. */
export async function clientFor(url: string, username: string, password: string): Promise<Client4> {
  const client = new Client4();
  client.setUrl(url);
  await client.login(username, password);
  return client;
}

/** Creates an incoming webhook for a channel of team `dev` the way an admin would. */
export async function createHook(client: Client4, channelName = 'town-square', extra: Record<string, unknown> = {}): Promise<string> {
  const channel = await client.getChannelByNameAndTeamName('dev', channelName);
  const hook = await client.createIncomingWebhook({ channel_id: channel.id, display_name: 'Test hook', ...extra } as never);
  return hook.id;
}

/** A Mockmost with sysadmin logged in through Client4 and an incoming webhook on town-square. */
export async function startWithHook<S extends { url: string }>(
  start: () => Promise<S>,
): Promise<{ server: S; client: Client4; hookId: string }> {
  const server = await start();
  const client = await clientFor(server.url, 'sysadmin', 'Sys@dmin-sample1');
  return { server, client, hookId: await createHook(client) };
}

/** The error Client4 throws for a Mattermost AppError: status and server id. */
export async function failure(call: Promise<unknown>): Promise<{ status: number; id: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as { status_code: number; server_error_id: string };
    return { status: e.status_code, id: e.server_error_id };
  }
  throw new Error('expected the call to fail');
}

/** sysadmin and user-1 of the seeded workspace, logged in through Client4, with the ids tests keep reaching for. */
export async function adminAndUser(url: string) {
  const admin = await clientFor(url, 'sysadmin', 'Sys@dmin-sample1');
  const user = await clientFor(url, 'user-1', 'SampleUs@r-1');
  const channelId = async (name: string) => (await admin.getChannelByNameAndTeamName('dev', name)).id;
  return {
    admin,
    user,
    adminId: (await admin.getMe()).id,
    userId: (await user.getMe()).id,
    teamId: (await admin.getTeamByName('dev')).id,
    townSquare: await channelId('town-square'),
    offTopic: await channelId('off-topic'),
  };
}
