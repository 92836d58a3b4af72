import { Client4, WebSocketClient } from '@mattermost/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { clientFor } from '../helpers/mattermost-client';
import { SYSADMIN, startTestCore, USER_1, type TestCore } from '../helpers/test-core';

interface Posted {
  event: string;
  data: { post: string; mentions?: string };
}

/** Mattermost's own WebSocketClient, logged in with a token, recording what it receives. */
function listen(url: string, token: string) {
  const client = new WebSocketClient({ newWebSocketFn: (address: string) => new WebSocket(address) as never });
  const events: Posted[] = [];
  client.addMessageListener((message) => events.push(message as unknown as Posted));
  client.initialize(`${url.replace('http', 'ws')}/api/v4/websocket`, token);
  const posted = async (message: string) => {
    await expect
      .poll(() => events.some((e) => e.event === 'posted' && (JSON.parse(e.data.post) as { message: string }).message === message))
      .toBe(true);
    const event = events.find((e) => e.event === 'posted' && (JSON.parse(e.data.post) as { message: string }).message === message)!;
    return event.data.mentions === undefined ? undefined : (JSON.parse(event.data.mentions) as string[]).sort();
  };
  return { client, events, posted, ready: () => expect.poll(() => events.some((e) => e.event === 'hello')).toBe(true) };
}

describe('mentions in posted events', () => {
  let server: TestCore;
  let admin: Client4;
  let user: Client4;
  let townSquare: string;
  let adminId: string;
  let userId: string;
  const sockets: WebSocketClient[] = [];

  beforeAll(async () => {
    server = await startTestCore();
    admin = await clientFor(server.url, SYSADMIN.username, SYSADMIN.password);
    user = await clientFor(server.url, USER_1.username, USER_1.password);
    townSquare = (await admin.getChannelByNameAndTeamName('dev', 'town-square')).id;
    adminId = (await admin.getMe()).id;
    userId = (await user.getMe()).id;
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
  afterAll(() => server.stop());

  function watch(client: Client4) {
    const socket = listen(server.url, client.getToken());
    sockets.push(socket.client);
    return socket;
  }

  it('names @username, with sentence punctuation after it, and never the poster nor a name in code', async () => {
    const socket = watch(user);
    await socket.ready();
    const post = (message: string) => admin.createPost({ channel_id: townSquare, message } as never);
    await post('ping @user-1.');
    expect(await socket.posted('ping @user-1.')).toEqual([userId]);
    await post('Ping @USER-1: are you there?');
    expect(await socket.posted('Ping @USER-1: are you there?')).toEqual([userId]);
    await post('no mention here, only `@user-1` in code and me, @sysadmin');
    expect(await socket.posted('no mention here, only `@user-1` in code and me, @sysadmin')).toBeUndefined();
    const fenced = 'the log:\n```\nstep 1 ok\nretrying for @user-1\n```\ndone';
    await post(fenced);
    expect(await socket.posted(fenced)).toBeUndefined();
    await post('@nobody-by-that-name');
    expect(await socket.posted('@nobody-by-that-name')).toBeUndefined();
  });

  it('names every other member for @channel and @all, the online ones for @here, and looks into attachments', async () => {
    const socket = watch(user);
    await socket.ready();
    await admin.createPost({ channel_id: townSquare, message: 'deploy done @channel' } as never);
    expect(await socket.posted('deploy done @channel')).toEqual([userId]);
    await admin.createPost({ channel_id: townSquare, message: '@here standup' } as never);
    expect(await socket.posted('@here standup')).toEqual([userId]);
    await admin.createPost({
      channel_id: townSquare,
      message: 'see the report',
      props: { attachments: [{ text: 'assigned to @user-1' }] },
    } as never);
    expect(await socket.posted('see the report')).toEqual([userId]);
  });

  it('names the other member of a direct channel without any @', async () => {
    const direct = await admin.createDirectChannel([adminId, userId]);
    const socket = watch(user);
    await socket.ready();
    await admin.createPost({ channel_id: direct.id, message: 'just between us' } as never);
    expect(await socket.posted('just between us')).toEqual([userId]);
  });

  it('names a reply’s thread followers, less the replier and those it mentions', async () => {
    const socket = watch(user);
    await socket.ready();
    const root = await user.createPost({ channel_id: townSquare, message: 'release notes?' } as never);
    await admin.createPost({ channel_id: townSquare, message: 'on it', root_id: root.id } as never);
    await expect.poll(() => socket.events.some((e) => e.event === 'posted' && JSON.parse(e.data.post).message === 'on it')).toBe(true);
    const reply = socket.events.find((e) => e.event === 'posted' && JSON.parse(e.data.post).message === 'on it')!;
    expect(JSON.parse((reply.data as { followers?: string }).followers!)).toEqual([userId]);

    await user.createPost({ channel_id: townSquare, message: 'thanks', root_id: root.id } as never);
    await admin.createPost({ channel_id: townSquare, message: 'done @user-1', root_id: root.id } as never);
    expect(await socket.posted('done @user-1')).toEqual([userId]);
    const mentioned = socket.events.find((e) => e.event === 'posted' && JSON.parse(e.data.post).message === 'done @user-1')!;
    // user-1 hears of it as a mention; sysadmin replied: no followers left to name.
    expect((mentioned.data as { followers?: string }).followers).toBeUndefined();
    const thanks = socket.events.find((e) => e.event === 'posted' && JSON.parse(e.data.post).message === 'thanks')!;
    expect(JSON.parse((thanks.data as { followers?: string }).followers!)).toEqual([adminId]);
  });

  it('lets a bot that answers only when mentioned answer in a channel', async () => {
    await admin.patchConfig({ ServiceSettings: { EnableBotAccountCreation: true, EnableUserAccessTokens: true } } as never);
    const bot = await admin.createBot({ username: 'helper-bot', display_name: 'Helper' } as never);
    await admin.addToTeam((await admin.getTeamByName('dev')).id, bot.user_id);
    await admin.addToChannel(bot.user_id, townSquare);
    const token = await admin.createUserAccessToken(bot.user_id, 'the bot');
    const botClient = new Client4();
    botClient.setUrl(server.url);
    botClient.setToken(token.token!);
    // The bot as bot authors write it: answer a post only when it names the bot.
    const socket = listen(server.url, token.token!);
    sockets.push(socket.client);
    socket.client.addMessageListener((message) => {
      const event = message as unknown as Posted;
      if (event.event !== 'posted' || !event.data.mentions) return;
      const post = JSON.parse(event.data.post) as { id: string; channel_id: string; user_id: string };
      if (post.user_id === bot.user_id || !(JSON.parse(event.data.mentions) as string[]).includes(bot.user_id)) return;
      void botClient.createPost({ channel_id: post.channel_id, root_id: post.id, message: 'On it!' } as never);
    });
    await socket.ready();
    const unrelated = await admin.createPost({ channel_id: townSquare, message: 'nothing for the bot' } as never);
    const asked = await admin.createPost({ channel_id: townSquare, message: 'hey @helper-bot, can you help?' } as never);
    await expect.poll(async () => (await admin.getPostThread(asked.id)).order.length).toBe(2);
    const reply = Object.values((await admin.getPostThread(asked.id)).posts).find((p) => p.id !== asked.id)!;
    expect([reply.user_id, reply.message]).toEqual([bot.user_id, 'On it!']);
    expect((await admin.getPostThread(unrelated.id)).order).toEqual([unrelated.id]);
  });
});
