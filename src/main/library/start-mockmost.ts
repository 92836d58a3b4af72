import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore } from '../core/create-core';
import type { ExchangeQuery, SeedSummary } from '../../shared/contract/control-api';
import type { Exchange } from '../../shared/contract/exchange';
import type { SeedFile } from '../../shared/contract/seed';
import type { Post, PostList } from '../../shared/mattermost/model';
import { Harness, type ChannelRef } from './harness';
import type { PostMatch } from './post-match';
import { call } from './rest';
import { Setup } from './setup';
import { UserDriver } from './user-driver';
import { PostWaiter, type WaitOptions } from './waits';

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
  /** Creating what the integration needs, as a system admin: hooks, commands, users, bots, channels, config. */
  readonly setup: Setup;
  /** A workspace user (by username) acting as a person in the web app would. */
  as(username: string): UserDriver;
  /** The next post matching `match` (see PostMatch), waiting for it; a failed wait lists what arrived instead. */
  waitForPost(match: PostMatch, options?: WaitOptions): Promise<Post>;
  /** A channel's posts, oldest first, as the API serves them (the newest 200). */
  posts(channel: ChannelRef): Promise<Post[]>;
  /** Ephemeral posts delivered to the user, oldest first (Mattermost stores none; Mockmost keeps the latest). */
  ephemerals(username: string): Post[];
  /** Captured exchanges, newest first (the control API's filters: kind, direction, status, q, limit…). */
  exchanges(filter?: ExchangeQuery): Promise<Exchange[]>;
  /**
   * Throws with each diagnosis' plain text when an exchange since the start or the last reset
   * broke a Mattermost rule. `ignore` lists codes to leave out; by default G20, which says a
   * default Mattermost would refuse the integration's address (a test's integration runs on
   * loopback): a matter of the server's settings, not of the integration.
   */
  expectNoDiagnosis(options?: { ignore?: string[] }): Promise<void>;
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
  const harness = new Harness(core);
  const waiter = new PostWaiter(harness);
  const control = <T>(path: string) => call<T>(core.url, core.token, 'GET', `/_mockmost/api${path}`);
  let lastExchangeId = 0;
  const markExchanges = async () => (lastExchangeId = (await control<Exchange[]>('/exchanges?limit=1'))[0]?.id ?? 0);
  await markExchanges();
  let stopped: Promise<void> | undefined;
  return {
    url: core.url,
    controlToken: core.token,
    dataDir,
    setup: new Setup(harness),
    as: (username) => new UserDriver(harness, username),
    waitForPost: (match, waitOptions) => waiter.waitFor(match, waitOptions),
    async posts(channel) {
      const list = await harness.rest<PostList>(harness.adminName(), 'GET', `/channels/${harness.channel(channel).id}/posts?per_page=200`);
      return [...list.order].reverse().map((id) => list.posts[id]!);
    },
    ephemerals(username) {
      const userId = harness.user(username).id;
      return core.ephemerals
        .newest(1000)
        .filter((e) => e.user_id === userId)
        .reverse()
        .map((e) => e.post);
    },
    exchanges(filter = {}) {
      const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      return control<Exchange[]>(`/exchanges?${query}`);
    },
    async expectNoDiagnosis({ ignore = ['G20'] } = {}) {
      const found = (await control<Exchange[]>('/exchanges?limit=1000')).filter((e) => e.id > lastExchangeId);
      const lines = found
        .reverse()
        .flatMap((e) =>
          e.diagnosis
            .filter((d) => !ignore.includes(d.code))
            .map((d) => `- ${e.method} ${e.url} → ${e.status ?? 'no answer'}: [${d.code}] ${d.message}${d.fix ? ` Fix: ${d.fix}` : ''}`),
        );
      if (lines.length > 0) throw new Error(`the integration broke Mattermost's rules:\n${lines.join('\n')}`);
    },
    async reset(resetOptions) {
      const summary = await core.reset(resetOptions);
      harness.forgetSessions();
      waiter.restart();
      await markExchanges();
      return summary;
    },
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
