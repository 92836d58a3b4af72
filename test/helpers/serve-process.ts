import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve(__dirname, '../../bin/mockmost.js');

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  token: string;
  dataDir: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Stops the process if needed and removes a data dir this helper made. */
  cleanup(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'mockmost-serve-'));
}

/**
 * `mockmost serve` as a user runs it, on a free port, resolved once it prints its two lines.
 * `nodeArgs` go to Node before the script (a test's `--import` preload), `env` adds to the environment.
 */
export function startServe(
  args: string[] = [],
  options: { dataDir?: string; nodeArgs?: string[]; env?: Record<string, string> } = {},
): Promise<ServeProcess> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? tempDataDir();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, 'serve', '--port', '0', '--data', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in time; stderr: ${stderr}`));
    }, 15_000);
    const onEarlyExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening; stderr: ${stderr}`));
    };
    child.once('exit', onEarlyExit);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /Mockmost listening on (\S+)\n/.exec(stdout)?.[1];
      const token = /control token: (\S+)\n/.exec(stdout)?.[1];
      if (!url || !token) return;
      clearTimeout(timer);
      child.removeListener('exit', onEarlyExit);
      resolveStart({
        child,
        url,
        token,
        dataDir,
        stderr: () => stderr,
        stop,
        async cleanup() {
          await stop();
          if (ownDir) rmSync(dataDir, { recursive: true, force: true });
        },
      });
    });
  });
}
