import type { Diagnosis } from '../../shared/contract/exchange';
import type { IncomingWebhookRequest } from '../../shared/mattermost/incoming-webhook-request';
import type { Channel, IncomingWebhook, Post } from '../../shared/mattermost/model';
import { processAttachments } from '../../shared/slack/attachments';
import { convertSlackLinks, expandSlackMentions } from '../../shared/slack/translate-text';
import type { Core } from '../core/core';
import { newId } from '../base/new-id';
import { diagnose } from '../diagnostics/catalog';
import { AppError } from './app-error';
import { directChannel } from './channels';
import { createPost } from './posts';
import { splitWebhookPost } from './split-webhook-post';

export interface WebhookOutcome {
  hook: IncomingWebhook;
  posts: Post[];
}

const KNOWN_TYPES = new Set(['', 'slack_attachment', 'me', 'reminder']);
const RESERVED_PROPS = ['override_username', 'override_icon_url', 'from_webhook', 'attachments'];

const inner = (status: number, id: string, message: string) => new AppError(status, id, message);

function resolveChannel(core: Core, hook: IncomingWebhook, name: string | undefined, diagnosis: Diagnosis[]): Channel {
  const store = core.store;
  if (!name) {
    const channel = store.channels.get(hook.channel_id);
    if (!channel) throw inner(404, 'web.incoming_webhook.channel.app_error', "Couldn't find the channel.");
    return channel;
  }
  if (name.startsWith('@')) {
    const user = store.users.byUsername(name.slice(1));
    if (!user) throw inner(400, 'web.incoming_webhook.user.app_error', "Couldn't find the user.");
    diagnosis.push(diagnose.directMessage(user.username));
    return directChannel(store, hook.user_id, user.id);
  }
  const channelName = name.startsWith('#') ? name.slice(1) : name;
  const channel = store.channels.byName(hook.team_id, channelName);
  if (!channel || channel.delete_at !== 0) throw inner(404, 'web.incoming_webhook.channel.app_error', "Couldn't find the channel.");
  return channel;
}

/**
 * Mattermost's HandleIncomingWebhook and CreateWebhookPost (server/channels/app/webhook.go): checks in Mattermost's order, then
 * the post or posts. Throws the inner AppError that the web layer wraps; `diagnosis` collects
 * what Mattermost would not tell the sender.
 */
export function handleIncomingWebhook(core: Core, hookId: string, request: IncomingWebhookRequest, diagnosis: Diagnosis[]): WebhookOutcome {
  const store = core.store;
  const settings = core.config().ServiceSettings ?? {};
  if (settings.EnableIncomingWebhooks !== true) {
    throw inner(501, 'web.incoming_webhook.disabled.app_error', 'Incoming webhooks have been disabled by the system admin.');
  }
  const text = request.text ?? '';
  if (text === '' && !request.attachments) throw inner(400, 'web.incoming_webhook.text.app_error', 'No text specified.');
  const hook = store.incomingHooks.get(hookId);
  if (!hook || hook.delete_at !== 0) throw inner(400, 'web.incoming_webhook.invalid.app_error', 'Invalid webhook.');

  const usernameOf = (id: string) => store.users.get(id)?.username;
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.props ?? {})) if (!RESERVED_PROPS.includes(key)) props[key] = value;
  if (request.props && 'attachments' in request.props) {
    diagnosis.push(diagnose.attachmentsInProps());
  }
  props.from_webhook = 'true';
  props.webhook_display_name = hook.display_name;

  const channel = resolveChannel(core, hook, request.channel, diagnosis);
  if (hook.channel_locked && channel.id !== hook.channel_id) {
    throw inner(403, 'web.incoming_webhook.channel_locked.app_error', 'This webhook is not permitted to post to the requested channel.');
  }
  if (channel.type !== 'O' && !store.channelMember(channel.id, hook.user_id)) {
    throw inner(403, 'web.incoming_webhook.permissions.app_error', 'Inappropriate channel permissions.');
  }

  applyOverrides(props, request, hook, settings, diagnosis);
  const creator = store.users.get(hook.user_id);
  if (creator?.is_bot) props.from_bot = 'true';

  let type = request.type ?? '';
  if (request.attachments) {
    props.attachments = processAttachments(request.attachments, { usernameOf, newId });
    type = 'slack_attachment';
  }
  if (type.startsWith('system_')) throw new AppError(400, 'api.context.invalid_param.app_error', 'Invalid post.type parameter.');
  if (request.priority && !request.priority.priority) {
    throw new AppError(400, 'api.context.invalid_param.app_error', 'Invalid post.priority parameter.');
  }
  if (!KNOWN_TYPES.has(type) && !type.startsWith('custom_')) {
    throw new AppError(500, 'api.post.create_webhook_post.creating.app_error', 'Error creating post.', `type=${type}`);
  }

  const message = convertSlackLinks(expandSlackMentions(text, usernameOf), 'A');
  // Its 400 is wrapped in the webhook's general error like every failure after decoding (server/channels/web/webhook.go: incomingWebhook).
  const parts = splitWebhookPost(message, props);
  if (parts.length > 1) diagnosis.push(diagnose.split(parts.length));
  // Parts get consecutive timestamps so that every client lists them in order; all share the type.
  const createAt = Date.now();
  const metadata = request.priority ? ({ priority: request.priority } as Post['metadata']) : undefined;
  const posts = parts.map((part, i) =>
    createPost(core, {
      channel_id: channel.id,
      user_id: hook.user_id,
      message: part.message,
      type,
      props: part.props,
      metadata,
      create_at: createAt + i,
    }),
  );
  return { hook, posts };
}

function applyOverrides(
  props: Record<string, unknown>,
  request: IncomingWebhookRequest,
  hook: IncomingWebhook,
  settings: Record<string, unknown>,
  diagnosis: Diagnosis[],
): void {
  if (settings.EnablePostUsernameOverride === true) {
    props.override_username = request.username || hook.username || 'webhook';
    if (!request.username && !hook.username) diagnosis.push(diagnose.defaultWebhookName());
  } else if (request.username) {
    diagnosis.push(diagnose.ignoredOverride('username', request.username, 'EnablePostUsernameOverride'));
  }
  const icon = request.icon_url || hook.icon_url;
  if (settings.EnablePostIconOverride === true) {
    if (icon) props.override_icon_url = icon;
    if (request.icon_emoji) props.override_icon_emoji = request.icon_emoji;
  } else {
    if (request.icon_url) diagnosis.push(diagnose.ignoredOverride('icon_url', request.icon_url, 'EnablePostIconOverride'));
    if (request.icon_emoji) diagnosis.push(diagnose.ignoredOverride('icon_emoji', request.icon_emoji, 'EnablePostIconOverride'));
  }
}
