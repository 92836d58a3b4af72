import type { Client4 } from '@mattermost/client';
import { IncomingWebhook } from '@slack/webhook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/shared/contract/exchange';
import { clientFor, createHook } from '../helpers/mattermost-client';
import { SYSADMIN, startTestCore, type TestCore } from '../helpers/test-core';

describe('POST /hooks/{id}', () => {
  let server: TestCore;
  let client: Client4;
  let hookId: string;
  let channelId: string;

  beforeAll(async () => {
    server = await startTestCore();
    client = await clientFor(server.url, SYSADMIN.username, SYSADMIN.password);
    hookId = await createHook(client);
    channelId = (await client.getChannelByNameAndTeamName('dev', 'town-square')).id;
  });
  afterAll(() => server.stop());

  const newestPost = async () => {
    const list = await client.getPosts(channelId, 0, 1);
    return list.posts[list.order[0]!]!;
  };
  const newestExchange = async (): Promise<Exchange> => ((await (await server.control('/exchanges?limit=1')).json()) as Exchange[])[0]!;

  it('accepts a Slack client and posts its text in the hook channel', async () => {
    const result = await new IncomingWebhook(`${server.url}/hooks/${hookId}`).send({ text: 'Deploy finished <!here>' });
    expect(result.text).toBe('ok');
    const post = await newestPost();
    expect(post.message).toBe('Deploy finished @here');
    expect(post.props).toMatchObject({ from_webhook: 'true', webhook_display_name: 'Test hook' });
  });

  it('serves icon_emoji as the emoji image URL, only while the icon override is on', async () => {
    await client.patchConfig({ ServiceSettings: { EnablePostIconOverride: true } } as never);
    await new IncomingWebhook(`${server.url}/hooks/${hookId}`).send({ text: 'with an emoji icon', icon_emoji: ':smile:' });
    const post = await newestPost();
    expect(post.props).toMatchObject({ override_icon_emoji: ':smile:', override_icon_url: '/static/emoji/1f604.png' });
    await client.patchConfig({ ServiceSettings: { EnablePostIconOverride: false } } as never);
    expect((await client.getPost(post.id)).props.override_icon_url).toBeUndefined();
  });

  it('accepts a form body with payload=', async () => {
    const body = new URLSearchParams({ payload: JSON.stringify({ text: 'from a form' }) });
    const response = await fetch(`${server.url}/hooks/${hookId}`, { method: 'POST', body });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe('ok');
    expect((await newestPost()).message).toBe('from a form');
  });

  it('captures the exchange with its request, response and the post it made', async () => {
    await fetch(`${server.url}/hooks/${hookId}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"text":"captured"}',
    });
    const exchange = await newestExchange();
    const post = await newestPost();
    expect(exchange).toMatchObject({
      direction: 'inbound',
      kind: 'incoming_webhook',
      method: 'POST',
      url: `/hooks/${hookId}`,
      status: 200,
      hook_id: hookId,
      post_id: post.id,
      request_body: { encoding: 'utf8', data: '{"text":"captured"}', size: 19, truncated: false },
      response_body: { data: 'ok' },
    });
    expect(exchange.request_headers).toContainEqual(['Content-Type', 'application/json']);
    expect(exchange.response_headers).toContainEqual(['Content-Type', 'text/plain']);
  });

  it("answers Mattermost's wrapped error for empty text and records the real cause", async () => {
    const response = await fetch(`${server.url}/hooks/${hookId}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"text":""}',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['id', 'message', 'detailed_error', 'request_id', 'status_code']);
    expect(body).toMatchObject({
      id: 'web.incoming_webhook.general.app_error',
      message: `Failed to handle the payload of media type application/json for incoming webhook ${hookId}.`,
      detailed_error: '',
      request_id: response.headers.get('x-request-id'),
      status_code: 400,
    });
    const exchange = await newestExchange();
    expect(exchange.error_id).toBe('web.incoming_webhook.text.app_error');
    expect(exchange.diagnosis.map((d) => d.code)).toContain('G01');
  });

  it('answers the decode error for malformed JSON and for a form without payload', async () => {
    for (const [type, body] of [
      ['application/json', '{"text":'],
      ['application/x-www-form-urlencoded', '{"text":"json sent as form"}'],
    ]) {
      const response = await fetch(`${server.url}/hooks/${hookId}`, { method: 'POST', headers: { 'Content-Type': type! }, body });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { id: string }).id).toBe('web.incoming_webhook.decode.app_error');
    }
  });

  it('answers 400 Invalid webhook for an unknown hook id', async () => {
    const response = await fetch(`${server.url}/hooks/abc123`, { method: 'POST', body: '{"text":"x"}' });
    expect(response.status).toBe(400);
    expect((await newestExchange()).error_id).toBe('web.incoming_webhook.invalid.app_error');
  });
});
