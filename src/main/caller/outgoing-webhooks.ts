import { decodeAs, GoJsonError, parseFirstJson } from '../../shared/mattermost/go-json';
import { INTEGRATION_REPLY_TYPE, type Attachment } from '../../shared/mattermost/incoming-webhook-request';
import type { Channel, OutgoingWebhook, Post, User } from '../../shared/mattermost/model';
import { processAttachments } from '../../shared/slack/attachments';
import { convertSlackLinks, expandSlackMentions } from '../../shared/slack/translate-text';
import type { Core } from '../core/core';
import { newId } from '../base/new-id';
import { diagnose } from '../diagnostics/catalog';
import { createPost } from '../workspace/posts';
import { splitMessage } from '../workspace/split-message';
import { callIntegration, CallFailed } from './call-integration';

const RESERVED_PROPS = ['override_username', 'override_icon_url', 'from_webhook', 'attachments', 'webhook_display_name'];

interface Reply {
  text?: string;
  username?: string;
  icon_url?: string;
  props?: Record<string, unknown>;
  attachments?: (Attachment | undefined)[];
  type?: string;
  response_type?: string;
}

/**
 * Which hooks fire for a post (server/channels/app/webhook.go: handleWebhookEvents): team hooks whose channel is empty or the post's,
 * matched on the first word, case-sensitively; all payloads carry the trigger word of the last
 * matching hook, a Mattermost quirk kept on purpose.
 */
function matchingHooks(core: Core, post: Post, channel: Channel): { hooks: OutgoingWebhook[]; triggerWord: string } {
  const firstWord = post.message.trim().split(/\s+/)[0] ?? '';
  const hooks: OutgoingWebhook[] = [];
  let triggerWord = '';
  for (const hook of core.store.outgoingHooks.active(channel.team_id)) {
    if (hook.channel_id !== '' && hook.channel_id !== channel.id) continue;
    if (hook.channel_id !== '' && hook.trigger_words.length === 0) {
      hooks.push(hook);
      triggerWord = '';
      continue;
    }
    if (firstWord === '') continue;
    const word = hook.trigger_words.find((w) => (hook.trigger_when === 1 ? firstWord.startsWith(w) : firstWord === w));
    if (word === undefined) continue;
    hooks.push(hook);
    triggerWord = word;
  }
  return { hooks, triggerWord };
}

function payload(core: Core, hook: OutgoingWebhook, post: Post, channel: Channel, author: User, triggerWord: string) {
  const team = core.store.teams.get(channel.team_id);
  const json = hook.content_type === 'application/json';
  const fields: Record<string, string | number> = {
    token: hook.token,
    team_id: channel.team_id,
    team_domain: team?.name ?? '',
    channel_id: channel.id,
    channel_name: channel.name,
    timestamp: json ? post.create_at : Math.floor(post.create_at / 1000),
    user_id: author.id,
    user_name: author.username,
    post_id: post.id,
    text: post.message,
    trigger_word: triggerWord,
    file_ids: (post.file_ids ?? []).join(','),
  };
  if (json) return { contentType: 'application/json', body: JSON.stringify(fields) };
  const form = new URLSearchParams();
  for (const key of Object.keys(fields).sort()) form.append(key, String(fields[key]));
  return { contentType: 'application/x-www-form-urlencoded', body: form.toString() };
}

/**
 * Fires the outgoing webhooks a post triggers, after it is committed, and posts their replies.
 * Only posts made through a path that carries Mattermost's trigger flag come here (REST posts,
 * in-channel command answers); webhook posts never do.
 */
export function fireOutgoingWebhooks(core: Core, post: Post, channel: Channel): Promise<void> {
  const settings = core.config().ServiceSettings ?? {};
  if (settings.EnableOutgoingWebhooks !== true || channel.type !== 'O' || (post.type !== '' && !post.type.startsWith('custom_')))
    return Promise.resolve();
  const author = core.store.users.get(post.user_id);
  const { hooks, triggerWord } = matchingHooks(core, post, channel);
  if (!author || hooks.length === 0) return Promise.resolve();
  const calls = hooks.flatMap((hook) => {
    const { contentType, body } = payload(core, hook, post, channel, author, triggerWord);
    return hook.callback_urls.map(async (url) => {
      try {
        const answer = await callIntegration(core, {
          kind: 'outgoing_webhook',
          method: 'POST',
          url,
          headers: { 'Content-Type': contentType },
          body,
          links: { hookId: hook.id, postId: post.id },
        });
        postReply(core, hook, post, channel, answer.body.toString('utf8'), answer.exchangeId);
      } catch (error) {
        // Mattermost only logs a failed call; the exchange holds the cause.
        if (!(error instanceof CallFailed)) core.options.log?.(`mockmost: outgoing webhook failed: ${String(error)}`);
      }
    });
  });
  return Promise.all(calls).then(() => undefined);
}

function decodeReply(body: string): Reply | string {
  if (body.trim() === '') return 'the body was empty';
  try {
    const reply = (decodeAs(parseFirstJson(body), INTEGRATION_REPLY_TYPE) ?? {}) as Reply;
    const attachments = (reply.attachments ?? []).filter((a): a is Attachment => a !== undefined);
    if (reply.text === undefined && attachments.length === 0) return 'the answer has no "text" and no attachments';
    return { ...reply, attachments };
  } catch (error) {
    if (error instanceof GoJsonError) return `the answer is not JSON Mattermost can read (${error.message})`;
    throw error;
  }
}

/** Turns an integration's answer into a post, as Mattermost does (server/channels/app/webhook.go: TriggerWebhook). */
function postReply(core: Core, hook: OutgoingWebhook, trigger: Post, channel: Channel, body: string, exchangeId: number): void {
  const store = core.store;
  const reply = decodeReply(body);
  const note = (d: ReturnType<typeof diagnose.noReply>) => store.batch.run(() => store.exchanges.addDiagnosis(exchangeId, d));
  if (typeof reply === 'string') return note(diagnose.noReply(reply));
  if ((reply.type ?? '').startsWith('system_')) return note(diagnose.noReply(`type "${reply.type}" is reserved for system messages`));
  const comment = reply.response_type === 'comment';
  if (comment && trigger.root_id !== '') return note(diagnose.nestedComment());
  const settings = core.config().ServiceSettings ?? {};
  const usernameOf = (id: string) => store.users.get(id)?.username;
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reply.props ?? {})) if (!RESERVED_PROPS.includes(key)) props[key] = value;
  props.from_webhook = 'true';
  props.webhook_display_name = hook.display_name;
  if (settings.EnablePostUsernameOverride === true) props.override_username = reply.username || hook.username || 'webhook';
  if (settings.EnablePostIconOverride === true && (reply.icon_url || hook.icon_url))
    props.override_icon_url = reply.icon_url || hook.icon_url;
  let type = reply.type ?? '';
  const attachments = reply.attachments as Attachment[];
  if (attachments.length > 0) {
    props.attachments = processAttachments(attachments, { usernameOf, newId });
    type = 'slack_attachment';
  }
  const parts = splitMessage(convertSlackLinks(expandSlackMentions(reply.text ?? '', usernameOf), 'A'));
  const createAt = Date.now();
  store.batch.run(() =>
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      createPost(core, {
        channel_id: channel.id,
        user_id: hook.creator_id,
        message: part,
        root_id: comment ? trigger.id : '',
        type: last ? type : '',
        props: last ? props : Object.fromEntries(Object.entries(props).filter(([key]) => key !== 'attachments')),
        create_at: createAt + i,
      });
    }),
  );
}
