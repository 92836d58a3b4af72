// A store holding a long history: start-up time, memory, size on disk and the traffic view's
// queries (listing, filters, full-text search) over N stored exchanges, each against the same
// measurement on an almost empty store in the same run.
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { adminHeaders, hookUrl, webhookPayload } from '../lib/mockmost-api.mjs';
import { rssMiB, serveMockmost, stop } from '../lib/processes.mjs';
import { median, percentile } from '../lib/stats.mjs';

/** The traffic view's requests (what a user waits for when they open, page, filter or search), and the control API's list. */
const QUERIES = (total) => [
  ['newest', '/traffic?limit=200'],
  ['page_deep', `/traffic?limit=200&before=${Math.floor(total / 2)}`],
  ['kind', '/traffic?limit=200&kind=rest'],
  ['status', '/traffic?limit=200&status=4xx'],
  ['status_2xx', '/traffic?limit=200&status=2xx'],
  ['search_common', '/traffic?limit=200&q=passed'],
  ['search_rare', `/traffic?limit=200&q=build+${Math.floor(total / 3)}`],
  ['search_kind', '/traffic?limit=200&q=passed&kind=incoming_webhook'],
  // A common word in a kind that never holds it: every match must be ruled out (a page ends early, saying where to go on).
  ['search_kind_none', '/traffic?limit=200&q=passed&kind=slash_command'],
  ['contract_newest_full', '/exchanges?limit=100'],
];

/**
 * Real traffic to copy from: webhooks of several sizes, REST calls, and requests Mattermost
 * refuses. Answers each recorded exchange's URL, headers and bodies in bytes, as sent (the store
 * keeps them packed), by id.
 */
export async function recordTemplates(server) {
  const base = server.url;
  const hook = await hookUrl(base);
  const headers = await adminHeaders(base);
  for (const size of [300, 1024, 1024, 1024, 4096]) await fetch(hook, { method: 'POST', body: webhookPayload(size) });
  for (const path of ['/api/v4/users/me', '/api/v4/teams', '/api/v4/users/me/teams']) await fetch(`${base}${path}`, { headers });
  await fetch(hook, { method: 'POST', body: '{"text": broken' });
  await fetch(`${base}/api/v4/posts/nosuchpost0000000000000000`, { headers });
  const recorded = await fetch(`${base}/_mockmost/api/exchanges?limit=1000`, { headers: { authorization: `Bearer ${server.token}` } });
  const sent = (e) =>
    e.url.length +
    JSON.stringify(e.request_headers).length +
    JSON.stringify(e.response_headers).length +
    e.request_body.size +
    e.response_body.size;
  return new Map((await recorded.json()).map((e) => [e.id, sent(e)]));
}

/**
 * Copies the recorded exchanges until the store holds `total`, each with its own build number in
 * its URL (so a rare word has one match) and its own time. Answers the average URL, headers and
 * bodies of an exchange, as sent. Indexing and packing are left to Mockmost (see `indexAndPack`).
 */
