import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pool } from 'undici';
import { MATTERMOST_ROUTES } from '../../../src/main/server/routes';
import { login, SYSADMIN, startTestCore, USER_1, type TestCore } from '../helpers/test-core';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const CONCURRENCY = 16;

/** A small deterministic generator, so a failure can be replayed with the same seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

/**
 * Mattermost answers a few 5xx by design; anything else 5xx (above all Mockmost's own
 * internal error) is a bug.
 */
const EXPECTED_5XX = new Set([
  'api.incoming_webhook.disabled.app_error',
  'api.outgoing_webhook.disabled.app_error',
  'api.command.disabled.app_error',
  'web.incoming_webhook.general.app_error',
  'app.user_access_token.disabled',
  'api.webhook.create_outgoing.intersect.app_error',
  // A multipart upload whose first part is a file is read whole, and a damaged one answers 500 (uploadFileMultipartLegacy).
  'api.file.upload_file.read_request.app_error',
]);

describe('fuzzing every Mattermost route', () => {
  let server: TestCore;
  let tokens: string[];
  let ids: string[];

  beforeAll(async () => {
    server = await startTestCore();
    const admin = await login(server.url, SYSADMIN);
    tokens = [admin, await login(server.url, USER_1), 'zzzzzzzzzzzzzzzzzzzzzzzzzz', ''];
    const seed = (await (await server.control('/workspace/reset', { method: 'POST' })).json()) as {
      channels: { dev: Record<string, string> };
      users: Record<string, string>;
      teams: Record<string, string>;
    };
    tokens[0] = await login(server.url, SYSADMIN);
    tokens[1] = await login(server.url, USER_1);
    const channel = seed.channels.dev['town-square']!;
    const hook = (await (
      await fetch(`${server.url}/api/v4/hooks/incoming`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens[0]}` },
        body: JSON.stringify({ channel_id: channel }),
      })
    ).json()) as { id: string };
    const upload = new FormData();
    upload.append('channel_id', channel);
    upload.append('files', new Blob(['hello']), 'hello.txt');
    const file = (await (
      await fetch(`${server.url}/api/v4/files`, { method: 'POST', headers: { Authorization: `Bearer ${tokens[0]}` }, body: upload })
    ).json()) as { file_infos: { id: string }[] };
    const post = (await (
      await fetch(`${server.url}/api/v4/posts`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens[0]}` },
        body: JSON.stringify({ channel_id: channel, message: 'fuzz target', file_ids: [file.file_infos[0]!.id] }),
      })
    ).json()) as { id: string };
    ids = [
      hook.id,
      channel,
      post.id,
      file.file_infos[0]!.id,
      ...Object.values(seed.users),
      seed.teams.dev!,
      'me',
      'abc',
      '+1',
      'x'.repeat(26),
      '0'.repeat(300),
    ];
  });
  afterAll(() => server.stop());

  it(`answers ${REQUESTS} malformed and hostile requests without a 5xx, and keeps serving`, async () => {
    const r = random(20261123);
    const deep = (depth: number): unknown => {
      if (depth === 0) return r.pick([1, 'x', null, true, -1.5e308]);
      return r.next() < 0.5 ? [deep(depth - 1)] : { a: deep(depth - 1) };
    };
    const scalars: (() => unknown)[] = [
      () => '',
      () => 'x'.repeat(70_000),
      () => 42,
      () => -1,
      () => true,
      () => null,
      () => [],
      () => ({}),
      () => ['a', 1],
      () => ({ text: 5 }),
      () => '\u0000\ud800',
      () => deep(200),
    ];
    const values = () => r.pick(scalars)();
    const fieldNames = [
      'text',
      'message',
      'channel_id',
      'team_id',
      'user_id',
      'props',
      'attachments',
      'trigger_words',
      'callback_urls',
      'username',
      'type',
      'root_id',
      'id',
      'ServiceSettings',
      'login_id',
      'password',
      'post',
      'description',
      'terms',
      'term',
      'status',
      'emoji_name',
      'post_id',
      'file_ids',
      'prev_channel_id',
      'is_or_search',
      'per_page',
    ];
    /** A multipart body as uploads send it, with its parts shuffled, repeated, unknown or cut off. */
    const multipart = (): string => {
      const parts = Array.from({ length: Math.floor(r.next() * 5) }, () => {
        const kind = r.pick(['channel_id', 'client_ids', 'files', 'files', 'other']);
        if (kind === 'files') {
          const name = r.pick(['a.png', '../../etc/passwd', '', 'x'.repeat(300), 'рисунок.gif', 'a.svg']);
          const data = r.pick(['', '\x89PNG\r\n\x1a\n garbage', 'x'.repeat(10_000), '<svg width="99999" height="99999"/>']);
          return `--x\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n\r\n${data}\r\n`;
        }
        return `--x\r\nContent-Disposition: form-data; name="${kind}"\r\n\r\n${String(r.pick(ids))}\r\n`;
      });
      const whole = `${parts.join('')}--x--\r\n`;
      return r.next() < 0.3 ? whole.slice(0, Math.floor(r.next() * whole.length)) : whole;
    };
    const body = (): string | Buffer | undefined => {
      switch (r.pick(['json', 'array', 'truncated', 'bytes', 'form', 'multipart', 'empty', 'nested', 'none'])) {
        case 'multipart':
          return multipart();
        case 'json':
          return JSON.stringify(
            Object.fromEntries(Array.from({ length: 1 + Math.floor(r.next() * 4) }, () => [r.pick(fieldNames), values()])),
          );
        case 'array':
          return JSON.stringify([values(), r.pick(ids)]);
        case 'truncated':
          return '{"text": "unterminated';
        case 'bytes':
          return Buffer.from(Array.from({ length: 64 }, () => Math.floor(r.next() * 256)));
        case 'form':
          return `payload=${r.pick(['%zz', '{"text":1}', '%7B%22text%22%3A%22x%22%7D', ';;'])}&a=${r.pick(['1', '%'])}`;
        case 'empty':
          return '';
        case 'nested':
          return '['.repeat(20_000) + ']'.repeat(20_000);
        default:
          return undefined;
      }
    };
    const contentTypes = [
      undefined,
      'application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
      'application/json; charset',
      'garbage',
    ];
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
    const url = new URL(server.url);
    const pool = new Pool(url.origin, { connections: CONCURRENCY });
    const bad: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const worker = async () => {
      while (sent < REQUESTS) {
        sent++;
        const route = r.pick(MATTERMOST_ROUTES);
        const path = route.path.replace(/:[a-zA-Z]+~?/g, () => encodeURIComponent(r.pick(ids)));
        const method = r.next() < 0.8 ? route.method : r.pick(methods);
        const headers: Record<string, string> = {};
        const type = r.pick(contentTypes);
        if (type) headers['content-type'] = type;
        const which = Math.floor(r.next() * tokens.length);
        const token = tokens[which]!;
        if (token) headers.authorization = `Bearer ${token}`;
        // Uploads mostly get what uploads look like, so the fuzz reaches past the form reading.
        const upload = route.path === '/api/v4/files' && r.next() < 0.7;
        if (upload) headers['content-type'] = 'multipart/form-data; boundary=x';
        const payload = method === 'GET' ? undefined : upload ? multipart() : body();
        const started = Date.now();
        const response = await pool
          .request({
            method,
            path: `${path}${r.next() < 0.1 ? '?page=-1&per_page=x&since=abc' : ''}`,
            headers,
            body: payload,
            headersTimeout: 10_000,
            bodyTimeout: 10_000,
          })
          .catch((error: Error) => {
            bad.push(`${method} ${path} → no answer after ${Date.now() - started} ms: ${error.message}`);
            return undefined;
          });
        if (!response) continue;
        // A fuzzed logout ends that session: log in again so the rest of the run stays authenticated.
        if (route.path === '/api/v4/users/logout' && which < 2) tokens[which] = await login(server.url, which === 0 ? SYSADMIN : USER_1);
        const text = await response.body.text();
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (response.statusCode >= 500) {
          let id = '';
          try {
            id = (JSON.parse(text) as { id: string }).id;
          } catch {
            id = text.slice(0, 80);
          }
          if (!EXPECTED_5XX.has(id)) bad.push(`${method} ${path} → ${response.statusCode} ${id}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await pool.close();
    expect(bad.slice(0, 20)).toEqual([]);
    // The run must reach the handlers, not stop at authentication: successes and 4xx of many kinds.
    expect(statuses.get(200)! + (statuses.get(201) ?? 0)).toBeGreaterThan(REQUESTS / 50);
    expect([...statuses.keys()].filter((s) => s >= 400 && s < 500).length).toBeGreaterThanOrEqual(4);
    expect((await fetch(`${server.url}/api/v4/system/ping`)).status).toBe(200);
  }, 120_000);
});
