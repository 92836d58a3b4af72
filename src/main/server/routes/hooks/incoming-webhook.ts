import { GoJsonError } from '../../../../shared/mattermost/go-json';
import { decodeIncomingWebhookRequest, type IncomingWebhookRequest } from '../../../../shared/mattermost/incoming-webhook-request';
import { diagnose } from '../../../diagnostics/catalog';
import { handleIncomingWebhook } from '../../../workspace/handle-incoming-webhook';
import { AppError, bodyTooLarge } from '../../../workspace/app-error';
import type { RequestContext, RouteDef } from '../../http-types';
import { parseGoForm, parseMediaType } from './content-type';
import { parseMultipartFields } from './multipart';

const parseFormError = (hookId: string) =>
  new AppError(400, 'web.incoming_webhook.parse_form.app_error', `Failed to parse form for webhook ${hookId}.`);

const decodeError = (mediaType: string, hookId: string, detail: string) =>
  new AppError(
    400,
    'web.incoming_webhook.decode.app_error',
    `Failed to decode the payload of media type ${mediaType} for incoming webhook ${hookId}.`,
    detail,
    'model.incoming_hook.parse_data.app_error',
  );

/** Go's ParseForm first (query, then a urlencoded body), as Mattermost's handler does before anything else. */
/** Multipart parts are decoded into Go's struct fields by name, case-insensitively (server/channels/web/webhook.go: incomingWebhook, through gorilla/schema). */
const MULTIPART_FIELDS: Record<string, keyof IncomingWebhookRequest> = {
  text: 'text',
  username: 'username',
  iconurl: 'icon_url',
  channelname: 'channel',
  type: 'type',
  iconemoji: 'icon_emoji',
};

function multipartRequest(ctx: RequestContext, fields: Map<string, string[]> | null, hookId: string): IncomingWebhookRequest {
  const request: Record<string, string> = {};
  for (const [name, values] of fields ?? []) {
    const field = MULTIPART_FIELDS[name.toLowerCase()];
    if (!field) {
      ctx.capture.diagnosis.push(diagnose.multipartField(name));
      throw decodeError('multipart/form-data', hookId, `schema: invalid path "${name}"`);
    }
    request[field] = values.at(-1)!;
  }
  return request as IncomingWebhookRequest;
}

type Payload = { mediaType: string; text: string } | { mediaType: string; request: IncomingWebhookRequest };

async function readPayload(ctx: RequestContext, hookId: string): Promise<Payload> {
  const query = parseGoForm(ctx.url.search.slice(1));
  const mediaType = parseMediaType(ctx.req.headers['content-type']);
  if (query === null || mediaType === null) throw parseFormError(hookId);
  const body = await ctx.body();
  if (mediaType === 'application/x-www-form-urlencoded') {
    if (body.overLimit) throw bodyTooLarge();
    const form = parseGoForm(body.data.toString('utf8'));
    if (form === null) throw parseFormError(hookId);
    return { mediaType, text: form.get('payload')?.[0] ?? query.get('payload')?.[0] ?? '' };
  }
  if (mediaType === 'multipart/form-data') {
    if (body.overLimit) throw bodyTooLarge();
    return { mediaType, request: multipartRequest(ctx, parseMultipartFields(body.data, ctx.req.headers['content-type'] ?? ''), hookId) };
  }
  // Mattermost reads JSON through a size-limited reader: an oversized body arrives cut and fails to decode.
  if (body.overLimit) ctx.capture.diagnosis.push(diagnose.oversizedJson(body.size, body.data.length));
  return { mediaType, text: body.data.toString('utf8') };
}

export const incomingWebhook: RouteDef = {
  method: 'POST',
  path: '/hooks/:hookId',
  async handle(ctx) {
    const hookId = ctx.params.hookId!;
    ctx.capture.hookId = hookId;
    const payload = await readPayload(ctx, hookId);
    const { mediaType } = payload;
    let request: IncomingWebhookRequest;
    try {
      request = 'request' in payload ? payload.request : decodeIncomingWebhookRequest(payload.text);
    } catch (error) {
      if (!(error instanceof GoJsonError)) throw error;
      ctx.capture.diagnosis.push(diagnose.undecodable(mediaType, error.message));
      throw decodeError(mediaType, hookId, error.message);
    }
    try {
      const outcome = ctx.core.store.batch.run(() => handleIncomingWebhook(ctx.core, hookId, request, ctx.capture.diagnosis));
      ctx.capture.postId = outcome.posts[0]?.id;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      ctx.capture.diagnosis.push(diagnose.webhookCause(error.id, { hookId, channel: request.channel, mediaType }));
      throw new AppError(
        error.statusCode,
        'web.incoming_webhook.general.app_error',
        `Failed to handle the payload of media type ${mediaType} for incoming webhook ${hookId}.`,
        `HandleIncomingWebhook: ${error.message}${error.detailedError ? `, ${error.detailedError}` : ''}`,
        error.id,
      );
    }
    return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'ok' };
  },
};
