// The testing library: how long `startMockmost()` takes (a core on a free port with a fresh
// temporary data dir, seeded and listening), one at a time and four at once, against a bare
// node:http server's listen on a free port, measured in this process in the same run.
import { createServer } from 'node:http';
import { startMockmost } from '../../lib/index.mjs';
import { median } from '../lib/stats.mjs';

async function bareListen() {
  const started = performance.now();
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const ms = performance.now() - started;
  await new Promise((resolve) => server.close(resolve));
  return ms;
}

async function timedStart() {
  const started = performance.now();
  const mockmost = await startMockmost();
  const ms = performance.now() - started;
  await mockmost.stop();
  return ms;
}

export async function library({ quick, report }) {
  const rounds = quick ? 5 : 20;
  // The first start loads the modules and SQLite; a test file pays it once, as here.
  await timedStart();
  const bare = [];
  const single = [];
  for (let i = 0; i < rounds; i++) {
    bare.push(await bareListen());
    single.push(await timedStart());
  }
  const bareMs = median(bare);
  const base = { baselineName: 'bare node:http listen on a free port' };
  report.figure({ name: 'library.start', value: median(single), unit: 'ms', baseline: bareMs, aim: '< 1000 ms', ...base });
  const parallel = [];
  for (let i = 0; i < Math.ceil(rounds / 4); i++) {
    const started = performance.now();
    const all = await Promise.all(Array.from({ length: 4 }, () => startMockmost()));
    parallel.push(performance.now() - started);
    await Promise.all(all.map((m) => m.stop()));
  }
  report.figure({ name: 'library.start_4_at_once', value: median(parallel), unit: 'ms', baseline: bareMs, aim: '< 1000 ms', ...base });
}
