import { Client4 } from '@mattermost/client';
import { startServe, type ServeProcess } from '../../helpers/serve-process';

export interface ServeWithHook {
  serve: ServeProcess;
  /** Logged in as sysadmin. */
  client: Client4;
  channelId: string;
  hookId: string;
  hookUrl: string;
}

/** `mockmost serve` with a sysadmin client and an incoming webhook into a channel of team dev. */
export async function serveWithHook(channel = 'town-square'): Promise<ServeWithHook> {
  const serve = await startServe();
  const client = new Client4();
  client.setUrl(serve.url);
  await client.login('sysadmin', 'Sys@dmin-sample1');
  const channelId = (await client.getChannelByNameAndTeamName('dev', channel)).id;
  const hookId = (await client.createIncomingWebhook({ channel_id: channelId, display_name: 'e2e' } as never)).id;
  return { serve, client, channelId, hookId, hookUrl: `${serve.url}/hooks/${hookId}` };
}
