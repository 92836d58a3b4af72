import { softDeleted } from '../../../workspace/soft-delete';
import { utf8ByteLength } from '../../../../shared/mattermost/utf8';
import type { OutgoingWebhook } from '../../../../shared/mattermost/model';
import { newId } from '../../../base/new-id';
import type { Store } from '../../../store/store';
import { isHttpUrl } from '../../../workspace/integration-rules';
import { requireChannel } from '../../../workspace/lookups';
import { canManageIntegrations, isSystemAdmin } from '../../../workspace/permissions';
import { AppError, invalidBodyParam, invalidUrlParam, noPermission } from '../../../workspace/app-error';
import { requireSession } from '../../auth';
import type { Caller } from '../../../workspace/sessions';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { optionalString, readApiJson } from '../../read-api-json';
import { hookListPage } from './hook-paging';

const disabled = (status = 501) =>
  new AppError(status, 'api.outgoing_webhook.disabled.app_error', 'Outgoing webhooks have been disabled by the system admin.');
const invalid = (field: string, message: string, hookId: string) =>
  new AppError(400, `model.outgoing_hook.${field}.app_error`, message, `id=${hookId}`);

function stringList(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw invalidBodyParam(name);
  return value as string[];
}

/** Mattermost's OutgoingWebhook.IsValid, in its order (server.md §5.1). */
function validate(hook: OutgoingWebhook): OutgoingWebhook {
  if (hook.trigger_words.some((word) => word === '')) throw invalid('is_valid.trigger_words', 'Invalid trigger words.', hook.id);
  if (utf8ByteLength(hook.trigger_words.join(',')) > 1024) throw invalid('is_valid.words', 'Invalid trigger words.', hook.id);
  if (hook.callback_urls.length === 0 || utf8ByteLength(hook.callback_urls.join(' ')) > 1024) {
    throw invalid('is_valid.callback', 'Invalid callback urls.', hook.id);
  }
  if (hook.callback_urls.some((url) => !isHttpUrl(url)))
    throw invalid('is_valid.url', 'Invalid callback urls. Each must be a valid URL and start with http:// or https://.', hook.id);
  if (utf8ByteLength(hook.display_name) > 64) throw invalid('is_valid.display_name', 'Invalid display name.', hook.id);
  if (utf8ByteLength(hook.description) > 500) throw invalid('is_valid.description', 'Invalid description.', hook.id);
  // Mattermost reports a bad trigger_when under the content type's id.
  if (utf8ByteLength(hook.content_type) > 128 || hook.trigger_when > 1 || hook.trigger_when < 0)
    throw invalid('is_valid.content_type', 'Invalid value for content_type.', hook.id);
  if (utf8ByteLength(hook.username) > 64) throw invalid('username', 'Invalid username.', hook.id);
  if (utf8ByteLength(hook.icon_url) > 1024) throw invalid('icon_url', 'Invalid icon.', hook.id);
  return hook;
}

function checkChannelAndTriggers(store: Store, hook: OutgoingWebhook, notOpenId: string): void {
  if (hook.channel_id !== '') {
    const channel = requireChannel(store, hook.channel_id);
    if (channel.type !== 'O') {
      if (notOpenId === 'create') throw disabled(403);
      throw new AppError(
        403,
        'api.webhook.create_outgoing.not_open.app_error',
        'Outgoing webhooks can only be created for public channels.',
      );
    }
    if (channel.team_id !== hook.team_id) {
      throw new AppError(403, 'api.webhook.create_outgoing.permissions.app_error', 'Invalid permissions to create outgoing webhook.');
    }
  } else if (hook.trigger_words.length === 0) {
    throw new AppError(400, 'api.webhook.create_outgoing.triggers.app_error', 'Either trigger_words or channel_id must be set.');
  }
}

function intersects(store: Store, hook: OutgoingWebhook): boolean {
  return store.outgoingHooks
    .active(hook.team_id)
    .some(
      (other) =>
        other.id !== hook.id &&
        other.channel_id === hook.channel_id &&
        other.callback_urls.some((url) => hook.callback_urls.includes(url)) &&
        other.trigger_words.some((word) => hook.trigger_words.includes(word)),
    );
}

function fromBody(body: Record<string, unknown>, base: OutgoingWebhook): OutgoingWebhook {
  const triggerWhen = body.trigger_when ?? 0;
  if (typeof triggerWhen !== 'number' || !Number.isInteger(triggerWhen)) throw invalidBodyParam('outgoing_webhook');
  return {
    ...base,
    channel_id: optionalString(body.channel_id),
    trigger_words: stringList(body.trigger_words, 'trigger_words'),
    trigger_when: triggerWhen,
    callback_urls: stringList(body.callback_urls, 'callback_urls'),
    display_name: optionalString(body.display_name),
    description: optionalString(body.description),
    content_type: optionalString(body.content_type),
    username: optionalString(body.username),
    icon_url: optionalString(body.icon_url),
  };
}

