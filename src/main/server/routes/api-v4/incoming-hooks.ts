import { diagnose } from '../../../diagnostics/catalog';
import { utf8ByteLength } from '../../../../shared/mattermost/utf8';
import type { IncomingWebhook } from '../../../../shared/mattermost/model';
import { newId } from '../../../base/new-id';
import { requireChannel } from '../../../workspace/lookups';
import { canManageIntegrations, isSystemAdmin } from '../../../workspace/permissions';
import { AppError, noPermission } from '../../../workspace/app-error';
import type { RequestContext } from '../../http-types';
import { optionalString } from '../../read-api-json';
import { invalidHookId, webhookList } from './hook-list';
import { requireEnabled, type IntegrationKind } from './integration-routes';

const LIMITS: [keyof IncomingWebhook, number, string][] = [
  ['display_name', 64, 'model.incoming_hook.display_name.app_error'],
  ['description', 500, 'model.incoming_hook.description.app_error'],
  ['username', 64, 'model.incoming_hook.username.app_error'],
  ['icon_url', 1024, 'model.incoming_hook.icon_url.app_error'],
];

/** Override usernames: 1–64 of a-z 0-9 . - _, not a reserved name. */
const HOOK_USERNAME = /^[a-z0-9.\-_]{1,64}$/;
const isValidHookUsername = (name: string) => HOOK_USERNAME.test(name) && !['all', 'channel', 'matterbot', 'system'].includes(name);

/**
 * Username and icon as Mattermost keeps them: blanked when the override is off (server/channels/app/webhook.go: CreateIncomingWebhookForChannel;
 * G04), checked when it is on.
 */
function overrides(ctx: RequestContext, body: Record<string, unknown>, previous?: IncomingWebhook) {
  const settings = ctx.core.config().ServiceSettings ?? {};
  const username = settings.EnablePostUsernameOverride === true ? optionalString(body.username) : (previous?.username ?? '');
  const iconUrl = settings.EnablePostIconOverride === true ? optionalString(body.icon_url) : (previous?.icon_url ?? '');
  if (settings.EnablePostUsernameOverride === true && username !== '' && !isValidHookUsername(username)) {
    throw new AppError(400, 'api.incoming_webhook.invalid_username.app_error', 'Invalid username.');
  }
  if (settings.EnablePostIconOverride !== true && optionalString(body.icon_url) !== '') {
    ctx.capture.diagnosis.push(diagnose.blankedHookOverride('icon_url', 'EnablePostIconOverride'));
  }
  if (settings.EnablePostUsernameOverride !== true && optionalString(body.username) !== '') {
    ctx.capture.diagnosis.push(diagnose.blankedHookOverride('username', 'EnablePostUsernameOverride'));
  }
  return { username, icon_url: iconUrl };
}

function validate(hook: IncomingWebhook): IncomingWebhook {
  for (const [field, max, id] of LIMITS) {
    if (utf8ByteLength(String(hook[field])) > max) throw new AppError(400, id, 'Invalid incoming webhook.', `id=${hook.id}`);
  }
  return hook;
}

/** Incoming webhooks (server/channels/api4/webhook.go: createIncomingHook, updateIncomingHook …). */
export const incomingHooks: IntegrationKind<IncomingWebhook> = {
  path: '/api/v4/hooks/incoming',
  id: { param: 'hookId', name: 'hook_id', capture: 'hookId' },
  body: { create: 'incoming_webhook', update: 'hook' },
  setting: 'EnableIncomingWebhooks',
  disabled: () => new AppError(501, 'api.incoming_webhook.disabled.app_error', 'Incoming webhooks have been disabled by the system admin.'),
  settingGuardsEveryRoute: true,
  notFound: () => new AppError(404, 'app.webhooks.get_incoming.app_error', 'Unable to get the webhook.'),
  hiddenFromNonManagers: false,
  owner: (hook) => hook.user_id,
  table: (store) => store.incomingHooks,
  // PUT answers 201 (G37).
  update: { status: 201, bodyId: 'required', wrongBodyId: invalidHookId },
  create(ctx, caller, body) {
    const store = ctx.core.store;
    const channel = requireChannel(store, optionalString(body.channel_id));
    if (!canManageIntegrations(store, caller.user, channel.team_id)) throw noPermission();
    requireEnabled(ctx, incomingHooks);
    const userId = optionalString(body.user_id) || caller.user.id;
    if (userId !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
    const now = Date.now();
    return validate({
      id: newId(),
      create_at: now,
      update_at: now,
      delete_at: 0,
      user_id: userId,
      channel_id: channel.id,
      team_id: channel.team_id,
      display_name: optionalString(body.display_name),
      description: optionalString(body.description),
      ...overrides(ctx, body),
      // Admins hold bypass_incoming_webhook_channel_lock; everyone else gets a locked hook.
      channel_locked: canManageIntegrations(store, caller.user, channel.team_id) ? body.channel_locked === true : true,
    });
  },
  apply(ctx, body, hook) {
    const store = ctx.core.store;
    const channel =
      body.channel_id === undefined ? requireChannel(store, hook.channel_id) : requireChannel(store, optionalString(body.channel_id));
    if (channel.team_id !== hook.team_id)
      throw new AppError(400, 'api.webhooks.update_incoming.app_error', 'Unable to update the incoming webhook.');
    return validate({
      ...hook,
      channel_id: channel.id,
      display_name: optionalString(body.display_name),
      description: optionalString(body.description),
      ...overrides(ctx, body, hook),
      channel_locked: body.channel_locked === true,
    });
  },
  list: (ctx, caller) => webhookList(ctx, caller, incomingHooks, (store, teamId) => store.incomingHooks.active(teamId)),
};
