import { softDeleted } from '../../../workspace/soft-delete';
import { diagnose } from '../../../diagnostics/catalog';
import { utf8ByteLength } from '../../../../shared/mattermost/utf8';
import type { IncomingWebhook } from '../../../../shared/mattermost/model';
import { newId } from '../../../base/new-id';
import { requireChannel } from '../../../workspace/lookups';
import { canManageIntegrations, isSystemAdmin } from '../../../workspace/permissions';
import { AppError, invalidUrlParam, noPermission } from '../../../workspace/app-error';
import { requireSession } from '../../auth';
import type { Caller } from '../../../workspace/sessions';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { optionalString, readApiJson } from '../../read-api-json';
import { hookListPage } from './hook-paging';

const disabled = () =>
  new AppError(501, 'api.incoming_webhook.disabled.app_error', 'Incoming webhooks have been disabled by the system admin.');

const LIMITS: [keyof IncomingWebhook, number, string][] = [
  ['display_name', 64, 'model.incoming_hook.display_name.app_error'],
  ['description', 500, 'model.incoming_hook.description.app_error'],
  ['username', 64, 'model.incoming_hook.username.app_error'],
  ['icon_url', 1024, 'model.incoming_hook.icon_url.app_error'],
];

/** Override usernames: 1–64 of a-z 0-9 . - _, not a reserved name. */
const HOOK_USERNAME = /^[a-z0-9.\-_]{1,64}$/;
const isValidHookUsername = (name: string) => HOOK_USERNAME.test(name) && !['all', 'channel', 'matterbot', 'system'].includes(name);

function requireEnabled(ctx: RequestContext): void {
  if (ctx.core.config().ServiceSettings?.EnableIncomingWebhooks !== true) throw disabled();
}

/**
 * Username and icon as Mattermost keeps them: blanked when the override is off (server.md §3.8,
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

/** The hook of the URL, if the caller may manage it. */
function managedHook(ctx: RequestContext, caller: Caller): IncomingWebhook {
  if (!/^[a-z0-9]{26}$/i.test(ctx.params.hookId!)) throw invalidUrlParam('hook_id');
  requireEnabled(ctx);
  const store = ctx.core.store;
  const hook = store.incomingHooks.get(ctx.params.hookId!);
  if (!hook || hook.delete_at !== 0) throw new AppError(404, 'app.webhooks.get_incoming.app_error', 'Unable to get the webhook.');
  if (!canManageIntegrations(store, caller.user, hook.team_id)) throw noPermission();
  if (hook.user_id !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
  ctx.capture.hookId = hook.id;
  return hook;
}

export const createIncomingHook: RouteDef = {
  method: 'POST',
  path: '/api/v4/hooks/incoming',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'incoming_webhook');
    const store = ctx.core.store;
    const channel = requireChannel(store, optionalString(body.channel_id));
    if (!canManageIntegrations(store, caller.user, channel.team_id)) throw noPermission();
    requireEnabled(ctx);
    const userId = optionalString(body.user_id) || caller.user.id;
    if (userId !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
    const now = Date.now();
    const hook = validate({
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
    store.batch.run(() => store.incomingHooks.put(hook));
    ctx.capture.hookId = hook.id;
    return json(201, hook);
  },
};

export const getIncomingHook: RouteDef = {
  method: 'GET',
  path: '/api/v4/hooks/incoming/:hookId',
  handle: (ctx) => json(200, managedHook(ctx, requireSession(ctx))),
};

/** PUT answers 201, as Mattermost does (server.md §3.8, G37). */
export const updateIncomingHook: RouteDef = {
  method: 'PUT',
  path: '/api/v4/hooks/incoming/:hookId',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'hook');
    const hook = managedHook(ctx, caller);
    if (optionalString(body.id) !== hook.id) throw new AppError(400, 'api.context.invalid_param.app_error', 'Invalid hook_id parameter.');
    const store = ctx.core.store;
    const channel =
      body.channel_id === undefined ? requireChannel(store, hook.channel_id) : requireChannel(store, optionalString(body.channel_id));
    if (channel.team_id !== hook.team_id)
      throw new AppError(400, 'api.webhooks.update_incoming.app_error', 'Unable to update the incoming webhook.');
    const updated = validate({
      ...hook,
      channel_id: channel.id,
      display_name: optionalString(body.display_name),
      description: optionalString(body.description),
      ...overrides(ctx, body, hook),
      channel_locked: body.channel_locked === true,
      update_at: Date.now(),
    });
    store.batch.run(() => store.incomingHooks.put(updated));
    return json(201, updated);
  },
};

export const deleteIncomingHook: RouteDef = {
  method: 'DELETE',
  path: '/api/v4/hooks/incoming/:hookId',
  handle(ctx) {
    const hook = managedHook(ctx, requireSession(ctx));
    const store = ctx.core.store;
    store.batch.run(() => store.incomingHooks.put(softDeleted(hook)));
    return json(200, { status: 'OK' });
  },
};

export const listIncomingHooks: RouteDef = {
  method: 'GET',
  path: '/api/v4/hooks/incoming',
  handle(ctx) {
    const caller = requireSession(ctx);
    requireEnabled(ctx);
    const store = ctx.core.store;
    const teamId = ctx.url.searchParams.get('team_id');
    if (teamId ? !canManageIntegrations(store, caller.user, teamId) : !isSystemAdmin(caller.user)) throw noPermission();
    const hooks = store.incomingHooks.active(teamId || undefined);
    return json(200, hookListPage(ctx, hooks));
  },
};
