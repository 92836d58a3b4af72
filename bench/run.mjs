// `npm run bench`: incoming-webhook throughput of Mockmost (every exchange and post committed
// before the answer) against a bare node:http server in the same run, as a ratio.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './load.mjs';
import { benchUi } from './ui.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

function start(args, pattern) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
  });
}

const stop = (child) =>
  new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))));

async function hookUrl(base) {
  const login = await fetch(`${base}/api/v4/users/login`, {
    method: 'POST',
    body: JSON.stringify({ login_id: 'sysadmin', password: 'Sys@dmin-sample1' }),
  });
  const headers = { Authorization: `Bearer ${login.headers.get('token')}` };
  const channel = await (await fetch(`${base}/api/v4/teams/name/dev/channels/name/town-square`, { headers })).json();
  const hook = await (
    await fetch(`${base}/api/v4/hooks/incoming`, { method: 'POST', headers, body: JSON.stringify({ channel_id: channel.id }) })
  ).json();
  return `${base}/hooks/${hook.id}`;
}

function payload(bytes) {
  const attachment = {
    fallback: 'Build finished',
    color: '#36a64f',
    title: 'Build #1234',
    text: '',
    fields: [{ title: 'Branch', value: 'main', short: true }],
  };
  const base = { text: 'Build #1234 passed :white_check_mark:', username: 'ci', attachments: [attachment] };
  attachment.text = 'x'.repeat(Math.max(0, bytes - JSON.stringify(base).length));
  return JSON.stringify(base);
}

const fmt = (r) => `${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  errors ${r.errors}`;

const dataDir = mkdtempSync(join(tmpdir(), 'mockmost-bench-'));
const bare = await start([join(here, 'bare-server.mjs')], /listening on (\S+)/);
const mockmost = await start([join(here, '../bin/mockmost.js'), 'serve', '--port', '0', '--data', dataDir], /Mockmost listening on (\S+)/);
try {
  const target = await hookUrl(mockmost.url);
  console.log(`POST /hooks/{id}, ${connections} connections, ${seconds} s after a 2 s warm-up, loopback (${process.version})`);
  for (const size of [1024, 30 * 1024]) {
    const body = payload(size);
    const headers = { 'content-type': 'application/json' };
    const baseline = await load({ url: `${bare.url}/hooks/bench`, body, headers, connections, seconds });
    const measured = await load({ url: target, body, headers, connections, seconds });
    console.log(`\n${body.length} B payload`);
    console.log(`  bare node:http ${fmt(baseline)}`);
    console.log(`  Mockmost       ${fmt(measured)}`);
    console.log(`  ratio          ${(measured.rps / baseline.rps).toFixed(2)} of bare node:http`);
  }
} finally {
  await Promise.all([stop(bare.child), stop(mockmost.child)]);
  rmSync(dataDir, { recursive: true, force: true });
}

// The UI, in Chromium, against a fresh Mockmost (the throughput run filled the other one).
if (process.env.BENCH_UI !== '0') {
  const uiDir = mkdtempSync(join(tmpdir(), 'mockmost-bench-ui-'));
  const ui = await start([join(here, '../bin/mockmost.js'), 'serve', '--port', '0', '--data', uiDir], /Mockmost listening on (\S+)/);
  try {
    const result = await benchUi(ui.url, await hookUrl(ui.url));
    const ms = (v) => `${v.toFixed(1)} ms`;
    console.log('\nUI in Chromium');
    console.log(
      `  preview after a keystroke, typical payload   median ${ms(result.typical.median)}  p95 ${ms(result.typical.p95)}  (aim < 16 ms)`,
    );
    console.log(
      `  preview after a keystroke, maximal payload   median ${ms(result.maximal.median)}  p95 ${ms(result.maximal.p95)}  (aim < 50 ms)`,
    );
    console.log(
      `  channel of 10000 posts, 200 posts/s arriving  ${result.load.sent} posts, ${result.load.longTasks} main-thread tasks over 50 ms, longest ${ms(result.load.maxTask)}  (aim: none)`,
    );
  } finally {
    await stop(ui.child);
    rmSync(uiDir, { recursive: true, force: true });
  }
}
