import { parseCommandResponse } from '../../../caller/command-response';
import { postResponse } from '../../../caller/slash-commands';
import { GoJsonError } from '../../../../shared/mattermost/go-json';
import { AppError, bodyTooLarge } from '../../../workspace/app-error';
import type { RouteDef } from '../../http-types';

const LIFETIME_MS = 30 * 60 * 1000;
const MAX_USES = 5;

/** `response_url` follow-ups (server/channels/app/webhook.go: HandleCommandWebhook): no auth, 30 minutes, 5 uses, posted as the invoker. */
export const commandWebhook: RouteDef = {
  method: 'POST',
  path: '/hooks/commands/:id',
  async handle(ctx) {
    const id = ctx.params.id!;
    const store = ctx.core.store;
    const general = (status: number, causeId: string, message: string) =>
      new AppError(status, 'web.command_webhook.general.app_error', `Failed to handle command webhook ${id}.`, message, causeId);
    const row = store.commandWebhooks.get(id);
    if (!row || row.create_at + LIFETIME_MS < Date.now())
      throw general(404, 'app.command_webhook.get.missing', 'Unable to find the webhook.');
    const body = await ctx.body();
    if (body.overLimit) throw bodyTooLarge();
    let response;
    try {
      response = parseCommandResponse(ctx.req.headers['content-type'], body.data.toString('utf8'));
    } catch (error) {
      if (!(error instanceof GoJsonError)) throw error;
      throw new AppError(400, 'web.command_webhook.parse.app_error', 'Unable to parse incoming data.', error.message);
    }
    if (row.use_count >= MAX_USES) throw general(400, 'app.command_webhook.try_use.invalid', 'Invalid webhook.');
    store.batch.run(() => store.commandWebhooks.countUse(id));
    const user = store.users.get(row.user_id);
    const channel = store.channels.get(row.channel_id);
    const command = store.commands.get(row.command_id);
    if (!user || !channel) throw general(404, 'app.command_webhook.get.missing', 'Unable to find the webhook.');
    ctx.capture.commandId = row.command_id;
    postResponse(ctx.core, { user, channel, command: '', rootId: row.root_id }, command, response, command?.trigger ?? '');
    return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'ok' };
  },
};
