// Incoming-webhook ingest: every exchange and post committed before the answer, against a bare
// node:http server (same payloads, same client, same run), against the durable floor (a minimal
// server that parses the JSON and commits the raw request before answering, one commit per
// event-loop turn), and against raw better-sqlite3 writing one exchange-shaped row per commit.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from '../lib/load.mjs';
import { hookUrl, webhookPayload } from '../lib/mockmost-api.mjs';
import { bareServer, durableFloorServer, serveMockmost, stop } from '../lib/processes.mjs';

// The largest is just under Mattermost's default MaximumPayloadSizeBytes (300,000 + 512 bytes
// read); a full 300 KiB body is refused by Mattermost, and so by Mockmost, as undecodable.
const SIZES = [
  ['1kb', 1024],
  ['30kb', 30 * 1024],
  ['300kb', 299_000],
];

/** Rows per second that better-sqlite3 commits, one row per transaction, WAL + synchronous=NORMAL (as the store). */
function rawInsertsPerSecond(body, seconds) {
  const dir = mkdtempSync(join(tmpdir(), 'mockmost-bench-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(
      'CREATE TABLE exchanges (id INTEGER PRIMARY KEY, url TEXT, headers TEXT, request_body BLOB, response_body BLOB, started_at INTEGER)',
    );
    const insert = db.prepare('INSERT INTO exchanges (url, headers, request_body, response_body, started_at) VALUES (?, ?, ?, ?, ?)');
    const one = db.transaction(() =>
      insert.run('/hooks/x', '[["content-type","application/json"]]', Buffer.from(body), Buffer.from('ok'), Date.now()),
    );
    const end = performance.now() + seconds * 1000;
    let rows = 0;
    while (performance.now() < end) {
      one();
      rows++;
    }
    return rows / seconds;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function webhooks({ quick, report }) {
  const seconds = quick ? 2 : 10;
  const warmupSeconds = quick ? 1 : 2;
  const connections = 20;
  const dataDir = mkdtempSync(join(tmpdir(), 'mockmost-bench-'));
  const floorDir = mkdtempSync(join(tmpdir(), 'mockmost-bench-floor-'));
  const bare = await bareServer('text');
  const floor = await durableFloorServer(floorDir);
  const mockmost = await serveMockmost(dataDir);
  try {
    const target = await hookUrl(mockmost.url);
    for (const [label, size] of quick ? SIZES.slice(0, 2) : SIZES) {
      const body = webhookPayload(size);
      const headers = { 'content-type': 'application/json' };
      const baseline = await load({ url: `${bare.url}/hooks/bench`, body, headers, connections, seconds, warmupSeconds });
      const durable = await load({
        url: `${floor.url}/hooks/bench`,
        body,
        headers,
        connections,
        seconds,
        warmupSeconds,
        serverPid: floor.child.pid,
      });
      const measured = await load({ url: target, body, headers, connections, seconds, warmupSeconds, serverPid: mockmost.child.pid });
      const errors = baseline.errors + durable.errors + measured.errors;
      if (errors > 0) throw new Error(`webhooks ${label}: ${errors} requests failed`);
      const base = { baselineName: 'bare node:http' };
      report.figure({ name: `webhook.${label}.throughput`, value: measured.rps, unit: 'req/s', baseline: baseline.rps, ...base });
      report.figure({ name: `webhook.${label}.p99`, value: measured.p99, unit: 'ms', baseline: baseline.p99, ...base });
      const floorBase = { baselineName: 'durable floor (parse, insert the raw request, commit per loop turn)' };
      report.figure({
        name: `webhook.${label}.throughput_vs_durable_floor`,
        value: measured.rps,
        unit: 'req/s',
        baseline: durable.rps,
        ...floorBase,
      });
      report.figure({
        name: `webhook.${label}.p99_vs_durable_floor`,
        value: measured.p99,
        unit: 'ms',
        baseline: durable.p99,
        ...floorBase,
      });
      // Where the distance to the floor comes from: on two cores shared with the load generator,
      // throughput follows the CPU time each request costs the server.
      report.figure({
        name: `webhook.${label}.cpu_per_request_vs_durable_floor`,
        value: measured.cpuUsPerRequest,
        unit: 'µs',
        baseline: durable.cpuUsPerRequest,
        ...floorBase,
      });
      if (label === '1kb') {
        report.figure({
          name: 'webhook.1kb.throughput_vs_sqlite',
          value: measured.rps,
          unit: 'req/s',
          baseline: rawInsertsPerSecond(body, quick ? 1 : 3),
          baselineName: 'raw better-sqlite3, commit per row',
        });
      }
    }
  } finally {
    await Promise.all([stop(bare.child), stop(floor.child), stop(mockmost.child)]);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(floorDir, { recursive: true, force: true });
  }
}
