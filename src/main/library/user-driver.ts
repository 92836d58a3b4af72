import type { OpenedDialog } from '../../shared/contract/control-api';
import type { Post } from '../../shared/mattermost/model';
import type { WorkspaceEvent } from '../workspace/workspace-events';
import { postId, type ChannelRef, type Harness, type PostRef } from './harness';

/** What happened while a user's action ran: the posts it made in channels, the ephemeral posts the user got. */
export interface Outcome {
  posted: Post[];
  ephemerals: Post[];
}

export interface CommandOutcome extends Outcome {
  /** The REST answer of POST /api/v4/commands/execute (the integration's response, as Mattermost returns it). */
  response: Record<string, unknown>;
}

export interface ActionOutcome extends Outcome {
  /** The post as it reads after the click (an integration's `update` applied). */
  post: Post;
  triggerId: string;
}

export interface DialogOutcome extends Outcome {
  /** Mattermost's answer to the submission: `errors` per field, or `error`, when the integration refused it. */
  response: { error?: string; errors?: Record<string, string> } | null;
}

/** A dialog an integration opened for the user, and what the user can do with it. */
export interface OpenDialog {
  /** The dialog as the integration sent it (title, elements, callback_id, state…). */
  dialog: Record<string, unknown>;
  url: string;
  submit(values: Record<string, unknown>): Promise<DialogOutcome>;
  cancel(): Promise<DialogOutcome>;
}

interface Action {
  id?: string;
  name?: string;
  cookie?: string;
  options?: { text?: string; value?: string }[];
}

/** The post's actions: its attachments' buttons and menus. */
function actionsOf(post: Post): Action[] {
  const attachments = (post.props as { attachments?: { actions?: Action[] }[] } | undefined)?.attachments;
  return Array.isArray(attachments) ? attachments.flatMap((a) => (Array.isArray(a?.actions) ? a.actions : [])) : [];
}

function findAction(post: Post, wanted: string): Action {
  const actions = actionsOf(post);
  const found =
    actions.find((a) => a.id === wanted) ??
    actions.find((a) => typeof a.name === 'string' && a.name.toLowerCase() === wanted.toLowerCase());
  if (!found?.id) {
    const names = actions.map((a) => `${a.name ?? '?'} (${a.id ?? 'no id'})`).join(', ') || 'none';
    throw new Error(`post ${post.id} has no action "${wanted}"; its actions: ${names}`);
  }
  return found;
}

/**
 * A workspace user acting as a person does in Mattermost's web app, through the same REST routes
 * (`mm.as('user-1')`). Every call answers what that person would see next.
 */
export class UserDriver {
  private lastChannel: { id: string; team_id: string } | undefined;
  private actionStartedAt = 0;

  constructor(
    private readonly harness: Harness,
    readonly username: string,
  ) {}

  private get userId(): string {
    return this.harness.user(this.username).id;
  }

  /** Runs `act`, collecting the posts and this user's ephemeral posts that arrive meanwhile. */
  private async watching<T>(act: () => Promise<T>): Promise<T & Outcome> {
    const posted: Post[] = [];
    const ephemerals: Post[] = [];
    const userId = this.userId;
    this.actionStartedAt = Date.now();
    const stop = this.harness.core.events.on((event: WorkspaceEvent) => {
      if (event.type === 'posted') posted.push(event.post);
      if (event.type === 'ephemeral_message' && event.userId === userId) ephemerals.push(event.post);
    });
    try {
      return { ...(await act()), posted, ephemerals };
    } finally {
      stop();
    }
  }

  /** Posts a message in a channel, as typed in its message box. */
  async post(channel: ChannelRef, message: string, extra: { props?: Record<string, unknown>; file_ids?: string[] } = {}): Promise<Post> {
    const target = this.harness.channel(channel);
    this.lastChannel = target;
    return this.harness.rest<Post>(this.username, 'POST', '/posts', { channel_id: target.id, message, ...extra });
  }

  /** Replies in a post's thread. */
  async reply(to: PostRef, message: string): Promise<Post> {
    const root = await this.harness.rest<Post>(this.username, 'GET', `/posts/${postId(to)}`);
    return this.harness.rest<Post>(this.username, 'POST', '/posts', {
      channel_id: root.channel_id,
      root_id: root.root_id || root.id,
      message,
    });
  }

