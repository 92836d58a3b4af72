import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore } from '../../../src/main/core/create-core';
import type { Core, CoreOptions } from '../../../src/main/core/core';

export const CONTROL_TOKEN = 'test-control-token';
export const SYSADMIN = { username: 'sysadmin', password: 'Sys@dmin-sample1' };
export const USER_1 = { username: 'user-1', password: 'SampleUs@r-1' };

export interface TestCore {
  core: Core;
  url: string;
  dataDir: string;
  /** Calls the control API with the token. */
  control(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'mockmost-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real core on a free loopback port with its own temporary data dir. */
export async function startTestCore(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const dataDir = options.dataDir ?? tempDir();
  const core = createCore({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    token: CONTROL_TOKEN,
    // A Mockmost bug (an answer 500) shows in the test output with its stack.
    log: (line) => console.error(line),
    rendererDir: resolve(__dirname, '../../../out/renderer'),
    ...options,
  });
  await core.start();
  return {
    core,
    url: core.url,
    dataDir,
    control: (path, init = {}) =>
      fetch(`${core.url}/_mockmost/api${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${CONTROL_TOKEN}`, ...(init.headers as Record<string, string>) },
      }),
    async stop() {
      await core.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs in through the REST API and answers the session token. */
export async function login(url: string, user: { username: string; password: string }): Promise<string> {
  const response = await fetch(`${url}/api/v4/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login_id: user.username, password: user.password }),
  });
  if (response.status !== 200) throw new Error(`login as ${user.username} failed: ${response.status} ${await response.text()}`);
  return response.headers.get('token')!;
}
