// Starting and stopping the processes a benchmark measures: each server runs in its own
// process, so the load generator (this process) never shares its CPU time with the server's.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const MOCKMOST_BIN = join(here, '../../bin/mockmost.js');
export const BARE_SERVER = join(here, 'bare-server.mjs');
export const DURABLE_FLOOR_SERVER = join(here, 'durable-floor-server.mjs');

/** Spawns `node ARGS` and resolves once stdout matches `pattern`, with the time that took. */
export function start(args, pattern) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited with ${code} before it was ready`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) resolve({ child, match, readyMs: performance.now() - started });
    });
  });
}

export const stop = (child) =>
  new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))));

/** `mockmost serve` on a free port over `dataDir`: its URL, control token and start-up time. */
export async function serveMockmost(dataDir, extra = []) {
  const { child, match, readyMs } = await start(
    [MOCKMOST_BIN, 'serve', '--port', '0', '--data', dataDir, ...extra],
    /Mockmost listening on (\S+)\ncontrol token: (\S+)\n/,
  );
  return { child, url: match[1], token: match[2], readyMs };
}

export async function bareServer(mode = 'text') {
  const { child, match } = await start([BARE_SERVER, mode], /listening on (\S+)/);
  return { child, url: match[1] };
}

/** The durable floor (durable-floor-server.mjs), storing into `dataDir`. */
export async function durableFloorServer(dataDir) {
  const { child, match } = await start([DURABLE_FLOOR_SERVER, dataDir], /listening on (\S+)/);
  return { child, url: match[1] };
}

/** CPU time a process has used so far, user and system, all threads, in seconds (Linux /proc, USER_HZ = 100). */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of a process in MiB (Linux /proc). */
export function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}
