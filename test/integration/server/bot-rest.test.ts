import type { Client4 } from '@mattermost/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import WebSocket from 'ws';
import { avatarColour } from '../../../src/main/workspace/default-avatar';
import { adminAndUser, failure } from '../helpers/mattermost-client';
import { listen } from '../helpers/websocket-events';
import { startTestCore, type TestCore } from '../helpers/test-core';

describe("a bot's everyday REST through @mattermost/client", () => {
  let server: TestCore;
  let admin: Client4;
  let user: Client4;
  let teamId: string;
  let townSquare: string;
  let offTopic: string;
  let userId: string;
  let adminId: string;

  beforeAll(async () => {
    server = await startTestCore();
    ({ admin, user, teamId, townSquare, offTopic, userId, adminId } = await adminAndUser(server.url));
  });
  afterAll(() => server.stop());

  it('pins and unpins posts, lists the pinned ones, and tells the channel with post_edited', async () => {
    const { socket, events } = await listen(server.url, user);
    try {
      const first = await admin.createPost({ channel_id: townSquare, message: 'runbook' } as never);
      const second = await admin.createPost({ channel_id: townSquare, message: 'on-call rota' } as never);
      expect(await user.pinPost(first.id)).toEqual({ status: 'OK' });
      await user.pinPost(second.id);
      const pinned = await user.getPinnedPosts(townSquare);
      expect(pinned.order).toEqual([second.id, first.id]);
      expect(pinned.posts[first.id]).toMatchObject({ is_pinned: true, edit_at: 0 });
      await expect
        .poll(() => events.filter((e) => e.event === 'post_edited').map((e) => JSON.parse(e.data.post as string).is_pinned))
        .toEqual([true, true]);

      await user.unpinPost(first.id);
      expect((await user.getPinnedPosts(townSquare)).order).toEqual([second.id]);
      expect(await failure(user.pinPost('a'.repeat(26)))).toEqual({ status: 403, id: 'api.context.permissions.app_error' });
      expect(await failure(user.pinPost('nope'))).toEqual({ status: 400, id: 'api.context.invalid_url_param.app_error' });
    } finally {
      socket.close();
    }
  });

  it('keeps statuses: online while a WebSocket is open, set by hand until changed, offline for anyone unknown', async () => {
    // The last test's WebSocket closed: the user goes offline.
    await expect.poll(async () => admin.getStatus(userId)).toMatchObject({ user_id: userId, status: 'offline', manual: false });
    const { socket, events } = await listen(server.url, user);
    await expect.poll(async () => (await admin.getStatus(userId)).status).toBe('online');
    await expect.poll(() => events.find((e) => e.event === 'status_change')?.data).toEqual({ status: 'online', user_id: userId });

    const dnd = await user.updateStatus({ user_id: userId, status: 'dnd' } as never);
    expect(dnd).toMatchObject({ user_id: userId, status: 'dnd', manual: true });
    socket.close();
    await expect.poll(() => socket.readyState).toBe(WebSocket.CLOSED);
    // A manual status outlives the connection.
    expect((await admin.getStatus(userId)).status).toBe('dnd');

    const unknown = 'b'.repeat(26);
    expect((await admin.getStatusesByIds([userId, unknown])).map((s) => [s.user_id, s.status])).toEqual([
      [userId, 'dnd'],
      [unknown, 'offline'],
    ]);
    expect(await failure(user.updateStatus({ user_id: userId, status: 'busy' } as never))).toEqual({
      status: 400,
      id: 'api.context.invalid_param.app_error',
    });
    // Client4 puts the body's user_id in the URL too: another user's status is refused.
    expect(await failure(user.updateStatus({ user_id: adminId, status: 'away' } as never))).toEqual({
      status: 403,
      id: 'api.context.permissions.app_error',
    });
    const mismatched = await fetch(`${server.url}/api/v4/users/${userId}/status`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${user.getToken()}` },
      body: JSON.stringify({ user_id: adminId, status: 'away' }),
    });
    expect(((await mismatched.json()) as { message: string }).message).toBe('Invalid user_id parameter.');
    await user.updateStatus({ user_id: userId, status: 'online' } as never);
    expect(await user.getStatus(userId)).toMatchObject({ status: 'online', manual: false });
  });

  it('sends typing to the rest of the channel, and refuses a channel the typist cannot post in', async () => {
    const watcher = await listen(server.url, admin);
    const typist = await listen(server.url, user);
    try {
      typist.socket.send(JSON.stringify({ seq: 1, action: 'user_typing', data: { channel_id: townSquare, parent_id: '' } }));
      await expect
        .poll(() => watcher.events.find((e) => e.event === 'typing'))
        .toMatchObject({
          data: { parent_id: '', user_id: userId },
          broadcast: { channel_id: townSquare, omit_users: { [userId]: true } },
        });
      expect(typist.events.find((e) => e.event === 'typing')).toBeUndefined();
      const team = await admin.getTeamByName('dev');
      const secret = await admin.createChannel({ team_id: team.id, name: 'secret-room', display_name: 'Secret', type: 'P' } as never);
      typist.socket.send(JSON.stringify({ seq: 2, action: 'user_typing', data: { channel_id: secret.id } }));
      await expect
        .poll(() => typist.events.find((e) => e.seq_reply === 2))
        .toMatchObject({
          status: 'FAIL',
          error: { id: 'api.websocket_handler.invalid_param.app_error' },
        });
    } finally {
      watcher.socket.close();
      typist.socket.close();
    }
  });

  it('gets, views and removes channel members with Mattermost’s rules', async () => {
    await admin.addToChannel(userId, offTopic);
    expect(await user.getChannelMember(offTopic, userId)).toMatchObject({ channel_id: offTopic, user_id: userId, roles: 'channel_user' });

    const { socket, events } = await listen(server.url, user);
    try {
      const viewed = await user.viewMyChannel(offTopic);
      expect(viewed.status).toBe('OK');
      const at = viewed.last_viewed_at_times[offTopic]!;
      expect(at).toBeGreaterThan(0);
      expect((await user.getChannelMember(offTopic, userId)).last_viewed_at).toBe(at);
      await expect
        .poll(() => events.find((e) => e.event === 'multiple_channels_viewed')?.data)
        .toEqual({ channel_times: { [offTopic]: at } });

      expect(await failure(user.removeFromChannel(userId, townSquare))).toEqual({
        status: 400,
        id: 'api.channel.remove.default.app_error',
      });
      const direct = await user.createDirectChannel([userId, adminId]);
      expect(await failure(user.removeFromChannel(adminId, direct.id))).toEqual({
        status: 400,
        id: 'api.channel.remove_channel_member.type.app_error',
      });
      expect(await user.removeFromChannel(userId, offTopic)).toEqual({ status: 'OK' });
      await expect.poll(() => events.find((e) => e.event === 'user_removed')?.data).toEqual({ channel_id: offTopic, remover_id: userId });
      expect(await failure(admin.getChannelMember(offTopic, userId))).toEqual({
        status: 404,
        id: 'app.channel.get_member.missing.app_error',
      });
    } finally {
      socket.close();
    }
  });

  it('searches users by the start of a name and autocompletes them in and out of a channel', async () => {
    const found = await user.searchUsers('user', { team_id: teamId });
    expect(found.map((u) => u.username)).toContain('user-1');
    expect(found.every((u) => u.username.startsWith('user'))).toBe(true);
    expect((await user.searchUsers('@SYSAD', {})).map((u) => u.username)).toEqual(['sysadmin']);
    expect(await failure(user.searchUsers('', {}))).toEqual({ status: 400, id: 'api.context.invalid_param.app_error' });

    const team = await admin.getTeamByName('dev');
    const room = await admin.createChannel({ team_id: team.id, name: 'war-room', display_name: 'War room', type: 'O' } as never);
    const completed = await user.autocompleteUsers('', team.id, room.id);
    expect(completed.users.map((u) => u.username)).toEqual(['sysadmin']);
    expect(completed.out_of_channel?.map((u) => u.username)).toContain('user-1');
    const inTeam = await user.autocompleteUsers('user-', team.id, '');
    expect(inTeam.users.map((u) => u.username)).toContain('user-1');
    expect(inTeam).not.toHaveProperty('out_of_channel');
  });

  it('searches posts by words, quoted phrases, from: and in:, only in the channels the user belongs to', async () => {
    await admin.createPost({ channel_id: townSquare, message: 'Deploy finished for api-gateway' } as never);
    await user.createPost({ channel_id: townSquare, message: 'the deploy of billing failed' } as never);
    const team = await admin.getTeamByName('dev');
    const hidden = await admin.createChannel({ team_id: team.id, name: 'ops-only', display_name: 'Ops', type: 'O' } as never);
    await admin.createPost({ channel_id: hidden.id, message: 'deploy secrets rotated' } as never);

    const messages = async (client: Client4, terms: string) =>
      Object.values((await client.searchPosts(team.id, terms, false)).posts)
        .sort((a, b) => b.create_at - a.create_at)
        .map((p) => p.message);

    expect(await messages(user, 'deploy')).toEqual(['the deploy of billing failed', 'Deploy finished for api-gateway']);
    expect(await messages(user, '"deploy finished"')).toEqual(['Deploy finished for api-gateway']);
    expect(await messages(user, 'deploy from:user-1')).toEqual(['the deploy of billing failed']);
    expect(await messages(user, 'deploy -billing')).toEqual(['Deploy finished for api-gateway']);
    expect(await messages(user, 'depl*')).toHaveLength(2);
    expect(await messages(user, 'depl')).toEqual([]);
    // A public channel the user has not joined is not searched; its member finds the post.
    expect(await messages(user, 'secrets in:ops-only')).toEqual([]);
    expect(await messages(admin, 'secrets in:ops-only')).toEqual(['deploy secrets rotated']);
    // An unbalanced quote ends the phrase rather than failing.
    expect(await messages(user, '"billing failed')).toEqual(['the deploy of billing failed']);

    const results = await user.searchPostsWithParams(team.id, { terms: 'deploy', per_page: 1, page: 0 });
    expect(results).toMatchObject({ has_next: true, order: [expect.any(String)] });
    expect(await failure(user.searchPosts(team.id, '  ', false))).toEqual({ status: 400, id: 'api.context.invalid_param.app_error' });
    const exchanges = (await (await server.control('/exchanges?limit=20')).json()) as { url: string; diagnosis: { code: string }[] }[];
    expect(exchanges.some((e) => e.url.endsWith('/posts/search') && e.diagnosis.some((d) => d.code === 'G45'))).toBe(true);
  });

  it('draws Mattermost’s default picture: the first letter on a colour picked by the user id', async () => {
    const response = await fetch(`${server.url}/api/v4/users/${userId}/image`, { headers: { Authorization: `Bearer ${user.getToken()}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await response.arrayBuffer());
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([128, 128]);
    // The corner is the background: one of Mattermost's colours, chosen by FNV-1a of the id.
    expect([...data.subarray(0, 3)]).toEqual(avatarColour(userId));
    // The letter is white, somewhere in the middle band.
    const white = [];
    for (let i = 0; i < data.length; i += info.channels) if (data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255) white.push(i);
    expect(white.length).toBeGreaterThan(200);
    const fallback = await fetch(`${server.url}/api/v4/users/${userId}/image/default`, {
      headers: { Authorization: `Bearer ${user.getToken()}` },
    });
    expect(Buffer.from(await fallback.arrayBuffer()).equals(png)).toBe(true);
    const unknown = await fetch(`${server.url}/api/v4/users/${'c'.repeat(26)}/image`, {
      headers: { Authorization: `Bearer ${user.getToken()}` },
    });
    expect([unknown.status, ((await unknown.json()) as { id: string }).id]).toEqual([404, 'app.user.missing_account.const']);
  });
});