  /** Runs a slash command in a channel (`/deploy prod`), built-in or registered. */
  async runCommand(channel: ChannelRef, command: string): Promise<CommandOutcome> {
    const target = this.harness.channel(channel);
    this.lastChannel = target;
    return this.watching(async () => ({
      response: await this.harness.rest<Record<string, unknown>>(this.username, 'POST', '/commands/execute', {
        channel_id: target.id,
        team_id: target.team_id,
        command,
      }),
    }));
  }

  /** Clicks a button of an interactive message, named by its id or its label. */
  click(post: PostRef, action: string): Promise<ActionOutcome> {
    return this.act(post, action);
  }

  /** Chooses an option of a message menu, named by its value or its text. */
  select(post: PostRef, menu: string, option: string): Promise<ActionOutcome> {
    return this.act(post, menu, option);
  }

  private async act(ref: PostRef, wanted: string, option?: string): Promise<ActionOutcome> {
    // An ephemeral post is not stored: the object the test holds is the only copy (with its cookies).
    const ephemeral = typeof ref === 'object' && 'props' in ref && (ref as Post).type === 'system_ephemeral';
    const post = ephemeral ? (ref as Post) : await this.harness.rest<Post>(this.username, 'GET', `/posts/${postId(ref)}`);
    const action = findAction(post, wanted);
    const selected =
      option === undefined ? undefined : (action.options?.find((o) => o.value === option || o.text === option)?.value ?? option);
    const channel = this.harness.core.store.channels.get(post.channel_id);
    if (channel) this.lastChannel = channel;
    return this.watching(async () => {
      const answer = await this.harness.rest<{ trigger_id: string }>(this.username, 'POST', `/posts/${post.id}/actions/${action.id}`, {
        ...(selected === undefined ? {} : { selected_option: selected }),
        ...(action.cookie ? { cookie: action.cookie } : {}),
      });
      const after = ephemeral ? post : await this.harness.rest<Post>(this.username, 'GET', `/posts/${post.id}`);
      return { post: after, triggerId: answer.trigger_id };
    });
  }

  /** Reacts to a post with an emoji (`:+1:` or `+1`). */
  react(post: PostRef, emoji: string): Promise<unknown> {
    return this.harness.rest(this.username, 'POST', '/reactions', {
      user_id: this.userId,
      post_id: postId(post),
      emoji_name: emoji.replace(/^:|:$/g, ''),
    });
  }

  /**
   * The dialog an integration opened for this user since their last action (a command or a
   * click), waiting up to `timeout` ms for it; integrations open dialogs after they answer.
   */
  async dialog({ timeout = 5000 }: { timeout?: number } = {}): Promise<OpenDialog> {
    const userId = this.userId;
    const since = this.actionStartedAt;
    const mine = (d: OpenedDialog) => d.user_id === userId && d.opened_at >= since;
    const opened =
      this.harness.core.dialogs.newest(1000).find(mine) ??
      (await new Promise<OpenedDialog>((resolve, reject) => {
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`no dialog was opened for @${this.username} within ${timeout} ms of their last action`));
        }, timeout);
        const stop = this.harness.core.events.on((event) => {
          if (event.type === 'open_dialog' && mine(event.dialog)) {
            clearTimeout(timer);
            stop();
            resolve(event.dialog);
          }
        });
      }));
    const { dialog, url } = opened.request;
    const send = (values: Record<string, unknown>, cancelled: boolean) =>
      this.watching(async () => ({
        response: await this.harness.rest<DialogOutcome['response']>(this.username, 'POST', '/actions/dialogs/submit', {
          url,
          callback_id: dialog.callback_id ?? '',
          state: dialog.state ?? '',
          user_id: userId,
          channel_id: this.lastChannel?.id ?? '',
          team_id: this.lastChannel?.team_id ?? '',
          submission: values,
          cancelled,
        }),
      }));
    return { dialog, url, submit: (values) => send(values, false), cancel: () => send({}, true) };
  }
}
