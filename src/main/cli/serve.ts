import { join, resolve } from 'node:path';
import { createCore } from '../core/create-core';
import { defaultDataDir } from '../core/default-data-dir';
import { StartupError } from '../base/startup-error';
import { parseServeArgs } from './parse-args';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** `mockmost serve`: the core without Electron, until SIGINT or SIGTERM. */
export async function serve(argv: string[]): Promise<number> {
  const args = parseServeArgs(argv);
  const dataDir = resolve(args.data ?? defaultDataDir());
  const core = createCore({
    port: args.port,
    host: args.host,
    dataDir,
    seedFile: args.seed && resolve(args.seed),
    token: args.token,
    proxies: args.proxies,
    keepExchanges: args.keep,
    rendererDir: join(__dirname, '../renderer'),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  // The handlers go in before anything starts and stay until the end: a signal that arrives
  // while the store opens, or a second one while stopping, must not kill the process mid-commit.
  let signalled!: () => void;
  const stopRequested = new Promise<void>((resolveStop) => (signalled = resolveStop));
  for (const signal of STOP_SIGNALS) process.on(signal, signalled);
  try {
    try {
      await core.start();
    } catch (error) {
      if (error instanceof StartupError) {
        process.stderr.write(`mockmost: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
    process.stdout.write(
      args.json
        ? `${JSON.stringify({ url: core.url, control_token: core.token, data_dir: dataDir, pid: process.pid })}\n`
        : `Mockmost listening on ${core.url}\ncontrol token: ${core.token}\n`,
    );
    await stopRequested;
    try {
      await core.stop();
      return 0;
    } catch (error) {
      process.stderr.write(`mockmost: error while stopping: ${(error as Error).message}\n`);
      return 1;
    }
  } finally {
    for (const signal of STOP_SIGNALS) process.removeListener(signal, signalled);
  }
}
