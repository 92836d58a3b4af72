import { Client4, WebSocketClient } from '@mattermost/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { clientFor, createHook } from '../helpers/mattermost-client';
import { SYSADMIN, startTestCore, USER_1, type TestCore } from '../helpers/test-core';

interface Event {
  event: string;
  data: Record<string, unknown>;
  broadcast: Record<string, unknown>;
  seq: number;
}

/** A raw client that records every event, for checking the envelope byte by byte. */
async function rawSocket(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v4/websocket`, { headers });
  const events: Record<string, unknown>[] = [];
  socket.on('message', (data) => events.push(JSON.parse(data.toString()) as Record<string, unknown>));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = async (match: (e: Record<string, unknown>) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const found = events.find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no matching message; got ${JSON.stringify(events)}`);
  };
  return { socket, events, next };
}

describe('WebSocket /api/v4/websocket', () => {
  let server: TestCore;
  let admin: Client4;
  let channelId: string;

  beforeAll(async () => {
    server = await startTestCore();
    admin = await clientFor(server.url, SYSADMIN.username, SYSADMIN.password);
    channelId = (await admin.getChannelByNameAndTeamName('dev', 'town-square')).id;
  });
  afterAll(() => server.stop());

  it("runs Mattermost's own WebSocketClient: challenge, hello, then posted", async () => {
    const previous = (globalThis as { WebSocket?: unknown }).WebSocket;
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    const client = new WebSocketClient({ newWebSocketFn: (url: string) => new WebSocket(url) as never });
    const events: Event[] = [];
    client.addMessageListener((message) => {
      events.push(message as unknown as Event);
    });
    try {
      const user = await clientFor(server.url, USER_1.username, USER_1.password);
      client.initialize(`${server.url.replace('http', 'ws')}/api/v4/websocket`, user.getToken());
      await expect.poll(() => events.map((e) => e.event)).toContain('hello');
      const post = await admin.createPost({ channel_id: channelId, message: 'hello bots' } as never);
      await expect.poll(() => events.find((e) => e.event === 'posted')).toBeDefined();
      const posted = events.find((e) => e.event === 'posted')!;
      expect(JSON.parse(posted.data.post as string)).toMatchObject({ id: post.id, message: 'hello bots' });
      expect(posted.data).toMatchObject({ channel_name: 'town-square', channel_type: 'O', sender_name: '@sysadmin' });
      expect(posted.broadcast).toMatchObject({ channel_id: channelId });
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    } finally {
      client.close();
      (globalThis as { WebSocket?: unknown }).WebSocket = previous;
    }
  });

  it('authenticates by header and delivers post_edited, post_deleted and ephemeral_message', async () => {
    const ws = await rawSocket(server.url, { Authorization: `Bearer ${admin.getToken()}` });
    try {
      const hello = await ws.next((e) => e.event === 'hello');
      expect(hello).toMatchObject({ seq: 0, data: { connection_id: expect.any(String) } });
      const post = await admin.createPost({ channel_id: channelId, message: 'to edit' } as never);
      await admin.patchPost({ id: post.id, message: 'edited' } as never);
      await admin.deletePost(post.id);
      const userId = (await admin.getMe()).id;
      await fetch(`${server.url}/api/v4/posts/ephemeral`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin.getToken()}` },
        body: JSON.stringify({ user_id: userId, post: { channel_id: channelId, message: 'just you' } }),
      });
      const edited = await ws.next((e) => e.event === 'post_edited');
      expect(JSON.parse((edited.data as { post: string }).post)).toMatchObject({ id: post.id, message: 'edited' });
      const deleted = await ws.next((e) => e.event === 'post_deleted');
      expect(deleted.data).toMatchObject({ delete_by: userId });
      const ephemeral = await ws.next((e) => e.event === 'ephemeral_message');
      expect(ephemeral.broadcast).toMatchObject({ user_id: userId });
      expect(JSON.parse((ephemeral.data as { post: string }).post)).toMatchObject({ message: 'just you', type: 'system_ephemeral' });
    } finally {
      ws.socket.close();
    }
  });

  it('delivers webhook posts, and only to members of the channel', async () => {
    const hookId = await createHook(admin, 'private-qa');
    const user = await clientFor(server.url, USER_1.username, USER_1.password);
    const outsider = await rawSocket(server.url, { Authorization: `Bearer ${user.getToken()}` });
    const member = await rawSocket(server.url, { Authorization: `Bearer ${admin.getToken()}` });
    try {
      await member.next((e) => e.event === 'hello');
      await fetch(`${server.url}/hooks/${hookId}`, { method: 'POST', body: '{"text":"secret"}' });
      const posted = await member.next((e) => e.event === 'posted');
      expect(JSON.parse((posted.data as { post: string }).post)).toMatchObject({ message: 'secret' });
      expect(outsider.events.filter((e) => e.event === 'posted')).toEqual([]);
    } finally {
      outsider.socket.close();
      member.socket.close();
    }
  });

  it('refuses actions before authentication and bad tokens, and answers ping', async () => {
    const ws = await rawSocket(server.url);
    try {
      ws.socket.send(JSON.stringify({ seq: 1, action: 'ping' }));
      expect(await ws.next((e) => e.seq_reply === 1)).toMatchObject({
        status: 'FAIL',
        error: { id: 'api.web_socket_router.not_authenticated.app_error' },
      });
      ws.socket.send(JSON.stringify({ seq: 2, action: 'authentication_challenge', data: { token: 'nope' } }));
      expect(await ws.next((e) => e.seq_reply === 2)).toMatchObject({ status: 'FAIL' });
      ws.socket.send(JSON.stringify({ seq: 3, action: 'authentication_challenge', data: { token: admin.getToken() } }));
      expect(await ws.next((e) => e.seq_reply === 3)).toMatchObject({ status: 'OK' });
      await ws.next((e) => e.event === 'hello');
      ws.socket.send(JSON.stringify({ seq: 4, action: 'ping' }));
      expect(await ws.next((e) => e.seq_reply === 4)).toMatchObject({ status: 'OK', data: { text: 'pong' } });
      ws.socket.send('not json');
      await new Promise((resolve) => ws.socket.once('close', resolve));
    } finally {
      ws.socket.close();
    }
    expect((await fetch(`${server.url}/api/v4/system/ping`)).status).toBe(200);
  });
});
