import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExchangeDiff, MockmostSettings, SeedSummary, WorkspaceSeed } from '../../../src/shared/contract/control-api';
import type { SeedFile } from '../../../src/shared/contract/seed';
import { DEFAULT_SEED } from '../../../src/main/workspace/default-seed';
import { FakeIntegration } from '../helpers/fake-integration';
import { clientFor, createHook } from '../helpers/mattermost-client';
import { startTestCore, tempDir, type TestCore } from '../helpers/test-core';

const TOKEN = 'cmdtokencmdtokencmdtoken12';
const HOOK_ID = 'seedhookseedhookseedhook12';

const seedWith = (integration: string): SeedFile => ({
  ...structuredClone(DEFAULT_SEED),
  incoming_hooks: [{ key: 'ci', id: HOOK_ID, team: 'dev', channel: 'town-square', creator: 'sysadmin' }],
  commands: [{ key: 'deploy', token: TOKEN, team: 'dev', creator: 'sysadmin', trigger: 'deploy', url: `${integration}/deploy` }],
  outgoing_hooks: [
    {
      key: 'watch',
      team: 'dev',
      channel: 'off-topic',
      creator: 'sysadmin',
      trigger_words: ['build'],
      callback_urls: [`${integration}/out`],
    },
  ],
});

describe('seeds with commands and outgoing hooks, replaced through the control API', () => {
  let integration: FakeIntegration;
  let integrationUrl: string;
  const servers: TestCore[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    integration = new FakeIntegration();
    integrationUrl = await integration.start();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });
  afterAll(async () => {
    await integration.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a --seed file creates commands (with their fixed token) and outgoing hooks that work', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify(seedWith(integrationUrl)));
    const server = await startTestCore({ seedFile: file });
    servers.push(server);
    integration.response = { body: { text: 'deploying' } };
    const client = await clientFor(server.url, 'sysadmin', 'Sys@dmin-sample1');
    const channel = await client.getChannelByNameAndTeamName('dev', 'town-square');
    await client.executeCommand('/deploy now', { channel_id: channel.id, team_id: channel.team_id } as never);
    const call = integration.calls.at(-1)!;
    expect(call.path).toBe('/deploy');
    expect(call.headers.authorization).toBe(`Token ${TOKEN}`);

    const offTopic = await client.getChannelByNameAndTeamName('dev', 'off-topic');
    integration.response = { body: {} };
    await client.createPost({ channel_id: offTopic.id, message: 'build it' } as never);
    await expect.poll(() => integration.calls.some((c) => c.path === '/out')).toBe(true);

    const seed = (await (await server.control('/workspace/seed')).json()) as WorkspaceSeed;
    expect(seed.source).toBe('flag');
    expect(seed.file).toBe(file);
    expect(seed.seed.commands![0]!.token).toBe(TOKEN);
  });

  it('PUT /workspace/seed validates, resets with the new seed, and keeps it across a restart and later resets', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    let server = await startTestCore({ dataDir });
    servers.push(server);
    const put = (body: unknown) => server.control('/workspace/seed', { method: 'PUT', body: JSON.stringify(body) });

    const bad = await put({
      seed: { ...seedWith(integrationUrl), commands: [{ key: 'x', team: 'dev', creator: 'nobody', trigger: 't', url: 'http://h' }] },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toBe('The seed is invalid: commands[0].creator: no user named nobody');
    expect((await put({})).status).toBe(400);
    // Nothing changed: the built-in seed is still in effect.
    expect(((await (await server.control('/workspace/seed')).json()) as WorkspaceSeed).source).toBe('default');

    const applied = await put({ seed: seedWith(integrationUrl) });
    expect(applied.status).toBe(200);
    const summary = (await applied.json()) as SeedSummary;
    expect(summary.hooks.ci).toBe(HOOK_ID);
    expect(Object.keys(summary.commands)).toEqual(['deploy']);
    expect((await fetch(`${server.url}/hooks/${HOOK_ID}`, { method: 'POST', body: '{"text":"seeded"}' })).status).toBe(200);

    await servers.pop()!.stop();
    server = await startTestCore({ dataDir });
    servers.push(server);
    const reset = (await (await server.control('/workspace/reset', { method: 'POST' })).json()) as SeedSummary;
    expect(reset.hooks.ci).toBe(HOOK_ID);
    expect(((await (await server.control('/workspace/seed')).json()) as WorkspaceSeed).source).toBe('settings');

    const back = (await (await put({ seed: null })).json()) as SeedSummary;
    expect(back.hooks).toEqual({});
    expect(((await (await server.control('/workspace/seed')).json()) as WorkspaceSeed).source).toBe('default');
  });
});

