import type { GoType } from '../../shared/mattermost/go-json';
import type { PostAction } from '../../shared/mattermost/incoming-webhook-request';
import type { Channel, Post } from '../../shared/mattermost/model';
import { findAction, RETAINED_PROP_KEYS } from '../../shared/mattermost/post-actions';
import { convertSlackLinks } from '../../shared/slack/translate-text';
import type { Core } from '../core/core';
import { diagnose } from '../diagnostics/catalog';
import { AppError, noPermission } from '../workspace/app-error';
import type { Caller } from '../workspace/sessions';
import { deliverEphemeral } from '../workspace/ephemeral';
import { requireChannel } from '../workspace/lookups';
import { canReadChannel, isSystemAdmin } from '../workspace/permissions';
import { buildPost, saveEditedPost } from '../workspace/posts';
import { messageTooLong } from '../workspace/user-posts';
import { actionError, decodeAnswer, note, postToAction } from './action-request';
import { CookieInvalid, type ActionCookie } from './action-cookies';

export interface Click {
  caller: Caller;
  postId: string;
  actionId: string;
  selectedOption: string;
  cookie: string;
}

/** Everything a click needs, from the stored post or, for an ephemeral post, from its cookie. */
interface ClickTarget {
  channel: Channel;
  action: Pick<PostAction, 'type' | 'data_source' | 'integration'>;
  rootPostId: string;
  /** The stored post, which an `update` may change; ephemeral posts have none. */
  post?: Post;
  retain: Record<string, unknown>;
  remove: string[];
}

const RESPONSE_TYPE: GoType = {
  struct: {
    update: { struct: { message: 'string', props: { map: 'any' }, is_pinned: 'bool', has_reactions: 'bool', type: 'string' } },
    ephemeral_text: 'string',
    goto_location: 'string',
    skip_slack_parsing: 'bool',
  },
};
const RESPONSE_KEYS = ['update', 'ephemeral_text', 'goto_location', 'skip_slack_parsing'];

interface ActionResponse {
  update?: { message?: string; props?: Record<string, unknown> };
  ephemeral_text?: string;
  goto_location?: string;
  skip_slack_parsing?: boolean;
}

/** Opens the click's cookie; one that does not decrypt is Mattermost's action error, and nothing is called. */
function openCookie(core: Core, sealed: string): ActionCookie {
  try {
    return core.actionCookies.open(sealed);
  } catch (error) {
    if (error instanceof CookieInvalid) throw actionError(error.message);
    throw error;
  }
}

function fromCookie(core: Core, click: Click, cookie: ActionCookie): ClickTarget {
  const channel = requireChannel(core.store, cookie.channel_id);
  if (!canReadChannel(core.store, click.caller.user, channel)) throw noPermission();
  if (!cookie.integration) throw actionError('no Integration in action cookie');
  if (cookie.post_id !== click.postId) throw actionError("postId doesn't match");
  return {
    channel,
    action: { type: cookie.type, data_source: cookie.data_source, integration: cookie.integration },
    rootPostId: cookie.root_post_id,
    retain: cookie.retain_props,
    remove: cookie.remove_props,
  };
}

function fromStoredPost(core: Core, click: Click, post: Post): ClickTarget {
  const channel = core.store.channels.get(post.channel_id);
  if (!channel || !canReadChannel(core.store, click.caller.user, channel)) throw noPermission();
  const action = findAction(post.props ?? {}, click.actionId);
  if (!action?.integration) throw new AppError(404, 'api.post.do_action.action_id.app_error', 'Invalid action id.', `action=${action}`);
  const retain: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const key of RETAINED_PROP_KEYS) {
    if (post.props && key in post.props) retain[key] = post.props[key];
    else remove.push(key);
  }
  return { channel, action, rootPostId: post.root_id || post.id, post, retain, remove };
}

/**
 * The stored post wins over a cookie; without either the post is unknown. A cookie that was sent
 * is opened before anything else is read, after the read permission on a stored post's channel,
 * as Mattermost's api4 doPostAction decrypts it (server/channels/api4/integration_action.go).
 */
