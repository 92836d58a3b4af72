import { Pool } from 'undici';
import { cpuSeconds } from './processes.mjs';

/**
 * Keeps `connections` requests in flight against one URL for `seconds`, after a warm-up, and
 * reports requests per second and latency percentiles. Loopback only, bounded in time. Given the
 * server's `serverPid`, also the CPU time the server spent per request (all its threads).
 */
export async function load({ url, body, headers, connections = 20, seconds = 10, warmupSeconds = 2, serverPid }) {
  const { origin, pathname } = new URL(url);
  const pool = new Pool(origin, { connections, pipelining: 1 });
  const run = async (durationMs, record) => {
    const latencies = [];
    let errors = 0;
    const end = Date.now() + durationMs;
    const worker = async () => {
      while (Date.now() < end) {
        const started = performance.now();
        try {
          const response = await pool.request({ method: 'POST', path: pathname, headers, body });
          await response.body.text();
          if (response.statusCode !== 200) errors++;
        } catch {
          errors++;
        }
        if (record) latencies.push(performance.now() - started);
      }
    };
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: connections }, worker));
    return { latencies, errors, elapsed: (performance.now() - startedAt) / 1000 };
  };
  await run(warmupSeconds * 1000, false);
  const cpuBefore = serverPid === undefined ? 0 : cpuSeconds(serverPid);
  const { latencies, errors, elapsed } = await run(seconds * 1000, true);
  const cpuUsPerRequest = serverPid === undefined ? NaN : ((cpuSeconds(serverPid) - cpuBefore) * 1e6) / latencies.length;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors, cpuUsPerRequest };
}
