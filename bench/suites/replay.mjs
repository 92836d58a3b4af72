// Headless replay (`mockmost replay`, the whole CLI process from spawn to exit) of a collection of
// slash-command calls against a local integration, against undici sending the same requests one
// at a time (replay keeps the recorded order) from this process, in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { bareServer, MOCKMOST_BIN, stop } from '../lib/processes.mjs';

const ANSWER = { response_type: 'in_channel', text: 'deployed' };

function collection(size) {
  const entries = Array.from({ length: size }, (_, i) => ({
    name: `slash_command POST http://127.0.0.1:9/deploy #${i}`,
    kind: 'slash_command',
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:9/deploy',
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: { text: `channel_id=abc&command=%2Fdeploy&text=v${i}&token=tok&user_name=sysadmin` },
    },
    response: { status: 200, headers: [['content-type', 'application/json']], body: { json: ANSWER } },
  }));
  return { format: 'mockmost-collection', version: 1, name: 'bench', entries };
}

function runCli(args) {
  const started = performance.now();
  const child = spawn(process.execPath, [MOCKMOST_BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`mockmost replay exited with ${code}: ${stderr}`)),
    ),
  );
}

async function undiciSeconds(entries, origin) {
  const started = performance.now();
  for (const entry of entries) {
    const response = await request(`${origin}/deploy`, {
      method: 'POST',
      headers: Object.fromEntries(entry.request.headers),
      body: entry.request.body.text,
    });
    JSON.parse(await response.body.text());
  }
  return (performance.now() - started) / 1000;
}

export async function replay({ quick, report }) {
  const size = quick ? 500 : 5000;
  const dir = mkdtempSync(join(tmpdir(), 'mockmost-bench-replay-'));
  const integration = await bareServer('json');
  try {
    const file = join(dir, 'collection.json');
    const data = collection(size);
    writeFileSync(file, JSON.stringify(data));
    const baseline = size / (await undiciSeconds(data.entries, integration.url));
    const measured = size / ((await runCli(['replay', file, '--target', integration.url])) / 1000);
    report.figure({
      name: 'replay.throughput',
      value: measured,
      unit: 'exchanges/s',
      baseline,
      baselineName: 'undici, same requests in order',
    });
  } finally {
    await stop(integration.child);
    rmSync(dir, { recursive: true, force: true });
  }
}