function clickTarget(core: Core, click: Click): ClickTarget {
  const found = core.store.posts.get(click.postId);
  const stored = found && found.delete_at === 0 ? found : undefined;
  const channel = stored && core.store.channels.get(stored.channel_id);
  if (stored && (!channel || !canReadChannel(core.store, click.caller.user, channel))) throw noPermission();
  const cookie = click.cookie ? openCookie(core, click.cookie) : undefined;
  if (stored) return fromStoredPost(core, click, stored);
  if (cookie) return fromCookie(core, click, cookie);
  // Mattermost checks read permission through the post's channel first: unknown posts are 403 to non-admins.
  if (!isSystemAdmin(click.caller.user)) throw noPermission();
  throw new AppError(404, 'app.post.get.app_error', 'Unable to get the post.');
}

/** Go's encoding of PostActionIntegrationRequest, keys in its order; an empty context is omitted. */
function upstreamBody(core: Core, click: Click, target: ClickTarget, triggerId: string): string {
  const team = target.channel.team_id ? core.store.teams.get(target.channel.team_id) : undefined;
  let context = target.action.integration?.context ?? null;
  let dataSource = '';
  if (target.action.type === 'select' && click.selectedOption !== '') {
    context = { ...(context ?? {}), selected_option: click.selectedOption };
    dataSource = target.action.data_source ?? '';
  }
  const body: Record<string, unknown> = {
    user_id: click.caller.user.id,
    user_name: click.caller.user.username,
    channel_id: target.channel.id,
    channel_name: target.channel.name,
    team_id: target.channel.team_id,
    team_domain: team?.name ?? '',
    post_id: click.postId,
    trigger_id: triggerId,
    type: target.action.type ?? '',
    data_source: dataSource,
  };
  if (context && Object.keys(context).length > 0) body.context = context;
  return JSON.stringify(body);
}

/** `update`: the message always replaces; props replace unless absent, except the retained ones. */
function applyUpdate(core: Core, target: ClickTarget, update: NonNullable<ActionResponse['update']>): void {
  const post = target.post;
  if (!post) throw new AppError(404, 'app.post.get.app_error', 'Unable to get the post.');
  const message = update.message ?? '';
  const tooLong = messageTooLong(message, post.id);
  if (tooLong) throw tooLong;
  let props = post.props;
  if (update.props) {
    props = { ...update.props };
    for (const [key, value] of Object.entries(target.retain)) props[key] = value;
    for (const key of target.remove) delete props[key];
  }
  const now = Date.now();
  const edited: Post = { ...post, message, props, update_at: now, edit_at: message !== post.message ? now : post.edit_at };
  core.store.batch.run(() => saveEditedPost(core, edited, target.channel));
}

/**
 * POST /api/v4/posts/{post_id}/actions/{action_id} (server/channels/app/integration_action.go: DoPostActionWithCookie): calls the action's
 * integration and applies its answer. Answers the client trigger id.
 */
export async function doPostAction(core: Core, click: Click): Promise<string> {
  const target = clickTarget(core, click);
  const { clientId, triggerId } = core.triggerIds.issue(click.caller.user.id);
  const answer = await postToAction(core, {
    kind: 'action',
    url: target.action.integration?.url ?? '',
    body: upstreamBody(core, click, target, triggerId),
    links: { postId: click.postId },
    sessionToken: click.caller.session.token,
  });
  let response: ActionResponse = {};
  if (answer.body.length > 0) {
    response = decodeAnswer<ActionResponse>(
      core,
      answer,
      RESPONSE_TYPE,
      { known: RESPONSE_KEYS, ignored: { goto_location: 'an action answer (only slash commands use it)' } },
      actionError,
    );
    if (response.update && response.update.message === undefined) note(core, answer.exchangeId, diagnose.updateErasesMessage());
  }
  if (response.update) applyUpdate(core, target, response.update);
  const text = response.ephemeral_text ?? '';
  if (text !== '') {
    const post = buildPost({
      channel_id: target.channel.id,
      user_id: click.caller.user.id,
      root_id: target.rootPostId,
      message: response.skip_slack_parsing ? text : convertSlackLinks(text, 'B'),
      type: 'system_ephemeral',
      props: { ...target.retain },
    });
    core.store.batch.run(() => deliverEphemeral(core, click.caller.user.id, post));
  }
  return clientId;
}
