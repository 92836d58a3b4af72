import type { IncomingWebhook } from '../../../../shared/mattermost/model';
import { newId } from '../../../core/new-id';
import type { Store } from '../../../store/store';
import { AppError, invalidUrlParam, noPermission } from '../../app-error';
import { isSystemAdmin, requireSession, type Caller } from '../../auth';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { optionalString, readApiJson } from '../../read-api-json';

const disabled = () =>
  new AppError(501, 'api.incoming_webhook.disabled.app_error', 'Incoming webhooks have been disabled by the system admin.');

/** manage_own_incoming_webhooks: system admins and the team's admins (server.md §3.8). */
function canManageHooks(store: Store, caller: Caller, teamId: string): boolean {
  if (isSystemAdmin(caller.user)) return true;
  const roles = store.db.prepare('SELECT roles FROM team_members WHERE team_id = ? AND user_id = ?').pluck().get(teamId, caller.user.id) as
    string | undefined;
  return roles?.split(' ').includes('team_admin') ?? false;
}

const LIMITS: [keyof IncomingWebhook, number, string][] = [
  ['display_name', 64, 'model.incoming_hook.display_name.app_error'],
  ['description', 500, 'model.incoming_hook.description.app_error'],
  ['username', 64, 'model.incoming_hook.username.app_error'],
  ['icon_url', 1024, 'model.incoming_hook.icon_url.app_error'],
];

export const createIncomingHook: RouteDef = {
  method: 'POST',
  path: '/api/v4/hooks/incoming',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'incoming_webhook');
    const store = ctx.core.store;
    const settings = ctx.core.config().ServiceSettings ?? {};
    const channel = store.channels.get(optionalString(body.channel_id));
    if (!channel) throw new AppError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
    if (!canManageHooks(store, caller, channel.team_id)) throw noPermission();
    if (settings.EnableIncomingWebhooks !== true) throw disabled();
    const now = Date.now();
    const userId = optionalString(body.user_id) || caller.user.id;
    if (userId !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
    const hook: IncomingWebhook = {
      id: newId(),
      create_at: now,
      update_at: now,
      delete_at: 0,
      user_id: userId,
      channel_id: channel.id,
      team_id: channel.team_id,
      display_name: optionalString(body.display_name),
      description: optionalString(body.description),
      // Blanked when the override is off at creation (server.md §3.8, diagnostic G04).
      username: settings.EnablePostUsernameOverride === true ? optionalString(body.username) : '',
      icon_url: settings.EnablePostIconOverride === true ? optionalString(body.icon_url) : '',
      // Admins hold bypass_incoming_webhook_channel_lock; everyone else gets a locked hook.
      channel_locked: canManageHooks(store, caller, channel.team_id) ? body.channel_locked === true : true,
    };
    for (const [field, max, id] of LIMITS) {
      if (new TextEncoder().encode(String(hook[field])).length > max) {
        throw new AppError(400, id, 'Invalid incoming webhook.', `id=${hook.id}`);
      }
    }
    store.batch.run(() => store.incomingHooks.put(hook));
    ctx.capture.hookId = hook.id;
    return json(201, hook);
  },
};

export const getIncomingHook: RouteDef = {
  method: 'GET',
  path: '/api/v4/hooks/incoming/:hookId',
  handle(ctx) {
    const caller = requireSession(ctx);
    if (ctx.params.hookId!.length !== 26) throw invalidUrlParam('hook_id');
    const store = ctx.core.store;
    const hook = store.incomingHooks.get(ctx.params.hookId!);
    if (!hook || hook.delete_at !== 0) throw new AppError(404, 'app.webhooks.get_incoming.app_error', 'Unable to get the webhook.');
    if (!canManageHooks(store, caller, hook.team_id)) throw noPermission();
    if (ctx.core.config().ServiceSettings?.EnableIncomingWebhooks !== true) throw disabled();
    ctx.capture.hookId = hook.id;
    return json(200, hook);
  },
};
