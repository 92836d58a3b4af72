import type { Attachment } from '../../../../shared/mattermost/incoming-webhook-request';
import type { Post, User } from '../../../../shared/mattermost/model';
import type { PayloadKind } from '../../../../shared/schemas/payload-schemas';
import { processAttachments } from '../../../../shared/slack/attachments';
import { convertSlackLinks, expandSlackMentions } from '../../../../shared/slack/translate-text';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Stable ids, so that each keystroke updates the preview in place instead of rebuilding it. */
function previewPost(index: number, author: User, message: string, props: Json, type = ''): Post {
  const now = Date.now();
  return {
    id: `preview${String(index).padStart(19, '0')}`,
    create_at: now,
    update_at: now,
    edit_at: 0,
    delete_at: 0,
    is_pinned: false,
    user_id: author.id,
    channel_id: '',
    root_id: '',
    original_id: '',
    message,
    type: type as Post['type'],
    props,
    hashtags: '',
    file_ids: [],
    pending_post_id: '',
    reply_count: 0,
    last_reply_at: 0,
    participants: null,
    metadata: {} as Post['metadata'],
  };
}

/**
 * The post Mattermost would store for a payload, with the server's own translation (Slack
 * markup in text and attachments, webhook props), so the preview shows what the channel will.
 */
export function previewPosts(kind: PayloadKind, payload: unknown, author: User, users: Record<string, User>): Post[] {
  if (!isObject(payload)) return [];
  const usernameOf = (id: string) => users[id]?.username;
  const skip = payload.skip_slack_parsing === true;
  const attachmentsOf = (value: unknown) =>
    Array.isArray(value)
      ? processAttachments(value.filter(isObject) as Attachment[], { usernameOf, newId: () => 'previewaction', skipSlackParsing: skip })
      : undefined;
  if (kind === 'incoming_webhook' || kind === 'command_response') {
    const props: Json = { ...(isObject(payload.props) ? payload.props : {}), from_webhook: 'true' };
    delete props.attachments;
    if (str(payload.username)) props.override_username = str(payload.username);
    const attachments = attachmentsOf(payload.attachments);
    if (attachments) props.attachments = attachments;
    const text = str(payload.text);
    const message = skip ? text : convertSlackLinks(expandSlackMentions(text, usernameOf), kind === 'incoming_webhook' ? 'A' : 'B');
    const ephemeral = kind === 'command_response' && payload.response_type !== 'in_channel';
    return [previewPost(0, author, message, props, ephemeral ? 'system_ephemeral' : attachments ? 'slack_attachment' : '')];
  }
  if (kind === 'action_response') {
    const posts: Post[] = [];
    if (isObject(payload.update)) {
      const update = payload.update;
      const props: Json = isObject(update.props) ? { ...update.props } : {};
      const attachments = attachmentsOf(props.attachments);
      if (attachments) props.attachments = attachments;
      posts.push({ ...previewPost(0, author, str(update.message), props), edit_at: Date.now() });
    }
    const ephemeral = str(payload.ephemeral_text);
    if (ephemeral) posts.push(previewPost(1, author, skip ? ephemeral : convertSlackLinks(ephemeral, 'B'), {}, 'system_ephemeral'));
    return posts;
  }
  return [];
}
