import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActionCookies } from '../caller/action-cookies';
import { TriggerIds } from '../caller/trigger-ids';
import { createHttpServer } from '../server/create-http-server';
import type { WebSocketHub } from '../server/websocket/websocket-hub';
import { lockDataDir } from '../store/data-dir-lock';
import { openDatabase } from '../store/open-database';
import { Store } from '../store/store';
import type { MattermostConfig } from '../workspace/config-defaults';
import type { Core, CoreOptions } from './core';
import { DEFAULT_SEED } from '../workspace/default-seed';
import { checkSeedObject, loadSeedFile } from './load-seed-file';
import { RecentLog } from '../base/recent-log';
import type { SeedFile } from '../workspace/seed-schema';
import { storedKeepRule, storedSeed, storeKeepRule, storeSeed } from './data-dir-settings';
import { WorkspaceEvents } from '../workspace/workspace-events';
import { hashSeedPasswords, seedWorkspace } from '../workspace/seed-workspace';
import { StartupError } from '../base/startup-error';

const LISTEN_URL_KEY = 'listen_url';

function formatUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.removeListener('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new StartupError('PORT_IN_USE', `port ${port} on ${host} is already in use`));
      else reject(new StartupError('LISTEN_FAILED', `cannot listen on ${host}:${port}: ${error.message}`));
    };
    const onListening = () => {
      server.removeListener('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** The one composition root behind `mockmost serve` and the desktop app. */
export function createCore(options: CoreOptions): Core {
  let store: Store | undefined;
  let server: Server | undefined;
  let websockets: WebSocketHub | undefined;
  let unlock: (() => void) | undefined;
  let stopRetention: (() => void) | undefined;
  // A flag overrides its stored setting for this run, until the setting is changed while running.
  let flagSeed: SeedFile | undefined;
  let flagKeep = options.keepExchanges;
  let url = '';
  const token = options.token ?? randomBytes(24).toString('base64url');

  const requireStore = () => {
    if (!store) throw new Error('core is not started');
    return store;
  };
  const keepRule = () => {
    if (flagKeep) return { rule: flagKeep, source: 'flag' as const };
    const stored = storedKeepRule(requireStore());
    return { rule: stored, source: stored ? ('settings' as const) : ('default' as const) };
  };
  /** Drops the workspace and seeds it from `seed`, inside the caller's write. */
  const resetWith = (s: Store, seed: SeedFile, hashes: Map<string, string>, opts: { exchanges?: boolean }) => {
    s.clearWorkspace();
    if (opts.exchanges) s.exchanges.clear();
    core.ephemerals.clear();
    core.dialogs.clear();
    websockets?.closeAll();
    s.setMeta(LISTEN_URL_KEY, url);
    return seedWorkspace(s, seed, url, hashes);
  };
  const applyKeepRule = () => {
    stopRetention?.();
    const { rule } = keepRule();
    stopRetention = rule && requireStore().keepWithin(rule);
  };

  const core: Core = {
    options,
    token,
    events: new WorkspaceEvents(),
    ephemerals: new RecentLog(),
    dialogs: new RecentLog(),
    actionCookies: new ActionCookies(),
    triggerIds: new TriggerIds(),
    get store() {
      return requireStore();
    },
    get url() {
      return url;
    },
    config: () => requireStore().getConfig<MattermostConfig>(),
    seed() {
      if (flagSeed) return { source: 'flag', file: options.seedFile, seed: flagSeed };
      const stored = storedSeed(requireStore());
      return stored ? { source: 'settings', seed: stored } : { source: 'default', seed: DEFAULT_SEED };
    },
    async replaceSeed(seed, opts = {}) {
      const s = requireStore();
      const next = seed ?? DEFAULT_SEED;
      const hashes = await hashSeedPasswords(next);
      const summary = s.batch.run(() => {
        storeSeed(s, seed);
        return resetWith(s, next, hashes, opts);
      });
      // Only once it is stored: a failed write leaves the seed in effect as it was.
      flagSeed = undefined;
      return summary;
    },
    keepRule,
    setKeepRule(rule) {
      const s = requireStore();
      s.batch.run(() => storeKeepRule(s, rule));
      flagKeep = undefined;
      applyKeepRule();
    },
    async reset(opts = {}) {
      const s = requireStore();
      const { seed } = core.seed();
      const hashes = await hashSeedPasswords(seed);
      return s.batch.run(() => resetWith(s, seed, hashes, opts));
    },
    async start() {
      if (options.seedFile) flagSeed = loadSeedFile(options.seedFile);
      else if (options.seed !== undefined) flagSeed = checkSeedObject(options.seed);
      unlock = lockDataDir(options.dataDir);
      try {
        store = new Store(openDatabase(options.dataDir, options.log), options.log);
        ({ server, websockets } = createHttpServer(core));
        url = formatUrl(options.host, await listen(server, options.port, options.host));
        await prepareWorkspace(store, core.seed().seed, url);
        store.idle.start();
        applyKeepRule();
      } catch (error) {
        websockets?.close();
        websockets = undefined;
        store?.close();
        store = undefined;
        server = undefined;
        unlock();
        throw error;
      }
    },
    async stop() {
      stopRetention?.();
      stopRetention = undefined;
      store?.idle.stop();
      const running = server;
      server = undefined;
      websockets?.close();
      websockets = undefined;
      if (running) {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeIdleConnections();
        });
      }
      store?.close();
      store = undefined;
      unlock?.();
      unlock = undefined;
    },
  };
  return core;
}

/**
 * Seeds a fresh data dir; on a known one, keeps SiteURL following the listen address unless
 * the user changed it (README: The seeded workspace; SiteURL is the URL Mockmost listens on).
 */
async function prepareWorkspace(store: Store, seed: SeedFile, url: string): Promise<void> {
  const fresh = store.getMeta('seed_summary') === undefined;
  const hashes = fresh ? await hashSeedPasswords(seed) : new Map<string, string>();
  store.batch.run(() => {
    const previous = store.getMeta(LISTEN_URL_KEY);
    store.setMeta(LISTEN_URL_KEY, url);
    if (fresh) {
      seedWorkspace(store, seed, url, hashes);
      return;
    }
    const config = store.getConfig<MattermostConfig>();
    if (config.ServiceSettings?.SiteURL === previous && previous !== url) {
      store.setConfig({ ...config, ServiceSettings: { ...config.ServiceSettings, SiteURL: url } });
    }
  });
  store.batch.flush();
}
