import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { MattermostError, startMockmost, type Mockmost } from '../../../src/main/library';
import { tempDir } from '../helpers/test-core';

const running: Mockmost[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.stop()));
});

async function start(options: Parameters<typeof startMockmost>[0] = {}) {
  const mockmost = await startMockmost(options);
  running.push(mockmost);
  return mockmost;
}

/** Runs a script that uses the built package by its name, as a user's test suite would. */
function runAsUser(script: string): unknown {
  if (!existsSync(join(__dirname, '../../../out/main/library.js')))
    throw new Error('run `npm run build` first: these tests load the built package');
  return JSON.parse(execFileSync(process.execPath, [join(__dirname, script)], { encoding: 'utf8', timeout: 30_000 }));
}

describe('the testing library', () => {
  it('is what `import { startMockmost } from "mockmost"` loads: several at once, each on its own port and temporary data dir, removed on stop', () => {
    const seen = runAsUser('esm-user.mjs') as { urls: string[]; ping: number; exchanges: number; dirsLeft: string[] };
    expect(seen.urls).toHaveLength(2);
    expect(new Set(seen.urls).size).toBe(2);
    for (const url of seen.urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect([seen.ping, seen.exchanges]).toEqual([200, 200]);
    expect(seen.dirsLeft).toEqual([]);
  });

  it('runs in a worker thread too, as Vitest’s threads pool runs a test file', async () => {
    const worker = new Worker(join(__dirname, 'esm-user.mjs'), { stdout: true });
    let out = '';
    worker.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number>((resolve, reject) => worker.once('exit', resolve).once('error', reject));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ping: 200, exchanges: 200, dirsLeft: [] });
  });

  it('is what require("mockmost") loads too, and types it from the built declarations', () => {
    expect(runAsUser('cjs-user.cjs')).toEqual({ token: 'fixed-token', teams: ['dev'] });
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { exports: { '.': { types: string } } };
    const types = readFileSync(join(__dirname, '../../..', pkg.exports['.'].types), 'utf8');
    expect(types).toContain('startMockmost');
  });

  it('seeds the workspace it is given, and resets to it', async () => {
    const seed = {
      teams: [{ name: 'acme', display_name: 'Acme' }],
      users: [{ username: 'admin', password: 'Admin-passw0rd!', roles: 'system_admin system_user', teams: ['acme'] }],
      channels: [{ team: 'acme', name: 'deploys', display_name: 'Deploys', members: ['admin'] }],
      incoming_hooks: [{ key: 'ci', team: 'acme', channel: 'deploys', creator: 'admin' }],
    };
    const mockmost = await start({ seed });
    const summary = await mockmost.reset();
    expect(Object.keys(summary.teams)).toEqual(['acme']);
    const hook = await fetch(`${mockmost.url}/hooks/${summary.hooks.ci}`, { method: 'POST', body: JSON.stringify({ text: 'deployed' }) });
    expect(hook.status).toBe(200);
  });

  it('keeps a data dir it was given, and refuses a bad seed with the reason', async () => {
    const dataDir = tempDir();
    const mockmost = await startMockmost({ dataDir });
    await mockmost.stop();
    expect(existsSync(join(dataDir, 'mockmost.sqlite'))).toBe(true);
    rmSync(dataDir, { recursive: true, force: true });
    await expect(startMockmost({ seed: { teams: 'nope' } as never })).rejects.toThrow(/^seed: /);
  });

  it('acts as a user: posts, replies, reacts, runs built-in commands and sees their ephemeral answers', async () => {
    const mm = await start();
    const alice = mm.as('user-1');
    const post = await alice.post('town-square', 'hello team');
    const reply = await alice.reply(post, 'and a thread');
    expect(reply.root_id).toBe(post.id);
    await alice.react(post, ':+1:');
    expect((await mm.posts('town-square')).map((p) => p.message).slice(-2)).toEqual(['hello team', 'and a thread']);
    const shrug = await alice.runCommand('town-square', '/shrug fine');
    expect(shrug.posted.map((p) => p.message)).toEqual([expect.stringMatching(/^fine ¯.+\(ツ\).+¯$/)]);
    const join = await alice.runCommand('town-square', '/join no-such-channel');
    expect(join.ephemerals.map((p) => p.message)).toEqual(["We couldn't find the channel."]);
    expect(mm.ephemerals('user-1').at(-1)?.message).toBe("We couldn't find the channel.");
    const unknown = await alice.runCommand('town-square', '/nope').catch((error: Error) => error);
    expect(unknown).toBeInstanceOf(MattermostError);
    expect((unknown as MattermostError).id).toBe('api.command.execute_command.not_found.app_error');
    expect((await mm.exchanges({ kind: 'rest', limit: '50' })).some((e) => e.url === '/api/v4/reactions')).toBe(true);
  });

  it('says what arrived instead when a wait fails, and names broken rules in plain words', async () => {
    const mm = await start();
    const hook = await mm.setup.incomingHook({ channel: 'town-square' });
    await fetch(hook.url, { method: 'POST', body: JSON.stringify({ text: 'build 7 passed', username: 'ci' }) });
    await expect(mm.waitForPost({ message: 'build 8' }, { timeout: 200 })).rejects.toThrow(
      /no post matching \{message: build 8\} within 200 ms; arrived instead \(newest last\):\n {2}@sysadmin: "build 7 passed"/,
    );
    expect((await mm.waitForPost({ message: /build \d+ passed/ })).message).toBe('build 7 passed');
    await expect(mm.expectNoDiagnosis()).rejects.toThrow(/\[G02\] "username" \(ci\) was ignored: EnablePostUsernameOverride is off/);
    await mm.reset();
    await expect(mm.expectNoDiagnosis()).resolves.toBeUndefined();
  });

  it('chooses from a message menu by the option’s text, and sees the ephemeral answer', async () => {
    const mm = await start();
    const integration = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const click = JSON.parse(raw) as { context: { selected_option: string } };
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ ephemeral_text: `chose ${click.context.selected_option}` }));
      });
    });
    await new Promise<void>((resolve) => integration.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(integration.address() as AddressInfo).port}`;
      const hook = await mm.setup.incomingHook({ channel: 'town-square' });
      const menu = {
        id: 'env',
        name: 'Environment',
        type: 'select',
        options: [{ text: 'Staging', value: 'staging' }],
        integration: { url },
      };
      await fetch(hook.url, { method: 'POST', body: JSON.stringify({ attachments: [{ text: 'where to?', actions: [menu] }] }) });
      const post = await mm.waitForPost({ attachment: 'where to?' });
      const chosen = await mm.as('user-1').select(post, 'env', 'Staging');
      expect(chosen.ephemerals.map((p) => p.message)).toEqual(['chose staging']);
      await expect(mm.as('user-1').click(post, 'deploy')).rejects.toThrow(
        `post ${post.id} has no action "deploy"; its actions: Environment (env)`,
      );
    } finally {
      integration.close();
    }
  });

  it('sets up users, private channels and bots with working tokens', async () => {
    const mm = await start();
    const dana = await mm.setup.user({ username: 'dana' });
    const room = await mm.setup.channel({ name: 'release', type: 'P', members: ['dana'] });
    const bot = await mm.setup.bot({ username: 'release-bot', channels: [{ team: 'dev', name: 'release' }] });
    const asBot = await fetch(`${mm.url}/api/v4/posts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bot.token}` },
      body: JSON.stringify({ channel_id: room.id, message: 'release 1.2 is out' }),
    });
    expect(asBot.status).toBe(201);
    const seen = await mm.waitForPost({ user: 'release-bot', message: 'release 1.2' }, { channel: room.id });
    expect(seen.props.from_bot).toBe('true');
    expect((await mm.as('dana').post(room.id, 'thanks')).user_id).toBe(dana.id);
    await expect(mm.as('user-1').post(room.id, 'let me in')).rejects.toThrow(/403 api\.context\.permissions\.app_error/);
  });
});
