import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/shared/contract/exchange';
import { FakeIntegration } from '../helpers/fake-integration';
import { startTestCore, type TestCore } from '../helpers/test-core';

describe('recording proxy', () => {
  let server: TestCore;
  let fake: FakeIntegration;
  let fakeUrl: string;

  beforeAll(async () => {
    fake = new FakeIntegration();
    fakeUrl = await fake.start();
    server = await startTestCore({ proxies: { bot: `${fakeUrl}/base` } });
  });
  afterAll(async () => {
    await server.stop();
    await fake.stop();
  });

  it('forwards to the integration, answers unchanged and records both sides as an outbound exchange', async () => {
    fake.response = { status: 201, headers: { 'X-Bot': 'yes' }, body: { text: 'pong' } };
    const body = new URLSearchParams({ token: 't', trigger_word: 'ping', text: 'ping me' }).toString();
    const response = await fetch(`${server.url}/_mockmost/proxy/bot/outgoing?x=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    expect(response.headers.get('x-bot')).toBe('yes');
    expect(await response.json()).toEqual({ text: 'pong' });
    expect(fake.calls.at(-1)).toMatchObject({ method: 'POST', path: '/base/outgoing', query: { x: '1' }, body });
    const [exchange] = (await (await server.control('/exchanges?limit=1')).json()) as Exchange[];
    expect(exchange).toMatchObject({ direction: 'outbound', kind: 'outgoing_webhook', url: `${fakeUrl}/base/outgoing?x=1`, status: 201 });
    expect(exchange!.request_body.data).toBe(body);
    expect(exchange!.response_body.data).toBe('{"text":"pong"}');
  });

  it('answers 502 and records why when the integration is down, and 404 for an unknown name', async () => {
    const set = await server.control('/proxies/down', { method: 'PUT', body: JSON.stringify({ url: 'http://127.0.0.1:9' }) });
    expect(set.status, await set.clone().text()).toBe(200);
    const down = await fetch(`${server.url}/_mockmost/proxy/down/x`, { method: 'POST', body: '{}' });
    expect(down.status).toBe(502);
    const [exchange] = (await (await server.control('/exchanges?limit=1')).json()) as Exchange[];
    expect(exchange).toMatchObject({ status: null, url: 'http://127.0.0.1:9/x' });
    expect(exchange!.diagnosis.map((d) => d.code)).toEqual(['P01', 'P02']);
    await server.control('/proxies/loop', { method: 'PUT', body: JSON.stringify({ url: `${server.url}/_mockmost/proxy/loop` }) });
    expect((await fetch(`${server.url}/_mockmost/proxy/loop/x`)).status).toBe(508);
    const unknown = await fetch(`${server.url}/_mockmost/proxy/nobody/x`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('no proxy named "nobody"');
  });
});

describe('retention', () => {
  let server: TestCore;

  beforeAll(async () => {
    server = await startTestCore({ keepExchanges: { count: 5 } });
  });
  afterAll(() => server.stop());

  it('prunes the oldest exchanges beyond the limit in the background', async () => {
    for (let i = 0; i < 12; i++) await fetch(`${server.url}/api/v4/system/ping?n=${i}`);
    const count = () => server.core.store.exchanges.count();
    await expect.poll(count, { timeout: 12_000, interval: 250 }).toBe(5);
    const urls = ((await (await server.control('/exchanges?limit=10')).json()) as Exchange[]).map((e) => e.url);
    expect(urls[0]).toContain('n=11');
  });
});