describe('seeding many users', () => {
  it('hashes their passwords off the main thread: other requests are answered meanwhile', async () => {
    const server = await startTestCore();
    try {
      const users = Array.from({ length: 40 }, (_, i) => ({ username: `user${i}`, password: `Passw0rd-${i}`, teams: ['dev'] }));
      const seed = { ...structuredClone(DEFAULT_SEED), users: [...DEFAULT_SEED.users, ...users] };
      const order: string[] = [];
      const reseeding = server
        .control('/workspace/seed', { method: 'PUT', body: JSON.stringify({ seed }) })
        .then((r) => order.push(`seed ${r.status}`));
      // Sent once the seed request is being worked on (its body has been read).
      await new Promise((resolve) => setTimeout(resolve, 30));
      await fetch(`${server.url}/api/v4/system/ping`).then((r) => order.push(`ping ${r.status}`));
      await reseeding;
      expect(order).toEqual(['ping 200', 'seed 200']);
      const login = await fetch(`${server.url}/api/v4/users/login`, {
        method: 'POST',
        body: JSON.stringify({ login_id: 'user39', password: 'Passw0rd-39' }),
      });
      expect(login.status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe('settings', () => {
  it('keep is stored in the data dir, applied at once, survives a restart, and a flag overrides it for one run', async () => {
    const dataDir = tempDir();
    let server = await startTestCore({ dataDir });
    const settings = async () => (await (await server.control('/settings')).json()) as MockmostSettings;
    const patch = (body: unknown) => server.control('/settings', { method: 'PATCH', body: JSON.stringify(body) });
    try {
      const fresh = await settings();
      expect(fresh).toMatchObject({ url: server.url, data_dir: dataDir, keep: null, keep_source: 'default', seed_source: 'default' });
      expect(fresh.database_bytes).toBeGreaterThan(0);

      const hook = await createHook(await clientFor(server.url, 'sysadmin', 'Sys@dmin-sample1'));
      for (let i = 0; i < 8; i++) await fetch(`${server.url}/hooks/${hook}`, { method: 'POST', body: `{"text":"n${i}"}` });
      expect((await settings()).exchanges).toBeGreaterThanOrEqual(8);

      const bad = await patch({ keep: 'forever' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { message: string }).message).toMatch(/^keep takes a number of exchanges/);
      expect((await patch({ colour: 'blue' })).status).toBe(400);

      const kept = (await (await patch({ keep: '3' })).json()) as MockmostSettings;
      expect(kept).toMatchObject({ keep: '3', keep_source: 'settings' });
      await expect.poll(async () => (await settings()).exchanges, { timeout: 5000 }).toBe(3);

      await server.stop();
      server = await startTestCore({ dataDir });
      expect(await settings()).toMatchObject({ keep: '3', keep_source: 'settings' });
      await server.stop();
      server = await startTestCore({ dataDir, keepExchanges: { maxAgeMs: 7 * 86_400_000 } });
      expect(await settings()).toMatchObject({ keep: '7d', keep_source: 'flag' });
      expect((await (await patch({ keep: null })).json()) as MockmostSettings).toMatchObject({ keep: null, keep_source: 'default' });
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('comparing two exchanges', () => {
  let server: TestCore;
  beforeAll(async () => {
    server = await startTestCore();
  });
  afterAll(() => server.stop());

  it('answers the request and answer differences, ignoring volatile fields, and refuses unknown ids', async () => {
    const hook = await createHook(await clientFor(server.url, 'sysadmin', 'Sys@dmin-sample1'));
    await fetch(`${server.url}/hooks/${hook}`, { method: 'POST', body: JSON.stringify({ text: 'v1', props: { n: 1 } }) });
    await fetch(`${server.url}/hooks/${hook}`, { method: 'POST', body: JSON.stringify({ text: 'v2', props: { n: 1 } }) });
    await fetch(`${server.url}/hooks/${hook}`, { method: 'POST', body: '{broken' });
    const [broken, second, first] = (await (await server.control('/exchanges?kind=incoming_webhook&limit=3')).json()) as { id: number }[];

    const diff = async (query: string) => {
      const response = await server.control(`/exchanges/diff?${query}`);
      return { status: response.status, body: (await response.json()) as ExchangeDiff & { message: string } };
    };
    const same = await diff(`a=${first!.id}&b=${second!.id}`);
    expect(same.status).toBe(200);
    expect(same.body.request).toEqual([{ path: 'body.text', recorded: 'v1', replayed: 'v2' }]);
    expect(same.body.response).toEqual([]);
    expect((await diff(`a=${first!.id}&b=${second!.id}&ignore=body.text`)).body.request).toEqual([]);

    const failed = await diff(`a=${first!.id}&b=${broken!.id}`);
    expect(failed.body.response.map((d) => d.path)).toContain('status');
    expect(failed.body.response.find((d) => d.path === 'status')).toMatchObject({ recorded: 200, replayed: 400 });

    expect((await diff(`a=${first!.id}`)).status).toBe(400);
    expect((await diff(`a=${first!.id}&b=99999999`)).status).toBe(404);
    expect((await diff('a=x&b=1')).body.message).toBe('a must be an exchange id.');
  });

  it('deletes one exchange by id, and answers 404 for an unknown one and 400 for a malformed one', async () => {
    const hook = await createHook(await clientFor(server.url, 'sysadmin', 'Sys@dmin-sample1'));
    await fetch(`${server.url}/hooks/${hook}`, { method: 'POST', body: '{"text":"gone soon"}' });
    const [newest] = (await (await server.control('/exchanges?kind=incoming_webhook&limit=1')).json()) as { id: number }[];
    expect((await server.control(`/exchanges/${newest!.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await server.control(`/exchanges/${newest!.id}`)).status).toBe(404);
    expect((await server.control(`/exchanges/${newest!.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await server.control('/exchanges/abc', { method: 'DELETE' })).status).toBe(400);
  });
});
