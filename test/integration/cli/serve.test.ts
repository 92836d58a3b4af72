import { spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/shared/contract/exchange';
import type { PostList } from '../../../src/shared/mattermost/model';
import { DEFAULT_SEED } from '../../../src/main/workspace/default-seed';
import { BIN, startServe, tempDataDir, type ServeProcess } from '../../helpers/serve-process';
import { login, SYSADMIN } from '../helpers/test-core';

const running: ServeProcess[] = [];
const dirs: string[] = [];

async function serve(args: string[] = [], dataDir?: string): Promise<ServeProcess> {
  const process = await startServe(args, dataDir ? { dataDir } : {});
  running.push(process);
  return process;
}

function runToExit(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 15_000 });
}

function newDir(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
}

async function hookFor(url: string, token: string): Promise<string> {
  const headers = { Authorization: `Bearer ${token}` };
  const channel = (await (await fetch(`${url}/api/v4/teams/name/dev/channels/name/town-square`, { headers })).json()) as { id: string };
  const hook = await fetch(`${url}/api/v4/hooks/incoming`, { method: 'POST', headers, body: JSON.stringify({ channel_id: channel.id }) });
  return ((await hook.json()) as { id: string }).id;
}

describe('mockmost serve', () => {
  beforeAll(() => {
    if (!existsSync(join(__dirname, '../../../out/main/cli.js')))
      throw new Error('run `npm run build` first: these tests start the built CLI');
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.cleanup()));
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('with --json prints one JSON line, and nothing else on stdout, that a fixture in any language can read', async () => {
    const dataDir = newDir();
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--json', '--data', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    try {
      await expect.poll(() => stdout.includes('\n'), { timeout: 15_000 }).toBe(true);
      const started = JSON.parse(stdout) as { url: string; control_token: string; data_dir: string; pid: number };
      expect(started).toEqual({
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        control_token: expect.any(String),
        data_dir: dataDir,
        pid: child.pid,
      });
      expect((await fetch(`${started.url}/api/v4/system/ping`)).status).toBe(200);
      const exchanges = await fetch(`${started.url}/_mockmost/api/exchanges?limit=1`, {
        headers: { Authorization: `Bearer ${started.control_token}` },
      });
      expect(exchanges.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('prints the listening line and the control token, and honours --token', async () => {
    const p = await serve(['--token', 'my-token']);
    expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(p.token).toBe('my-token');
    expect((await fetch(`${p.url}/api/v4/system/ping`)).status).toBe(200);
  });

  it('listens on loopback only by default: the other addresses of the machine are refused', async () => {
    const p = await serve();
    const port = Number(new URL(p.url).port);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    // A machine with no other address cannot be reached from elsewhere anyway.
    if (external === undefined) return;
    const reached = await new Promise<boolean>((done) => {
      const socket = connect({ host: external, port }, () => (socket.destroy(), done(true)));
      socket.once('error', () => done(false));
    });
    expect(reached).toBe(false);
    expect((await fetch(`http://127.0.0.1:${port}/api/v4/system/ping`)).status).toBe(200);
  });

  it('exits 0 on SIGTERM and on SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const p = await serve();
      expect(await p.stop(signal)).toBe(0);
    }
  });

  it('exits 1 with a one-line reason when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const result = runToExit(['serve', '--port', String(port), '--data', newDir()]);
    blocker.close();
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`mockmost: port ${port} on 127.0.0.1 is already in use`);
    expect(result.stdout).toBe('');
  });

  it('exits 1 when another Mockmost uses the data dir, and when the data dir is a file', async () => {
    const dir = newDir();
    const first = await serve([], dir);
    const second = runToExit(['serve', '--port', '0', '--data', dir]);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`is in use by another Mockmost (pid ${first.child.pid})`);
    const file = join(newDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    const third = runToExit(['serve', '--port', '0', '--data', file]);
    expect(third.status).toBe(1);
    expect(third.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('exits 2 with the usage for unknown flags', () => {
    const result = runToExit(['serve', '--prot', '1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('mockmost serve: unknown argument "--prot"; did you mean --port?');
    expect(result.stderr).toContain('Usage: mockmost serve [--port 8065]');
  });

  it('loses nothing it acknowledged when killed with SIGKILL, and keeps sessions across the restart', async () => {
    const dir = newDir();
    const p = await serve([], dir);
    const token = await login(p.url, SYSADMIN);
    const hookId = await hookFor(p.url, token);
    const acknowledged: string[] = [];
    let killed = false;
    const send = async (i: number) => {
      const text = `durable ${i}`;
      const response = await fetch(`${p.url}/hooks/${hookId}`, { method: 'POST', body: JSON.stringify({ text }) }).catch(() => null);
      if (response?.status === 200 && (await response.text()) === 'ok') {
        acknowledged.push(text);
        if (acknowledged.length === 150 && !killed) {
          killed = true;
          p.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 200 }, (_, i) => send(i)));
    expect(killed).toBe(true);

    const again = await serve([], dir);
    const channel = (await (
      await fetch(`${again.url}/api/v4/teams/name/dev/channels/name/town-square`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { id: string };
    const list = (await (
      await fetch(`${again.url}/api/v4/channels/${channel.id}/posts?per_page=200`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as PostList;
    const stored = new Set(Object.values(list.posts).map((post) => post.message));
    expect(acknowledged.filter((text) => !stored.has(text))).toEqual([]);
    const exchanges = (await (
      await fetch(`${again.url}/_mockmost/api/exchanges?limit=1000`, { headers: { Authorization: `Bearer ${again.token}` } })
    ).json()) as Exchange[];
    const hookExchanges = exchanges.filter((e) => e.kind === 'incoming_webhook' && e.status === 200);
    expect(hookExchanges.length).toBeGreaterThanOrEqual(acknowledged.length);
  });

  it('starts a fresh data dir from --seed, and refuses an invalid seed naming the field', async () => {
    const dir = newDir();
    const seedFile = join(dir, 'seed.json');
    const hookId = 'ci000000000000000000000000';
    writeFileSync(
      seedFile,
      JSON.stringify({
        ...DEFAULT_SEED,
        incoming_hooks: [{ key: 'ci', id: hookId, team: 'dev', channel: 'off-topic', creator: 'sysadmin' }],
      }),
    );
    const p = await serve(['--seed', seedFile], join(dir, 'data'));
    expect((await fetch(`${p.url}/hooks/${hookId}`, { method: 'POST', body: '{"text":"seeded"}' })).status).toBe(200);
    const reset = await fetch(`${p.url}/_mockmost/api/workspace/reset`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${p.token}` },
    });
    expect(((await reset.json()) as { hooks: Record<string, string> }).hooks).toEqual({ ci: hookId });

    writeFileSync(seedFile, JSON.stringify({ ...DEFAULT_SEED, users: [{ username: 'x' }] }));
    const bad = runToExit(['serve', '--port', '0', '--data', join(dir, 'other'), '--seed', seedFile]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(`mockmost: seed file ${seedFile}: users[0].password: must be a non-empty string`);
  });
});
