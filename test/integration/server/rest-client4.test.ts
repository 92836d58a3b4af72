import { Client4 } from '@mattermost/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, failure } from '../helpers/mattermost-client';
import { SYSADMIN, startTestCore, USER_1, type TestCore } from '../helpers/test-core';

describe('REST v4 through @mattermost/client', () => {
  let server: TestCore;
  let admin: Client4;
  let user: Client4;
  let teamId: string;

  beforeAll(async () => {
    server = await startTestCore();
    admin = await clientFor(server.url, SYSADMIN.username, SYSADMIN.password);
    user = await clientFor(server.url, USER_1.username, USER_1.password);
    teamId = (await admin.getMyTeams())[0]!.id;
  });
  afterAll(() => server.stop());

  it('runs a bot: create it, give it a token, add it to a channel, post, reply, edit, delete', async () => {
    await admin.patchConfig({ ServiceSettings: { EnableBotAccountCreation: true } } as never);
    const bot = await admin.createBot({ username: 'deploy-bot', display_name: 'Deploy Bot', description: 'ships' } as never);
    expect(bot).toMatchObject({ username: 'deploy-bot', display_name: 'Deploy Bot', owner_id: (await admin.getMe()).id, delete_at: 0 });
    const token = await admin.createUserAccessToken(bot.user_id, 'ci');
    expect(token).toMatchObject({ user_id: bot.user_id, description: 'ci', is_active: true });

    const channel = await admin.createChannel({ team_id: teamId, name: 'deploys', display_name: 'Deploys', type: 'O' } as never);
    await admin.addToTeam(teamId, bot.user_id);
    await admin.addToChannel(bot.user_id, channel.id);
    expect((await admin.getChannelMembers(channel.id)).map((m) => m.user_id)).toContain(bot.user_id);

    const botClient = new Client4();
    botClient.setUrl(server.url);
    botClient.setToken(token.token!);
    expect((await botClient.getMe()).is_bot).toBe(true);
    const root = await botClient.createPost({ channel_id: channel.id, message: 'Deploying #v2 now' } as never);
    expect(root).toMatchObject({ user_id: bot.user_id, hashtags: '#v2', props: { from_bot: 'true' } });
    const reply = await admin.createPost({ channel_id: channel.id, message: 'go', root_id: root.id } as never);
    const thread = await admin.getPostThread(root.id);
    expect(thread.order.sort()).toEqual([root.id, reply.id].sort());
    expect(thread.posts[root.id]).toMatchObject({ reply_count: 1 });
    // As Mattermost's SaveMultiple does: the root's update_at moves to the reply's time, so a
    // client asking for changes since before the reply gets the root with its new count.
    expect(thread.posts[root.id]!.update_at).toBe(reply.create_at);
    expect((await admin.getPostsSince(channel.id, reply.create_at - 1)).posts[root.id]).toMatchObject({ reply_count: 1 });

    const edited = await botClient.patchPost({ id: root.id, message: 'Deployed #v2' } as never);
    expect(edited.edit_at).toBeGreaterThan(0);
    const since = await admin.getPostsSince(channel.id, root.create_at - 1);
    expect(since.posts[root.id]).toMatchObject({ message: 'Deployed #v2' });
    await botClient.deletePost(root.id);
    expect(await failure(admin.getPost(root.id))).toEqual({ status: 404, id: 'app.post.get.app_error' });
  });

  it('answers users, teams and channels in Mattermost shapes', async () => {
    const me = await user.getMe();
    expect(await admin.getUserByUsername('user-1')).toMatchObject({ id: me.id, username: 'user-1' });
    expect((await admin.getProfilesByIds([me.id])).map((u) => u.username)).toEqual(['user-1']);
    const channels = await user.getMyChannels(teamId);
    expect(channels.map((c) => c.name)).toEqual(expect.arrayContaining(['town-square', 'off-topic']));
    expect(channels.map((c) => c.name)).not.toContain('private-qa');
  });

  it('keeps to Mattermost permissions for user-1', async () => {
    const townSquare = await admin.getChannelByNameAndTeamName('dev', 'town-square');
    expect(await failure(user.createIncomingWebhook({ channel_id: townSquare.id } as never))).toEqual({
      status: 403,
      id: 'api.context.permissions.app_error',
    });
    expect(await failure(user.getConfig())).toEqual({ status: 403, id: 'api.context.permissions.app_error' });
    const privateQa = await admin.getChannelByNameAndTeamName('dev', 'private-qa');
    expect(await failure(user.getPosts(privateQa.id))).toEqual({ status: 403, id: 'api.context.permissions.app_error' });
    expect(await failure(user.createPost({ channel_id: privateQa.id, message: 'x' } as never))).toEqual({
      status: 403,
      id: 'api.context.permissions.app_error',
    });
  });

  it('manages incoming and outgoing webhooks', async () => {
    const townSquare = await admin.getChannelByNameAndTeamName('dev', 'town-square');
    const hook = await admin.createIncomingWebhook({ channel_id: townSquare.id, display_name: 'CI' } as never);
    const renamed = await admin.updateIncomingWebhook({ ...hook, display_name: 'CI 2' });
    expect(renamed.display_name).toBe('CI 2');
    await admin.removeIncomingWebhook(hook.id);
    expect((await fetch(`${server.url}/hooks/${hook.id}`, { method: 'POST', body: '{"text":"x"}' })).status).toBe(400);

    const outgoing = await admin.createOutgoingWebhook({
      team_id: teamId,
      channel_id: townSquare.id,
      trigger_words: ['deploy'],
      callback_urls: ['http://127.0.0.1:9/hook'],
    } as never);
    expect(outgoing).toMatchObject({ trigger_words: ['deploy'], content_type: '', token: expect.stringMatching(/^[a-z0-9]{26}$/) });
    expect((await admin.getOutgoingWebhooks(townSquare.id)).map((h) => h.id)).toEqual([outgoing.id]);
  });

  it("answers Mattermost's 401 for a bad token and after logout", async () => {
    const stranger = new Client4();
    stranger.setUrl(server.url);
    stranger.setToken('abcdefghijklmnopqrstuvwxyz');
    expect(await failure(stranger.getMe())).toEqual({ status: 401, id: 'api.context.session_expired.app_error' });
    const temporary = await clientFor(server.url, USER_1.username, USER_1.password);
    await temporary.logout();
    temporary.setToken(temporary.getToken() || 'gone');
    expect(await failure(temporary.getMe())).toEqual({ status: 401, id: 'api.context.session_expired.app_error' });
  });
});
