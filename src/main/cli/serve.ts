import { join, resolve } from 'node:path';
import { createCore } from '../core/create-core';
import { defaultDataDir } from '../core/default-data-dir';
import { StartupError } from '../core/startup-error';
import { parseServeArgs } from './parse-args';

/** `mockmost serve`: the core without Electron, until SIGINT or SIGTERM. */
export async function serve(argv: string[]): Promise<number> {
  const args = parseServeArgs(argv);
  const core = createCore({
    port: args.port,
    host: args.host,
    dataDir: resolve(args.data ?? defaultDataDir()),
    seedFile: args.seed && resolve(args.seed),
    token: args.token,
    rendererDir: join(__dirname, '../renderer'),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  try {
    await core.start();
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`mockmost: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write(`Mockmost listening on ${core.url}\ncontrol token: ${core.token}\n`);

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      core.stop().then(
        () => done(0),
        (error: unknown) => {
          process.stderr.write(`mockmost: error while stopping: ${(error as Error).message}\n`);
          done(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
