import { describe, expect, it } from 'vitest';
import { GoJsonError } from '../../../src/shared/mattermost/go-json';
import { decodeIncomingWebhookRequest } from '../../../src/shared/mattermost/incoming-webhook-request';

describe('decoding an incoming-webhook payload as Mattermost does', () => {
  it('matches keys case-insensitively and drops unknown keys', () => {
    expect(decodeIncomingWebhookRequest('{"TEXT":"upper","Channel":"off-topic","extra":1}')).toEqual({
      text: 'upper',
      channel: 'off-topic',
    });
  });

  it('reads only the first JSON value', () => {
    expect(decodeIncomingWebhookRequest('{"text":"a"} trailing garbage {')).toEqual({ text: 'a' });
  });

  it('retries with raw newlines and tabs escaped inside text values', () => {
    const raw = '{"text":"line one\nline\ttwo"}';
    expect(decodeIncomingWebhookRequest(raw).text).toBe('line one\nline\ttwo');
  });

  it('fails the whole payload on a type mismatch', () => {
    expect(() => decodeIncomingWebhookRequest('{"text":5}')).toThrow(GoJsonError);
    expect(() => decodeIncomingWebhookRequest('{"text":"x","attachments":[{"fields":[{"short":"yes"}]}]}')).toThrow(GoJsonError);
  });

  it('accepts quoted booleans in any case for short', () => {
    const request = decodeIncomingWebhookRequest('{"attachments":[{"fields":[{"title":"a","short":"TRUE"}]}]}');
    expect(request.attachments?.[0]?.fields?.[0]?.short).toBe(true);
  });

  it('drops null attachments and fields and turns field values into strings', () => {
    const request = decodeIncomingWebhookRequest(
      '{"text":"x","attachments":[null,{"text":"a","fields":[null,{"title":"n","value":42},{"title":"b","value":true}]}]}',
    );
    expect(request.attachments).toEqual([
      {
        text: 'a',
        fields: [
          { title: 'n', value: '42' },
          { title: 'b', value: 'true' },
        ],
      },
    ]);
  });

  it('treats an empty attachment list as absent', () => {
    expect(decodeIncomingWebhookRequest('{"attachments":[]}').attachments).toBeUndefined();
  });

  it('rejects an empty body and a non-object', () => {
    expect(() => decodeIncomingWebhookRequest('')).toThrow(GoJsonError);
    expect(() => decodeIncomingWebhookRequest('[1]')).toThrow(GoJsonError);
  });
});
