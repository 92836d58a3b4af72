import { GoJsonError } from '../../../../shared/mattermost/go-json';
import { decodeIncomingWebhookRequest, type IncomingWebhookRequest } from '../../../../shared/mattermost/incoming-webhook-request';
import { handleIncomingWebhook } from '../../../workspace/handle-incoming-webhook';
import { AppError, bodyTooLarge } from '../../app-error';
import type { RequestContext, RouteDef } from '../../http-types';
import { parseGoForm, parseMediaType } from './content-type';

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
async function readPayloadText(ctx: RequestContext, hookId: string): Promise<{ mediaType: string; text: string }> {
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
    ctx.capture.diagnosis.push({
      code: 'G08',
      message: 'multipart/form-data webhooks are not supported by Mockmost yet.',
      fix: 'Send the payload as JSON.',
    });
    throw decodeError(mediaType, hookId, 'multipart/form-data is not supported yet');
  }
  // Mattermost reads JSON through a size-limited reader: an oversized body arrives cut and fails to decode.
  return { mediaType, text: body.data.toString('utf8') };
}

export const incomingWebhook: RouteDef = {
  method: 'POST',
  path: '/hooks/:hookId',
  async handle(ctx) {
    const hookId = ctx.params.hookId!;
    ctx.capture.hookId = hookId;
    const { mediaType, text } = await readPayloadText(ctx, hookId);
    let request: IncomingWebhookRequest;
    try {
      request = decodeIncomingWebhookRequest(text);
    } catch (error) {
      if (!(error instanceof GoJsonError)) throw error;
      ctx.capture.diagnosis.push({
        code: 'G07',
        message: `The payload is not the JSON Mattermost expects: ${error.message}.`,
        fix:
          mediaType === 'application/x-www-form-urlencoded'
            ? 'A form body needs a payload= field holding the JSON.'
            : 'Send a JSON object such as {"text": "hello"} with Content-Type: application/json.',
      });
      throw decodeError(mediaType, hookId, error.message);
    }
    try {
      const outcome = ctx.core.store.batch.run(() => handleIncomingWebhook(ctx.core, hookId, request, ctx.capture.diagnosis));
      ctx.capture.postId = outcome.posts[0]?.id;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      ctx.capture.diagnosis.push({ code: 'G01', message: `Mattermost's real reason (${error.id}): ${error.message}` });
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
