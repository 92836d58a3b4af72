import type { Client4 } from '@mattermost/client';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAndUser, failure } from '../helpers/mattermost-client';
import { startTestCore, type TestCore } from '../helpers/test-core';
import { listen } from '../helpers/websocket-events';

describe('reactions through @mattermost/client', () => {
  let server: TestCore;
  let admin: Client4;
  let user: Client4;
  let channelId: string;
  let userId: string;
  let adminId: string;

  beforeAll(async () => {
    server = await startTestCore();
    ({ admin, user, townSquare: channelId, userId, adminId } = await adminAndUser(server.url));
  });
  afterAll(() => server.stop());

  it('adds and removes reactions, marks the post, and tells the channel over the WebSocket', async () => {
    const { socket, events } = await listen(server.url, user);
    try {
      const post = await admin.createPost({ channel_id: channelId, message: 'ship it?' } as never);
      const reaction = await user.addReaction(userId, post.id, '+1');
      expect(reaction).toMatchObject({ user_id: userId, post_id: post.id, emoji_name: '+1', channel_id: channelId, delete_at: 0 });
      await admin.addReaction(adminId, post.id, 'rocket');

      const listed = await admin.getReactionsForPost(post.id);
      expect(listed.map((r) => [r.user_id, r.emoji_name])).toEqual([
        [userId, '+1'],
        [adminId, 'rocket'],
      ]);
      const marked = await admin.getPost(post.id);
      expect(marked).toMatchObject({ has_reactions: true });
      expect(marked.update_at).toBeGreaterThan(post.update_at - 1);
      expect((marked.metadata as { reactions?: unknown[] }).reactions).toHaveLength(2);

      await expect.poll(() => events.filter((e) => e.event === 'reaction_added').length).toBe(2);
      const added = events.find((e) => e.event === 'reaction_added')!;
      expect(added.broadcast.channel_id).toBe(channelId);
      expect(JSON.parse(added.data.reaction as string)).toMatchObject({ user_id: userId, emoji_name: '+1' });

      await user.removeReaction(userId, post.id, '+1');
      await admin.removeReaction(adminId, post.id, 'rocket');
      expect(await admin.getReactionsForPost(post.id)).toEqual([]);
      expect((await admin.getPost(post.id)) as { has_reactions?: boolean }).not.toHaveProperty('has_reactions');
      await expect.poll(() => events.filter((e) => e.event === 'reaction_removed').length).toBe(2);
    } finally {
      socket.close();
    }
  });

  it("answers Mattermost's errors: another user, unknown emoji, bad names, posts one cannot read, the limit", async () => {
    const post = await admin.createPost({ channel_id: channelId, message: 'react to me' } as never);
    expect(await failure(user.addReaction(adminId, post.id, 'smile'))).toEqual({
      status: 403,
      id: 'api.reaction.save_reaction.user_id.app_error',
    });
    expect(await failure(user.addReaction(userId, post.id, 'no-such-emoji'))).toEqual({
      status: 404,
      id: 'app.emoji.get_by_name.no_result',
    });
    expect(await failure(user.addReaction(userId, post.id, '../../etc'))).toEqual({ status: 404, id: 'app.emoji.get_by_name.no_result' });
    expect(await failure(user.addReaction(userId, post.id, 'x'.repeat(65)))).toEqual({
      status: 400,
      id: 'api.reaction.save_reaction.invalid.app_error',
    });
    expect(await failure(user.addReaction(userId, 'nosuchpost000000000000000a', 'smile'))).toEqual({
      status: 403,
      id: 'api.context.permissions.app_error',
    });
    // Only admins remove others' reactions.
    await admin.addReaction(adminId, post.id, 'smile');
    expect(await failure(user.removeReaction(adminId, post.id, 'smile'))).toEqual({ status: 403, id: 'api.context.permissions.app_error' });
    expect(await failure(user.removeReaction(userId, post.id, 'a.b'))).toEqual({ status: 404, id: 'api.context.404.app_error' });
    expect(await failure(user.removeReaction(userId, post.id, 'x'.repeat(65)))).toEqual({
      status: 400,
      id: 'api.context.invalid_url_param.app_error',
    });

    const private_ = (await admin.getChannelByNameAndTeamName('dev', 'private-qa')).id;
    const secret = await admin.createPost({ channel_id: private_, message: 'admins only' } as never);
    expect(await failure(user.addReaction(userId, secret.id, 'smile'))).toEqual({ status: 403, id: 'api.context.permissions.app_error' });
    // The answer does not say why; the captured exchange does.
    const [latest] = (await (await server.control('/exchanges?limit=1')).json()) as { diagnosis: { code: string; message: string }[] }[];
    expect(latest!.diagnosis).toEqual([expect.objectContaining({ code: 'G46', message: expect.stringContaining('"private-qa"') })]);

    const emoji = [
      'smile',
      'heart',
      'tada',
      'eyes',
      'rocket',
      'fire',
      'star',
      'wave',
      'clap',
      'pray',
      'ok_hand',
      'joy',
      'cry',
      'sob',
      'thinking',
      'sunglasses',
      'muscle',
      '100',
      'zap',
      'boom',
    ];
    await admin.patchConfig({ ServiceSettings: { UniqueEmojiReactionLimitPerPost: 3 } } as never);
    try {
      const limited = await admin.createPost({ channel_id: channelId, message: 'three at most' } as never);
      for (const name of emoji.slice(0, 3)) await admin.addReaction(adminId, limited.id, name);
      expect(await failure(admin.addReaction(adminId, limited.id, emoji[3]!))).toEqual({
        status: 400,
        id: 'app.reaction.save.save.too_many_reactions',
      });
      // Another user's reaction with an emoji already there is not a new one.
      expect(await user.addReaction(userId, limited.id, emoji[0]!)).toMatchObject({ emoji_name: emoji[0] });
    } finally {
      await admin.patchConfig({ ServiceSettings: { UniqueEmojiReactionLimitPerPost: 50 } } as never);
    }
  });

  it('refuses reactions in an archived channel', async () => {
    const channel = await admin.createChannel({
      team_id: (await admin.getTeamByName('dev')).id,
      name: 'to-archive',
      display_name: 'To archive',
      type: 'O',
    } as never);
    const post = await admin.createPost({ channel_id: channel.id, message: 'soon gone' } as never);
    await admin.addReaction(adminId, post.id, 'wave');
    await admin.deleteChannel(channel.id);
    expect(await failure(admin.addReaction(adminId, post.id, 'smile'))).toEqual({
      status: 403,
      id: 'api.reaction.save.archived_channel.app_error',
    });
    expect(await failure(admin.removeReaction(adminId, post.id, 'wave'))).toEqual({
      status: 403,
      id: 'api.reaction.delete.archived_channel.app_error',
    });
  });

  it('takes 10,000 reactions on one post, concurrently, storing each user’s emoji once', async () => {
    const post = await admin.createPost({ channel_id: channelId, message: 'react away' } as never);
    const names = ['+1', 'smile', 'heart', 'tada', 'eyes', 'rocket', 'wave', 'fire', 'star', 'clap'];
    const pool = new Pool(server.url, { connections: 16 });
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < 10_000) {
        const i = next++;
        const [client, id] = i % 2 === 0 ? [admin, adminId] : [user, userId];
        const response = await pool.request({
          method: 'POST',
          path: '/api/v4/reactions',
          headers: { authorization: `Bearer ${client.getToken()}` },
          body: JSON.stringify({ user_id: id, post_id: post.id, emoji_name: names[i % names.length] }),
        });
        await response.body.dump();
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await pool.close();
    expect([...statuses]).toEqual([[200, 10_000]]);
    // Each user's reaction per emoji is stored once, however often it was sent.
    const reactions = await admin.getReactionsForPost(post.id);
    expect(reactions).toHaveLength(names.length);
    expect((await admin.getPost(post.id)).metadata.reactions).toHaveLength(names.length);
  }, 60_000);
});
