import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelView, SeedSummary } from '../../../src/shared/contract/control-api';
import type { Exchange } from '../../../src/shared/contract/exchange';
import { CONTROL_TOKEN, login, SYSADMIN, startTestCore, type TestCore } from '../helpers/test-core';
import { clientFor, createHook } from '../helpers/mattermost-client';

describe('control API', () => {
  let server: TestCore;
  beforeAll(async () => {
    server = await startTestCore();
  });
  afterAll(() => server.stop());

  const raw = (path: string, headers: Record<string, string>, method = 'GET') =>
    fetch(`${server.url}/_mockmost/api${path}`, { method, headers });

  it('refuses a request without the token, or with a wrong one, with 401', async () => {
    for (const headers of [{}, { Authorization: 'Bearer nope' }, { Authorization: CONTROL_TOKEN }] as Record<string, string>[]) {
      const response = await raw('/exchanges', headers);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { id: string }).id).toBe('mockmost.control.token.app_error');
    }
  });

  it('refuses a foreign Origin even with the token (cross-site requests)', async () => {
    const response = await raw('/exchanges', { Authorization: `Bearer ${CONTROL_TOKEN}`, Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    const response = await raw('/exchanges', { Authorization: `Bearer ${CONTROL_TOKEN}`, Origin: server.url });
    expect(response.status).toBe(200);
  });

  it('refuses a Host that is not its address (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/_mockmost/api/exchanges`, {
        headers: { Host: `rebind.example:${new URL(server.url).port}`, Authorization: `Bearer ${CONTROL_TOKEN}` },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('resets the workspace with new ids and keeps exchanges unless asked', async () => {
    const before = (await (await server.control('/exchanges?limit=1000')).json()) as Exchange[];
    await login(server.url, SYSADMIN);
    const first = (await (await server.control('/workspace/reset', { method: 'POST' })).json()) as SeedSummary;
    expect(Object.keys(first.channels.dev!)).toEqual(['town-square', 'off-topic', 'private-qa']);
    expect(Object.keys(first.users)).toEqual(['sysadmin', 'user-1']);
    const kept = (await (await server.control('/exchanges?limit=1000')).json()) as Exchange[];
    expect(kept.length).toBeGreaterThan(before.length);

    const second = (await (
      await server.control('/workspace/reset', {
        method: 'POST',
        body: '{"exchanges": true}',
        headers: { 'Content-Type': 'application/json' },
      })
    ).json()) as SeedSummary;
    expect(second.teams.dev).not.toBe(first.teams.dev);
    expect((await (await server.control('/exchanges')).json()) as Exchange[]).toEqual([]);
  });

  it('invalidates sessions on reset, as the users they belong to are gone', async () => {
    const token = await login(server.url, SYSADMIN);
    await server.control('/workspace/reset', { method: 'POST' });
    const response = await fetch(`${server.url}/api/v4/users/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
  });

  it('lists the newest exchanges first, limited', async () => {
    for (const path of ['/api/v4/system/ping', '/api/v4/nothing-here']) await fetch(`${server.url}${path}`);
    const list = (await (await server.control('/exchanges?limit=2')).json()) as Exchange[];
    expect(list.map((e) => e.url)).toEqual(['/api/v4/nothing-here', '/api/v4/system/ping']);
    expect(list[0]!.status).toBe(404);
  });

  it('lists ephemeral posts delivered, newest first, with their recipient', async () => {
    const token = await login(server.url, SYSADMIN);
    const headers = { Authorization: `Bearer ${token}` };
    const me = (await (await fetch(`${server.url}/api/v4/users/me`, { headers })).json()) as { id: string };
    const channels = (await (await fetch(`${server.url}/api/v4/users/me/teams`, { headers })).json()) as { id: string }[];
    const townSquare = (await (
      await fetch(`${server.url}/api/v4/teams/${channels[0]!.id}/channels/name/town-square`, { headers })
    ).json()) as { id: string };
    for (const message of ['first', 'second']) {
      await fetch(`${server.url}/api/v4/posts/ephemeral`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ user_id: me.id, post: { channel_id: townSquare.id, message } }),
      });
    }
    const list = (await (await server.control('/ephemerals?limit=2')).json()) as { user_id: string; post: { message: string } }[];
    expect(list.map((e) => [e.user_id, e.post.message])).toEqual([
      [me.id, 'second'],
      [me.id, 'first'],
    ]);
  });

  it('answers clear errors for a bad limit, an unknown route and a bad body', async () => {
    expect((await server.control('/exchanges?limit=0')).status).toBe(400);
    expect((await server.control('/exchanges?limit=abc')).status).toBe(400);
    expect((await server.control('/nothing')).status).toBe(404);
    expect((await server.control('/view/channel?team=dev&channel=town-square&since=yesterday')).status).toBe(400);
    expect((await server.control('/exchanges', { method: 'PATCH' })).status).toBe(405);
    const bad = await server.control('/workspace/reset', { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/not valid JSON/);
  });
});

describe('control API: traffic', () => {
  let server: TestCore;

  beforeAll(async () => {
    server = await startTestCore();
  });
  afterAll(() => server.stop());

  it('filters by kind, status and full text, pages with before, replays one exchange and clears after', async () => {
    const hook = await createHook(await clientFor(server.url, 'sysadmin', 'Sys@dmin-sample1'));
    await fetch(`${server.url}/hooks/${hook}`, { method: 'POST', body: JSON.stringify({ text: 'searchable zebra text' }) });
    await fetch(`${server.url}/hooks/${hook}`, { method: 'POST', body: '{not json' });
    const list = async (query: string) => (await (await server.control(`/exchanges?${query}`)).json()) as Exchange[];

    const webhooks = await list('kind=incoming_webhook&limit=10');
    expect(webhooks.map((e) => e.status)).toEqual([400, 200]);
    expect((await list('kind=incoming_webhook&status=4xx')).map((e) => e.status)).toEqual([400]);
    const found = await list('q=zebra');
    expect(found).toHaveLength(1);
    expect(found[0]!.request_body.data).toContain('zebra');
    expect(await list('q=%22%29%28')).toEqual([]);
    expect((await list(`kind=incoming_webhook&before=${webhooks[0]!.id}`)).map((e) => e.id)).toEqual([webhooks[1]!.id]);
    expect((await server.control('/exchanges?status=9xx')).status).toBe(400);

    // The traffic view's list: the same filters, summaries without headers or bodies.
    const page = (await (await server.control('/traffic?q=zebra&kind=incoming_webhook')).json()) as { items: Exchange[] };
    expect(page.items.map((e) => e.id)).toEqual([found[0]!.id]);
    expect(page.items[0]).not.toHaveProperty('request_body');
    expect(page.items[0]!.diagnosis).toEqual([]);
    expect((await server.control('/traffic?kind=nope')).status).toBe(400);

    const replay = await server.control(`/exchanges/${webhooks[1]!.id}/replay`, { method: 'POST', body: '{}' });
    expect(await replay.json()).toMatchObject({ outcome: 'same', response: { status: 200 } });
    const edited = await server.control(`/exchanges/${webhooks[1]!.id}/replay`, {
      method: 'POST',
      body: JSON.stringify({ request: { body: '{"text": ""}' } }),
    });
    expect(await edited.json()).toMatchObject({
      outcome: 'changed',
      differences: expect.arrayContaining([{ path: 'status', recorded: 200, replayed: 400 }]),
    });
    const elsewhere = await server.control(`/exchanges/${webhooks[1]!.id}/replay`, {
      method: 'POST',
      body: JSON.stringify({ request: { url: '/hooks/nosuchhook00000000000000000' } }),
    });
    expect(await elsewhere.json()).toMatchObject({
      outcome: 'changed',
      differences: expect.arrayContaining([{ path: 'status', recorded: 200, replayed: 400 }]),
    });
    const unparsable = await server.control(`/exchanges/${webhooks[1]!.id}/replay`, {
      method: 'POST',
      body: JSON.stringify({ request: { url: 'http://[' } }),
    });
    expect(unparsable.status).toBe(400);
    expect((await server.control('/exchanges/999999')).status).toBe(404);

    const saved = await server.control('/collections', {
      method: 'POST',
      body: JSON.stringify({ name: 'hooks', exchange_ids: [webhooks[1]!.id] }),
    });
    const { id } = (await saved.json()) as { id: number };
    expect((await (await server.control(`/collections/${id}`)).json()) as { entries: unknown[] }).toMatchObject({
      name: 'hooks',
      entries: [{}],
    });
    const broken = await server.control('/collections', { method: 'POST', body: JSON.stringify({ collection: { format: 'x' } }) });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { message: string }).message).toContain('format: must be "mockmost-collection"');
    expect((await server.control('/collections', { method: 'POST', body: '{"exchange_ids": [999999]}' })).status).toBe(400);
    expect((await server.control('/collections/999')).status).toBe(404);

    expect((await server.control('/exchanges', { method: 'DELETE' })).status).toBe(200);
    expect(await list('limit=5')).toEqual([]);
  });
});

describe('control API: windows of a channel view', () => {
  let server: TestCore;
  let ids: string[];
  let channelId: string;
  const view = async (query: string) => {
    const response = await server.control(`/view/channel?team=dev&channel=off-topic&${query}`);
    return { status: response.status, body: (await response.json()) as ChannelView };
  };
  const ordered = (list: ChannelView['posts']) => list.order.map((id) => ids.indexOf(id));

  beforeAll(async () => {
    server = await startTestCore();
    const client = await clientFor(server.url, 'sysadmin', 'Sys@dmin-sample1');
    channelId = (await client.getChannelByName((await client.getTeamByName('dev')).id, 'off-topic')).id;
    for (let i = 0; i < 260; i++) await client.createPost({ channel_id: channelId, message: `post ${i}` } as never);
    // Many share a millisecond, so positions are taken from the channel's own order (time, then
    // id) as the REST API pages it: the windows must follow it and skip none.
    const pages = [await client.getPosts(channelId, 0, 200), await client.getPosts(channelId, 1, 200)];
    ids = pages.flatMap((page) => page.order).reverse();
    expect(ids).toHaveLength(260);
  });
  afterAll(() => server.stop());

  it('opens around a post: half a page either side, with the next newer post named', async () => {
    const { status, body } = await view(`around=${ids[50]}`);
    expect(status).toBe(200);
    const expected = [...Array.from({ length: 100 }, (_, i) => 150 - i), 50, ...Array.from({ length: 50 }, (_, i) => 49 - i)];
    expect(ordered(body.posts)).toEqual(expected);
    expect(body.posts.next_post_id).toBe(ids[151]);
    expect(body.channel.name).toBe('off-topic');
  });

  it('pages newer posts after a time until it reaches the newest', async () => {
    const { body: around } = await view(`around=${ids[50]}`);
    const newest = around.posts.posts[ids[150]!]!;
    const { body } = await view(`after=${newest.create_at - 1}`);
    const got = ordered(body.posts);
    expect(got[0]).toBe(259);
    expect(got).toContain(151);
    expect(body.posts.next_post_id).toBe('');
    const { body: near } = await view(`around=${ids[250]}`);
    expect(ordered(near.posts).slice(0, 10)).toEqual([259, 258, 257, 256, 255, 254, 253, 252, 251, 250]);
    expect(near.posts.next_post_id).toBe('');
  });

  it('answers 404 for a post that is not in the channel or is deleted, and 400 for two windows at once', async () => {
    expect((await view('around=nopostnopostnopostnopostno')).status).toBe(404);
    const elsewhere = await server.control(`/view/channel?team=dev&channel=town-square&around=${ids[3]}`);
    expect(elsewhere.status).toBe(404);
    const client = await clientFor(server.url, 'sysadmin', 'Sys@dmin-sample1');
    await client.deletePost(ids[7]!);
    expect((await view(`around=${ids[7]}`)).status).toBe(404);
    const both = await view(`around=${ids[8]}&since=1`);
    expect(both.status).toBe(400);
    expect((both.body as unknown as { message: string }).message).toMatch(/cannot be combined/);
  });
});

describe('control API: the home channel', () => {
  let server: TestCore;
  beforeAll(async () => {
    server = await startTestCore();
  });
  afterAll(() => server.stop());

  it("is dev's Town Square for the built-in seed, and a custom seed's first team and public channel otherwise", async () => {
    const home = async (last = '') => (await (await server.control(`/view/home${last}`)).json()) as { team: string; channel: string };
    expect(await home()).toEqual({ team: 'dev', channel: 'town-square' });
    const unnamed = (await (await server.control('/view/channel')).json()) as ChannelView;
    expect([unnamed.team.name, unnamed.channel.name]).toEqual(['dev', 'town-square']);

    const seed = {
      teams: [
        { name: 'zeta', display_name: 'Z' },
        { name: 'acme', display_name: 'A' },
      ],
      users: [{ username: 'boss', password: 'B0ss-password', roles: 'system_user system_admin', teams: ['acme', 'zeta'] }],
      channels: [
        { team: 'acme', name: 'secret', display_name: 'S', type: 'P', members: ['boss'] },
        { team: 'acme', name: 'news', display_name: 'N', members: ['boss'] },
        { team: 'zeta', name: 'town-square', display_name: 'T', members: ['boss'] },
      ],
    };
    expect((await server.control('/workspace/seed', { method: 'PUT', body: JSON.stringify({ seed }) })).status).toBe(200);
    expect(await home()).toEqual({ team: 'acme', channel: 'news' });
    // The last channel viewed while it exists (private ones too), else home.
    expect(await home('?team=acme&channel=secret')).toEqual({ team: 'acme', channel: 'secret' });
    expect(await home('?team=zeta&channel=town-square')).toEqual({ team: 'zeta', channel: 'town-square' });
    expect(await home('?team=acme&channel=gone')).toEqual({ team: 'acme', channel: 'news' });
    expect(await home('?team=dev&channel=town-square')).toEqual({ team: 'acme', channel: 'news' });
    expect(await home('?team=acme')).toEqual({ team: 'acme', channel: 'news' });
    const zeta = (await (await server.control('/view/channel?team=zeta')).json()) as ChannelView;
    expect(zeta.channel.name).toBe('town-square');
    // The UI's session for "nobody named" is the seed's first system admin.
    const session = (await (await server.control('/sessions', { method: 'POST', body: '{}' })).json()) as { user: { username: string } };
    expect(session.user.username).toBe('boss');
  });
});
