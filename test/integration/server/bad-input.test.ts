import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/shared/contract/exchange';
import { startWithHook } from '../helpers/mattermost-client';
import { startTestCore, type TestCore } from '../helpers/test-core';

/** Sends raw bytes and answers what came back (the server must answer and stay up). */
function rawHttp(url: string, bytes: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

describe('bad input', () => {
  let server: TestCore;
  let hookId: string;

  beforeAll(async () => {
    ({ server, hookId } = await startWithHook(startTestCore));
  });
  afterAll(() => server.stop());

  const post = (path: string, body: string | Buffer, type?: string) =>
    fetch(`${server.url}${path}`, { method: 'POST', body, headers: type ? { 'Content-Type': type } : {} });
  const stillServing = async () => expect((await fetch(`${server.url}/api/v4/system/ping`)).status).toBe(200);

  it("answers Mattermost's 404 without request_id for unknown API routes, any method, with the path in the detail", async () => {
    for (const method of ['GET', 'POST', 'DELETE', 'PATCH']) {
      const response = await fetch(`${server.url}/api/v4/no/such/route`, { method });
      expect(response.status).toBe(404);
      // Mattermost's Handle404 writes this error itself, so developer mode being off does not wipe the detail.
      expect(await response.json()).toEqual({
        id: 'api.context.404.app_error',
        message: 'Sorry, we could not find the page.',
        detailed_error:
          "There doesn't appear to be an api call for the url='/api/v4/no/such/route'.  Typo? are you missing a team_id or user_id as part of the url?",
        status_code: 404,
      });
    }
  });

  it('answers 400 invalid body param for malformed JSON on REST', async () => {
    const response = await post('/api/v4/users/login', '{"login_id":', 'application/json');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { id: string }).id).toBe('api.context.invalid_body_param.app_error');
  });

  it('stores a non-UTF-8 body as base64 and answers the decode error', async () => {
    const bytes = Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0xff, 0xfe, 0x7d]);
    const response = await post(`/hooks/${hookId}`, bytes, 'application/json');
    expect(response.status).toBe(400);
    const [exchange] = (await (await server.control('/exchanges?limit=1')).json()) as Exchange[];
    expect(exchange!.request_body).toEqual({ encoding: 'base64', data: bytes.toString('base64'), size: 11, truncated: false });
  });

  it('turns an oversized form body into 413 and an oversized JSON body into the decode error', async () => {
    const huge = 'a'.repeat(400_000);
    const form = await post(
      `/hooks/${hookId}`,
      `payload=${encodeURIComponent(JSON.stringify({ text: huge }))}`,
      'application/x-www-form-urlencoded',
    );
    expect(form.status).toBe(413);
    expect(((await form.json()) as { id: string }).id).toBe('api.context.request_body_too_large.app_error');
    const json = await post(`/hooks/${hookId}`, JSON.stringify({ text: huge }), 'application/json');
    expect(json.status).toBe(400);
    expect(((await json.json()) as { id: string }).id).toBe('web.incoming_webhook.decode.app_error');
    const [exchange] = (await (await server.control('/exchanges?limit=1')).json()) as Exchange[];
    expect(exchange!.request_body.size).toBe(JSON.stringify({ text: huge }).length);
    expect(exchange!.request_body.truncated).toBe(true);
  });

  it('closes the connection on a body far past the limit, and keeps serving', async () => {
    const response = await post(`/hooks/${hookId}`, Buffer.alloc(12 * 1024 * 1024, 0x61), 'application/x-www-form-urlencoded').catch(
      (error: Error) => error,
    );
    if (!(response instanceof Error)) expect(response.status).toBe(413);
    await stillServing();
  });

  it('answers 414 for a URL longer than MaximumURLLength', async () => {
    const response = await fetch(`${server.url}/api/v4/users/${'a'.repeat(2100)}`);
    expect(response.status).toBe(414);
    expect(((await response.json()) as { id: string }).id).toBe('basic_security_check.url.too_long_error');
  });

  it('answers 400 to malformed HTTP and keeps serving', async () => {
    expect(await rawHttp(server.url, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawHttp(server.url, 'POST /hooks/x HTTP/1.1\r\nHost: a\r\nContent-Length: nope\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  it('survives hostile payloads: deep nesting, wrong types, unknown ids, odd content types', async () => {
    const bodies: [string, string | undefined][] = [
      ['['.repeat(100_000), 'application/json'],
      [`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, 'application/json'],
      ['{"text":{"a":1}}', 'application/json'],
      ['{"text":"x","attachments":"nope"}', 'application/json'],
      ['{"text":"x","props":[1]}', 'application/json'],
      ['{"text":"x","channel":"@nobody"}', 'application/json'],
      ['payload=%zz', 'application/x-www-form-urlencoded'],
      ['{"text":"x"}', 'text/plain; charset'],
      ['--b\r\n', 'multipart/form-data; boundary=b'],
      ['null', undefined],
    ];
    for (const [body, type] of bodies) {
      const response = await post(`/hooks/${hookId}`, body, type);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    for (const path of ['/hooks/zzzzzzzzzzzzzzzzzzzzzzzzzz', '/api/v4/posts/abc', '/api/v4/channels/zzzzzzzzzzzzzzzzzzzzzzzzzz/posts']) {
      const response = await fetch(`${server.url}${path}`, {
        method: path.startsWith('/hooks') ? 'POST' : 'GET',
        body: path.startsWith('/hooks') ? '{"text":"x"}' : undefined,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    await stillServing();
  });
});