function requireEnabled(ctx: RequestContext): void {
  if (ctx.core.config().ServiceSettings?.EnableOutgoingWebhooks !== true) throw disabled();
}

function managedHook(ctx: RequestContext, caller: Caller): OutgoingWebhook {
  if (!/^[a-z0-9]{26}$/i.test(ctx.params.hookId!)) throw invalidUrlParam('hook_id');
  requireEnabled(ctx);
  const store = ctx.core.store;
  const hook = store.outgoingHooks.get(ctx.params.hookId!);
  if (!hook || hook.delete_at !== 0) throw new AppError(404, 'app.webhooks.get_outgoing.app_error', 'Unable to get the webhook.');
  if (!canManageIntegrations(store, caller.user, hook.team_id)) throw noPermission();
  if (hook.creator_id !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
  ctx.capture.hookId = hook.id;
  return hook;
}

export const createOutgoingHook: RouteDef = {
  method: 'POST',
  path: '/api/v4/hooks/outgoing',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'outgoing_webhook');
    const store = ctx.core.store;
    const teamId = optionalString(body.team_id);
    if (!store.teams.get(teamId) || !canManageIntegrations(store, caller.user, teamId)) throw noPermission();
    const creatorId = optionalString(body.creator_id) || caller.user.id;
    if (creatorId !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
    requireEnabled(ctx);
    const now = Date.now();
    const hook = fromBody(body, {
      id: newId(),
      token: newId(),
      create_at: now,
      update_at: now,
      delete_at: 0,
      creator_id: creatorId,
      channel_id: '',
      team_id: teamId,
      trigger_words: [],
      trigger_when: 0,
      callback_urls: [],
      display_name: '',
      description: '',
      content_type: '',
      username: '',
      icon_url: '',
    });
    checkChannelAndTriggers(store, hook, 'create');
    if (intersects(store, hook)) {
      throw new AppError(
        500,
        'api.webhook.create_outgoing.intersect.app_error',
        'Outgoing webhooks from the same channel cannot have the same trigger words/callback URLs.',
      );
    }
    store.batch.run(() => store.outgoingHooks.put(validate(hook)));
    ctx.capture.hookId = hook.id;
    return json(201, hook);
  },
};

export const getOutgoingHook: RouteDef = {
  method: 'GET',
  path: '/api/v4/hooks/outgoing/:hookId',
  handle: (ctx) => json(200, managedHook(ctx, requireSession(ctx))),
};

/** The creator stays the original one (Mattermost sets it to the updater, then restores it). */
export const updateOutgoingHook: RouteDef = {
  method: 'PUT',
  path: '/api/v4/hooks/outgoing/:hookId',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'outgoing_webhook');
    const hook = managedHook(ctx, caller);
    if (body.id !== undefined && body.id !== hook.id)
      throw new AppError(400, 'api.context.invalid_param.app_error', 'Invalid hook_id parameter.');
    const store = ctx.core.store;
    const updated = fromBody(body, { ...hook, update_at: Date.now() });
    checkChannelAndTriggers(store, updated, 'update');
    if (intersects(store, updated)) {
      throw new AppError(
        400,
        'api.webhook.update_outgoing.intersect.app_error',
        'Outgoing webhooks from the same channel cannot have the same trigger words/callback URLs.',
      );
    }
    store.batch.run(() => store.outgoingHooks.put(validate(updated)));
    return json(200, updated);
  },
};

export const regenOutgoingHookToken: RouteDef = {
  method: 'POST',
  path: '/api/v4/hooks/outgoing/:hookId/regen_token',
  handle(ctx) {
    const hook = managedHook(ctx, requireSession(ctx));
    const store = ctx.core.store;
    const updated = { ...hook, token: newId(), update_at: Date.now() };
    store.batch.run(() => store.outgoingHooks.put(updated));
    return json(200, updated);
  },
};

export const deleteOutgoingHook: RouteDef = {
  method: 'DELETE',
  path: '/api/v4/hooks/outgoing/:hookId',
  handle(ctx) {
    const hook = managedHook(ctx, requireSession(ctx));
    const store = ctx.core.store;
    store.batch.run(() => store.outgoingHooks.put(softDeleted(hook)));
    return json(200, { status: 'OK' });
  },
};

export const listOutgoingHooks: RouteDef = {
  method: 'GET',
  path: '/api/v4/hooks/outgoing',
  handle(ctx) {
    const caller = requireSession(ctx);
    requireEnabled(ctx);
    const store = ctx.core.store;
    const q = ctx.url.searchParams;
    const channelId = q.get('channel_id');
    const teamId = channelId ? requireChannel(store, channelId).team_id : q.get('team_id');
    if (teamId ? !canManageIntegrations(store, caller.user, teamId) : !isSystemAdmin(caller.user)) throw noPermission();
    let hooks = store.outgoingHooks.active(teamId || undefined);
    if (channelId) hooks = hooks.filter((hook) => hook.channel_id === channelId);
    return json(200, hookListPage(ctx, hooks));
  },
};
