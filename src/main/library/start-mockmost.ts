import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore } from '../core/create-core';
import type { SeedSummary } from '../../shared/contract/control-api';
import type { SeedFile } from '../../shared/contract/seed';

export interface StartOptions {
  /** Where the workspace and captured exchanges live; a fresh temporary folder, removed by `stop()`, when absent. */
  dataDir?: string;
  /** The workspace to seed instead of the built-in one (the shape of a `--seed` file). */
  seed?: SeedFile;
  /** Port on 127.0.0.1; a free one when absent. */
  port?: number;
  /** The control API token; random when absent. */
  controlToken?: string;
  /** Where Mockmost's log lines go (an integration's refused address, a store failure); dropped when absent. */
  log?: (line: string) => void;
}

export interface Mockmost {
  /** `http://127.0.0.1:PORT`: point the integration under test here (incoming hooks, REST, WebSocket). */
  readonly url: string;
  /** Bearer token of the control API (`/_mockmost/api/…`). */
  readonly controlToken: string;
  readonly dataDir: string;
  /** Drops the workspace and seeds it afresh (new ids); `exchanges: true` clears the captured traffic too. */
  reset(options?: { exchanges?: boolean }): Promise<SeedSummary>;
  /** Stops the server (requests in flight finish), closes the database, and removes a temporary data dir. */
  stop(): Promise<void>;
}

/**
 * A Mockmost in the test's own process: the same core as `mockmost serve`, on a free loopback
 * port with its own temporary data dir unless told otherwise. Many may run at once.
 */
export async function startMockmost(options: StartOptions = {}): Promise<Mockmost> {
  const temporary = options.dataDir === undefined;
  const dataDir = temporary ? mkdtempSync(join(tmpdir(), 'mockmost-')) : resolve(options.dataDir!);
  const core = createCore({
    port: options.port ?? 0,
    host: '127.0.0.1',
    dataDir,
    seed: options.seed,
    token: options.controlToken,
    rendererDir: join(__dirname, '../renderer'),
    log: options.log,
  });
  const removeTemporary = () => {
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await core.start();
  } catch (error) {
    removeTemporary();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    url: core.url,
    controlToken: core.token,
    dataDir,
    reset: (resetOptions) => core.reset(resetOptions),
    stop: () =>
      (stopped ??= (async () => {
        try {
          await core.stop();
        } finally {
          removeTemporary();
        }
      })()),
  };
}
