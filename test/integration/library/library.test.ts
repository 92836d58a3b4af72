import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockmost, type Mockmost } from '../../../src/main/library';
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
});