export function fill(dbFile, total, sentBytes) {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  try {
    const templates = db.prepare('SELECT * FROM exchanges ORDER BY id').all();
    // Stored columns only: generated ones are computed by SQLite.
    const columns = db.prepare("SELECT name FROM pragma_table_xinfo('exchanges') WHERE hidden = 0 AND name != 'id'").pluck().all();
    const insert = db.prepare(`INSERT INTO exchanges (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    // Headers and bodies, as sent or already packed: a copy of the template's.
    const copyPayload = [
      ['exchange_payloads', 'request_headers, request_body, response_headers, response_body'],
      ['exchange_packed', 'packing, packed'],
    ].map(([table, values]) => db.prepare(`INSERT INTO ${table} (id, ${values}) SELECT ?, ${values} FROM ${table} WHERE id = ?`));
    const start = Date.now() - 30 * 24 * 3600 * 1000;
    const step = (30 * 24 * 3600 * 1000) / total;
    let bytes = [...sentBytes.values()].reduce((sum, n) => sum + n, 0);
    const batch = db.transaction((from, to) => {
      for (let i = from; i < to; i++) {
        const t = templates[i % templates.length];
        const url = `${t.url}${t.url.includes('?') ? '&' : '?'}build=${i + 1}`;
        bytes += sentBytes.get(t.id) - t.url.length + url.length;
        const id = insert.run({ ...t, url, started_at: Math.round(start + i * step) }).lastInsertRowid;
        for (const copy of copyPayload) copy.run(id, t.id);
      }
    });
    for (let i = templates.length; i < total; i += 20_000) batch(i, Math.min(total, i + 20_000));
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { payloadBytes: bytes / total };
  } finally {
    db.close();
  }
}

/**
 * Has Mockmost do what it does to a capture at idle time: index it (a complete search waits for
 * the whole catch-up), then pack it (store/exchange-packer.ts), watched through its progress row.
 */
async function indexAndPack(dataDir) {
  const server = await serveMockmost(dataDir);
  const db = new Database(join(dataDir, 'mockmost.sqlite'), { readonly: true });
  try {
    const response = await fetch(`${server.url}/_mockmost/api/exchanges?limit=1&q=passed`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    if (response.status !== 200) throw new Error(`indexing: HTTP ${response.status}`);
    const packedUpTo = db.prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'packed_id'").pluck();
    const newest = db.prepare('SELECT max(id) FROM exchanges').pluck().get();
    while ((packedUpTo.get() ?? 0) < newest) await new Promise((resolve) => setTimeout(resolve, 250));
  } finally {
    db.close();
    await stop(server.child);
  }
}

const dirBytes = (dir) => readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);

/**
 * Clears the whole history through the control API while a client pings every 20 ms: how long
 * the clear takes, and the longest any other request waited meanwhile (SQLite writes block).
 */
async function clearAll(server) {
  const { ms: clearMs, longestPing } = await whilePinging(server, (auth) =>
    fetch(`${server.url}/_mockmost/api/exchanges`, { method: 'DELETE', headers: auth }),
  );
  return { clearMs, longestPing };
}

/** Runs one control API request while a client pings every 20 ms: its time and the longest ping. */
async function whilePinging(server, send) {
  let longestPing = 0;
  let pinging = true;
  const pinger = (async () => {
    while (pinging) {
      const started = performance.now();
      await fetch(`${server.url}/api/v4/system/ping`);
      longestPing = Math.max(longestPing, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const started = performance.now();
  const response = await send({ authorization: `Bearer ${server.token}` });
  const body = await response.json();
  const ms = performance.now() - started;
  pinging = false;
  await pinger;
  if (response.status !== 200) throw new Error(`${response.url}: HTTP ${response.status}`);
  return { ms, longestPing, body };
}

/**
 * A store filled under unbroken load, which the idle-time indexer never reached: how soon the
 * traffic view's search answers (with what is indexed so far), how long a complete search waits
 * for the whole catch-up, and the longest any other request waited meanwhile; each against the
 * same request once everything is indexed.
 */
async function searchAfterBurst({ total, label, report }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mockmost-bench-burst-'));
  try {
    const first = await serveMockmost(dataDir);
    const sent = await recordTemplates(first);
    await stop(first.child);
    fill(join(dataDir, 'mockmost.sqlite'), total, sent);
    const server = await serveMockmost(dataDir);
    try {
      const search = (path) => (auth) => fetch(`${server.url}/_mockmost/api${path}`, { headers: auth });
      const view = await whilePinging(server, search('/traffic?limit=200&q=passed'));
      const complete = await whilePinging(server, search('/exchanges?limit=100&q=passed'));
      const viewAfter = await whilePinging(server, search('/traffic?limit=200&q=passed'));
      const completeAfter = await whilePinging(server, search('/exchanges?limit=100&q=passed'));
      process.stderr.write(`history: the first search left ${view.body.indexing_pending ?? 0} exchanges to index\n`);
      const prefix = `history.burst_${label}`;
      const indexed = 'same request, all indexed';
      report.figure({
        name: `${prefix}.traffic_search_first_answer`,
        value: view.ms,
        unit: 'ms',
        baseline: viewAfter.ms,
        baselineName: indexed,
      });
      report.figure({
        name: `${prefix}.complete_search`,
        value: complete.ms,
        unit: 'ms',
        baseline: completeAfter.ms,
        baselineName: indexed,
      });
      report.figure({
        name: `${prefix}.longest_wait_during_catch_up`,
        value: Math.max(view.longestPing, complete.longestPing),
        unit: 'ms',
        baseline: Math.max(viewAfter.longestPing, completeAfter.longestPing),
        baselineName: indexed,
      });
    } finally {
      await stop(server.child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startupMs(dataDir, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const server = await serveMockmost(dataDir);
    times.push(server.readyMs);
    await stop(server.child);
  }
  return median(times);
}

/** p95 latency (ms) of each query, over HTTP as the UI sends it. */
async function queryLatencies(server, total, reps) {
  const pool = new Pool(server.url, { connections: 1 });
  const headers = { authorization: `Bearer ${server.token}` };
  const result = {};
  try {
    for (const [name, query] of QUERIES(total)) {
      const times = [];
      for (let i = 0; i < reps + 2; i++) {
        const started = performance.now();
        const response = await pool.request({ method: 'GET', path: `/_mockmost/api${query}`, headers });
        await response.body.arrayBuffer();
        if (response.statusCode !== 200) throw new Error(`${query}: HTTP ${response.statusCode}`);
        if (i >= 2) times.push(performance.now() - started);
      }
      result[name] = percentile(times, 95);
    }
  } finally {
    await pool.close();
  }
  return result;
}

export async function history({ quick, report }) {
  const total = quick ? 20_000 : 1_000_000;
  const label = quick ? '20k' : '1m';
  await searchAfterBurst({ total: total / 5, label: quick ? '4k' : '200k', report });
  const reps = quick ? 20 : 100;
  const dataDir = mkdtempSync(join(tmpdir(), 'mockmost-bench-history-'));
  try {
    const empty = await serveMockmost(dataDir);
    let emptyRss, emptyRssAfter, emptyQueries, sent;
    try {
      emptyRss = rssMiB(empty.child.pid);
      sent = await recordTemplates(empty);
      emptyQueries = await queryLatencies(empty, total, reps);
      emptyRssAfter = rssMiB(empty.child.pid);
    } finally {
      await stop(empty.child);
    }
    const emptyStart = await startupMs(dataDir, quick ? 1 : 3);

    const filled = performance.now();
    const { payloadBytes } = fill(join(dataDir, 'mockmost.sqlite'), total, sent);
    await indexAndPack(dataDir);
    process.stderr.write(
      `history: stored, indexed and packed ${total} exchanges in ${((performance.now() - filled) / 1000).toFixed(1)} s\n`,
    );
    report.figure({
      name: `history.${label}.bytes_per_exchange`,
      value: dirBytes(dataDir) / total,
      unit: 'B',
      baseline: payloadBytes,
      baselineName: 'URL, headers and bodies',
    });

    const fullStart = await startupMs(dataDir, quick ? 1 : 3);
    report.figure({ name: `startup.${label}`, value: fullStart, unit: 'ms', baseline: emptyStart, baselineName: 'empty data dir' });
    const server = await serveMockmost(dataDir);
    try {
      report.figure({
        name: `history.${label}.rss_at_start`,
        value: rssMiB(server.child.pid),
        unit: 'MiB',
        baseline: emptyRss,
        baselineName: 'empty store',
      });
      const latencies = await queryLatencies(server, total, reps);
      for (const [name, p95] of Object.entries(latencies)) {
        report.figure({
          name: `history.${label}.${name}.p95`,
          value: p95,
          unit: 'ms',
          baseline: emptyQueries[name],
          baselineName: 'same query, empty store',
          aim: '< 50 ms',
        });
      }
      report.figure({
        name: `history.${label}.rss_after_queries`,
        value: rssMiB(server.child.pid),
        unit: 'MiB',
        baseline: emptyRssAfter,
        baselineName: 'empty store, same queries',
      });
      const { clearMs, longestPing } = await clearAll(server);
      // Cleared, the same store is the baseline: what a clear costs with nothing to delete.
      const emptyClear = await clearAll(server);
      report.figure({
        name: `history.${label}.clear`,
        value: clearMs,
        unit: 'ms',
        baseline: emptyClear.clearMs,
        baselineName: 'clearing an empty store',
      });
      report.figure({
        name: `history.${label}.longest_wait_during_clear`,
        value: longestPing,
        unit: 'ms',
        baseline: emptyClear.longestPing,
        baselineName: 'same, clearing an empty store',
      });
    } finally {
      await stop(server.child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
