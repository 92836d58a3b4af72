import type { PostAction } from './incoming-webhook-request';
import type { Post } from './model';

// Interactive message actions live in a post's props.attachments[].actions[] (server/public/model/integration_action.go: PostAction).
// Props come from untrusted payloads, so every walk here tolerates any JSON shape.

/** The props an action's `update` can never change: they always come from the original post. */
export const RETAINED_PROP_KEYS = ['from_webhook', 'override_username', 'override_icon_url'] as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rewrites every action of `props` through `change`; answers `props` itself when nothing changed. */
function mapActions(props: Json, change: (action: Json) => Json): Json {
  const attachments = props.attachments;
  if (!Array.isArray(attachments)) return props;
  let changed = false;
  const next = attachments.map((attachment: unknown) => {
    if (!isObject(attachment) || !Array.isArray(attachment.actions)) return attachment;
    const actions = attachment.actions.map((action: unknown) => {
      if (!isObject(action)) return action;
      const updated = change(action);
      if (updated !== action) changed = true;
      return updated;
    });
    return changed ? { ...attachment, actions } : attachment;
  });
  return changed ? { ...props, attachments: next } : props;
}

/** Mattermost gives every action without an id a new one when the post is saved (§7.2). */
export function withActionIds(props: Json, newId: () => string): Json {
  return mapActions(props, (action) => (typeof action.id === 'string' && action.id !== '' ? action : { ...action, id: newId() }));
}

/** The action with this id, in attachment order; Mattermost clicks the first match. */
export function findAction(props: Json, actionId: string): PostAction | undefined {
  const attachments = Array.isArray(props.attachments) ? props.attachments : [];
  for (const attachment of attachments) {
    if (!isObject(attachment) || !Array.isArray(attachment.actions)) continue;
    for (const action of attachment.actions) if (isObject(action) && action.id === actionId) return action as PostAction;
  }
  return undefined;
}

/** Every action of the post, for the cookies of ephemeral posts. */
export function mapPostActions(post: Post, change: (action: PostAction) => PostAction): Post {
  const props = mapActions(post.props ?? {}, (action) => change(action as PostAction) as Json);
  return props === post.props ? post : { ...post, props };
}
