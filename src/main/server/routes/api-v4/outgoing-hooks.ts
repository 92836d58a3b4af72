import { utf8ByteLength } from '../../../../shared/mattermost/utf8';
import type { OutgoingWebhook } from '../../../../shared/mattermost/model';
import { newId } from '../../../base/new-id';
import type { Store } from '../../../store/store';
import { isHttpUrl } from '../../../workspace/integration-rules';
import { requireChannel } from '../../../workspace/lookups';
import { canManageIntegrations, isSystemAdmin } from '../../../workspace/permissions';
import { AppError, invalidBodyParam, noPermission } from '../../../workspace/app-error';
import { optionalString } from '../../read-api-json';
import { invalidHookId, webhookList } from './hook-list';
import { requireEnabled, type IntegrationKind } from './integration-routes';

const disabled = (status = 501) =>
  new AppError(status, 'api.outgoing_webhook.disabled.app_error', 'Outgoing webhooks have been disabled by the system admin.');
const invalid = (field: string, message: string, hookId: string) =>
  new AppError(400, `model.outgoing_hook.${field}.app_error`, message, `id=${hookId}`);

function stringList(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw invalidBodyParam(name);
  return value as string[];
}

/** Mattermost's OutgoingWebhook.IsValid (server/public/model/outgoing_webhook.go), in its order. */
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

const intersectMessage = 'Outgoing webhooks from the same channel cannot have the same trigger words/callback URLs.';

/** Outgoing webhooks (server/channels/api4/webhook.go: createOutgoingHook, updateOutgoingHook …). */
export const outgoingHooks: IntegrationKind<OutgoingWebhook> = {
  path: '/api/v4/hooks/outgoing',
  id: { param: 'hookId', name: 'hook_id', capture: 'hookId' },
  body: { create: 'outgoing_webhook', update: 'outgoing_webhook' },
  setting: 'EnableOutgoingWebhooks',
  disabled,
  settingGuardsEveryRoute: true,
  notFound: () => new AppError(404, 'app.webhooks.get_outgoing.app_error', 'Unable to get the webhook.'),
  hiddenFromNonManagers: false,
  owner: (hook) => hook.creator_id,
  table: (store) => store.outgoingHooks,
  update: { status: 200, bodyId: 'when-given', wrongBodyId: invalidHookId },
  regenerateToken: { method: 'POST', answer: 'integration' },
  create(ctx, caller, body) {
    const store = ctx.core.store;
    const teamId = optionalString(body.team_id);
    if (!store.teams.get(teamId) || !canManageIntegrations(store, caller.user, teamId)) throw noPermission();
    const creatorId = optionalString(body.creator_id) || caller.user.id;
    if (creatorId !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
    requireEnabled(ctx, outgoingHooks);
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
    if (intersects(store, hook)) throw new AppError(500, 'api.webhook.create_outgoing.intersect.app_error', intersectMessage);
    return validate(hook);
  },
  // The creator stays the original one (Mattermost sets it to the updater, then restores it).
  apply(ctx, body, hook) {
    const store = ctx.core.store;
    const updated = fromBody(body, hook);
    checkChannelAndTriggers(store, updated, 'update');
    if (intersects(store, updated)) throw new AppError(400, 'api.webhook.update_outgoing.intersect.app_error', intersectMessage);
    return validate(updated);
  },
  list: (ctx, caller) =>
    webhookList(ctx, caller, outgoingHooks, (store, teamId) => store.outgoingHooks.active(teamId), { byChannel: true }),
};
