import Database from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src/main/store/open-database';
import { openReadOnlyStore } from '../../../src/main/store/read-only-store';
import { startServe, tempDataDir, type ServeProcess } from '../../helpers/serve-process';
import { login, SYSADMIN } from '../helpers/test-core';

const DIE_WHEN_ANSWERING = resolve(__dirname, '../../helpers/die-when-answering.mjs');

const ROUNDS = 4;
/** As many concurrent senders as the webhook bench (bench/suites/webhooks.mjs). */
const WORKERS = 20;
/** Printed with any failure, so a run can be repeated: FUZZ_SEED=… npx vitest run durability. */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Webhooks from WORKERS concurrent senders until the process dies; answers the texts acknowledged with 200 `ok`. */
async function sendUntilKilled(p: ServeProcess, hookId: string, round: number, next: () => number): Promise<string[]> {
  const acknowledged: string[] = [];
  let n = 0;
  const worker = async () => {
    while (p.child.exitCode === null && p.child.signalCode === null) {
      const text = `round ${round} post ${n++}`;
      // 100 B to 40 KB, so commits of very different sizes are in flight when the kill lands.
      const padding = 'x'.repeat(Math.floor(next() * 40_000));
      const response = await fetch(`${p.url}/hooks/${hookId}`, {
        method: 'POST',
        body: JSON.stringify({ text, attachments: [{ text: padding }] }),
      }).catch(() => null);
      if (response?.status === 200 && (await response.text().catch(() => '')) === 'ok') acknowledged.push(text);
    }
  };
  const killAfterMs = 150 + Math.floor(next() * 600);
  const kill = new Promise<void>((done) =>
    setTimeout(() => {
      p.child.kill('SIGKILL');
      done();
    }, killAfterMs),
  );
  await Promise.all([kill, ...Array.from({ length: WORKERS }, worker)]);
  return acknowledged;
}

/** An incoming webhook on town-square, made through the REST API as an admin would. */
async function createHook(url: string): Promise<string> {
  const headers = { Authorization: `Bearer ${await login(url, SYSADMIN)}` };
  const channel = (await (await fetch(`${url}/api/v4/teams/name/dev/channels/name/town-square`, { headers })).json()) as { id: string };
  const hook = await fetch(`${url}/api/v4/hooks/incoming`, { method: 'POST', headers, body: JSON.stringify({ channel_id: channel.id }) });
  return ((await hook.json()) as { id: string }).id;
}

describe(`durability under SIGKILL (seed ${SEED})`, () => {
  const dataDir = tempDataDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged webhook across kills at random moments, and the database stays sound', async () => {
    const next = random(SEED);
    const acknowledged: string[] = [];
    let hookId = '';
    for (let round = 0; round < ROUNDS; round++) {
      const p = await startServe([], { dataDir });
      hookId ||= await createHook(p.url);
      acknowledged.push(...(await sendUntilKilled(p, hookId, round, next)));
      await p.stop();
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 10);

    const db = new Database(join(dataDir, DATABASE_FILE));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const posts = new Set(db.prepare("SELECT json_extract(doc, '$.message') FROM posts").pluck().all() as string[]);
      expect(acknowledged.filter((text) => !posts.has(text))).toEqual([]);
    } finally {
      db.close();
    }
    // The exchanges as the store reads them back (their bodies are stored packed).
    const store = openReadOnlyStore(join(dataDir, DATABASE_FILE));
    try {
      const answered = store.exchanges.query({ kind: 'incoming_webhook', status: '2xx', limit: 1_000_000 });
      const captured = new Set(answered.map((e) => (JSON.parse(e.request_body.data) as { text: string }).text));
      expect(acknowledged.filter((text) => !captured.has(text))).toEqual([]);
    } finally {
      store.close();
    }
  }, 60_000);

  it('keeps the webhook whose 200 the process was killed in the middle of sending', async () => {
    const dir = tempDataDir();
    const dyingUrlFile = join(dir, 'dying-url');
    try {
      const p = await startServe([], {
        dataDir: dir,
        nodeArgs: ['--import', DIE_WHEN_ANSWERING],
        env: { MOCKMOST_DYING_URL_FILE: dyingUrlFile },
      });
      const hookId = await createHook(p.url);
      const sent = Array.from({ length: WORKERS }, (_, n) =>
        fetch(`${p.url}/hooks/${hookId}?n=${n}`, { method: 'POST', body: JSON.stringify({ text: `post ${n}` }) }).then(
          (response) => response.status,
          (error: Error) => error.message,
        ),
      );
      // The first answer killed the process before it left: no sender heard back.
      expect(new Set(await Promise.all(sent))).toEqual(new Set(['fetch failed']));
      expect(await p.stop()).toBeNull();
      const dying = readFileSync(dyingUrlFile, 'utf8');
      const n = Number(new URL(dying, p.url).searchParams.get('n'));

      const store = openReadOnlyStore(join(dir, DATABASE_FILE));
      try {
        const captured = store.exchanges.query({ kind: 'incoming_webhook', limit: 100 });
        expect(captured.map((e) => e.url)).toContain(dying);
        expect(captured.find((e) => e.url === dying)).toMatchObject({ status: 200, response_body: { data: 'ok' } });
      } finally {
        store.close();
      }
      const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
      try {
        expect(db.prepare("SELECT count(*) FROM posts WHERE json_extract(doc, '$.message') = ?").pluck().get(`post ${n}`)).toBe(1);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
