import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src/main/store/open-database';
import { clientFor, createHook } from '../helpers/mattermost-client';
import { startTestCore, tempDir, type TestCore } from '../helpers/test-core';

/** As many concurrent senders as the webhook bench (bench/suites/webhooks.mjs). */
const WORKERS = 20;
const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' });

/**
 * A real full disk and a real read-only file system need a mount of their own: root (as on the
 * CI machines) can make one; elsewhere these tests are skipped, and say so.
 */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir('mockmost-mount-probe-');
  try {
    mount('-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe);
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

interface Answer {
  status: number | string;
  id?: string;
  message?: string;
}

describe.runIf(canMount())('a data dir whose disk fills up or turns read-only while serving', () => {
  const dataDir = tempDir('mockmost-small-disk-');
  const logged: string[] = [];
  let server: TestCore;
  let hookId: string;
  let n = 0;

  /** WORKERS concurrent senders, one body in five malformed; every answer, with the texts acknowledged 200. */
  async function burst(perWorker: number): Promise<{ answers: Answer[]; acknowledged: string[] }> {
    const answers: Answer[] = [];
    const acknowledged: string[] = [];
    const worker = async (w: number) => {
      for (let i = 0; i < perWorker; i++) {
        const malformed = (i + w) % 5 === 0;
        const text = `post ${n++}`;
        const body = malformed ? '{"text": "cut off' : JSON.stringify({ text, attachments: [{ text: 'x'.repeat(20_000) }] });
        const response = await fetch(`${server.url}/hooks/${hookId}`, { method: 'POST', body }).catch((error: Error) => error);
        if (response instanceof Error) {
          answers.push({ status: `no answer: ${response.message}` });
          continue;
        }
        const raw = await response.text();
        if (response.status === 200) {
          expect(raw).toBe('ok');
          acknowledged.push(text);
        }
        answers.push(response.status === 200 ? { status: 200 } : { status: response.status, ...(JSON.parse(raw) as object) });
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    return { answers, acknowledged };
  }

  const statuses = (answers: Answer[]) => [...new Set(answers.map((a) => `${a.status} ${a.id ?? ''}`.trim()))].sort();

  /** The acknowledged texts missing from the posts or from the answered captures, read by a connection of its own. */
  function missing(acknowledged: string[]): string[] {
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const posts = new Set(db.prepare("SELECT json_extract(doc, '$.message') FROM posts").pluck().all() as string[]);
      const captured = new Set(
        server.core.store.exchanges
          .query({ kind: 'incoming_webhook', status: '2xx', limit: 1_000_000 })
          .map((e) => (JSON.parse(e.request_body.data) as { text: string }).text),
      );
      return acknowledged.filter((text) => !posts.has(text) || !captured.has(text));
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    mount('-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dataDir);
    server = await startTestCore({ dataDir, log: (line) => logged.push(line) });
    hookId = await createHook(await clientFor(server.url, 'sysadmin', 'Sys@dmin-sample1'));
  });

  afterAll(async () => {
    await server?.stop();
    // Lazily, so that a test that failed half way cannot leave the mount behind.
    execFileSync('umount', ['-l', dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every request of a burst while the disk fills, loses nothing answered 200, and recovers when the disk does', async () => {
    const full = await burst(40);
    // Until the disk filled, webhooks were stored and malformed ones got Mattermost's 400; after, everything got the 503.
    expect(statuses(full.answers)).toEqual(['200', '400 web.incoming_webhook.decode.app_error', '503 mockmost.store.write.app_error']);
    const refused = full.answers.find((a) => a.status === 503)!;
    expect(refused.message).toBe(
      'Mockmost could not store this request: the disk that holds its data dir is full. Send it again once that is fixed.',
    );
    // Said when it starts, not for each request refused. A disk at its last pages may take a small
    // write between refusals: the log then says it works again, and later that it does not.
    const storage = logged.filter((line) => /cannot store requests|works again/.test(line));
    expect(storage[0]).toContain('cannot store requests: the disk that holds its data dir is full');
    storage.forEach((line, i) => expect(line).toContain(i % 2 ? 'works again' : 'cannot store requests'));
    expect(storage.length).toBeLessThan(full.answers.filter((a) => a.status === 503).length / 10);

    mount('-o', 'remount,size=64m', dataDir);
    const after = await burst(5);
    expect(statuses(after.answers)).toEqual(['200', '400 web.incoming_webhook.decode.app_error']);
    expect(logged.filter((line) => /cannot store requests|works again/.test(line)).at(-1)).toMatch(
      /works again; \d+ (was|were) refused meanwhile$/,
    );
    expect(missing([...full.acknowledged, ...after.acknowledged])).toEqual([]);
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);

  it('refuses uploads with a 503 that says why while the data dir is read-only, keeps taking webhooks, and takes uploads again after', async () => {
    mount('-o', 'remount,size=64m', dataDir);
    const client = await clientFor(server.url, 'sysadmin', 'Sys@dmin-sample1');
    const channel = await client.getChannelByNameAndTeamName('dev', 'town-square');
    const upload = (name: string) => {
      const form = new FormData();
      form.append('channel_id', channel.id);
      form.append('files', new Blob([`the bytes of ${name}`]), name);
      return fetch(`${server.url}/api/v4/files`, { method: 'POST', headers: { Authorization: `Bearer ${client.getToken()}` }, body: form });
    };
    // A read-only mount over the data dir: files opened before it (the database) stay writable, as after a chmod.
    mount('--bind', dataDir, dataDir);
    try {
      mount('-o', 'remount,bind,ro', dataDir);
      const refused = await upload('while-read-only.txt');
      expect(refused.status, logged.join('\n')).toBe(503);
      expect(((await refused.json()) as { message: string }).message).toBe(
        'Mockmost could not store this request: its data dir has become read-only. Send it again once that is fixed.',
      );
      const meanwhile = await burst(2);
      expect(statuses(meanwhile.answers)).toEqual(['200', '400 web.incoming_webhook.decode.app_error']);
      expect(missing(meanwhile.acknowledged)).toEqual([]);
    } finally {
      // Lazily: what was opened through the read-only mount meanwhile must not keep it there.
      execFileSync('umount', ['-l', dataDir]);
    }
    expect((await upload('after.txt')).status).toBe(201);
  }, 60_000);
});
