import type { Post, User } from '../../../../shared/mattermost/model';

/** Mattermost groups a user's posts made within five minutes of each other. */
const SAME_USER_WINDOW_MS = 5 * 60 * 1000;

export function isFromWebhook(post: Post): boolean {
  return post.props?.from_webhook === 'true';
}

/** The name shown in the header: the webhook's override when present, else the author's username. */
export function displayName(post: Post, author: User | undefined): string {
  const override = post.props?.override_username;
  if (isFromWebhook(post) && typeof override === 'string' && override !== '') return override;
  return author?.username ?? 'Someone';
}

const isSystemPost = (post: Post) => post.type.startsWith('system_');
const priorityOf = (post: Post) => (post.metadata as { priority?: { priority?: string } } | undefined)?.priority?.priority;

/**
 * Mattermost's consecutive posts (areConsecutivePostsBySameUser): the same author within five
 * minutes, neither from a webhook nor a system message; a post with a priority never is.
 */
export function isConsecutive(post: Post, previous: Post | undefined): boolean {
  if (!previous || priorityOf(post)) return false;
  return (
    post.user_id === previous.user_id &&
    post.create_at - previous.create_at <= SAME_USER_WINDOW_MS &&
    !isFromWebhook(post) &&
    !isFromWebhook(previous) &&
    !isSystemPost(post) &&
    !isSystemPost(previous)
  );
}

export interface PostFrame {
  classes: string;
  /** The picture is left out of consecutive root posts without replies, and the time shown only on hover. */
  hideProfilePicture: boolean;
}

/**
 * The post root's classes, as Mattermost's post component computes them for the center channel
 * (threads shown inline: replies are `post--comment`) or the thread on the right.
 */
export function postFrame(
  post: Post,
  previous: Post | undefined,
  { viewerId, location, highlight, bot }: { viewerId: string | undefined; location: 'CENTER' | 'RHS'; highlight: boolean; bot: boolean },
): PostFrame {
  const system = isSystemPost(post);
  const consecutive = isConsecutive(post, previous);
  const firstReply = post.root_id !== '' && previous !== undefined && post.root_id !== previous.id && post.root_id !== previous.root_id;
  const previousIsComment = previous !== undefined && !post.props?.priority && previous.root_id !== '';
  const sameRoot = !firstReply && (post.root_id !== '' || (!previousIsComment && consecutive));
  const hasReplies = post.reply_count > 0;
  const classes = [
    'a11y__section',
    'post',
    highlight && 'post--highlight',
    sameRoot && 'same--root',
    !sameRoot && !system && 'other--root',
    bot && 'post--bot',
    viewerId === post.user_id && !system && 'current--user',
    (system || post.type === ('me' as Post['type'])) && 'post--system',
    hasReplies && post.root_id === '' && 'post--root',
    post.root_id !== '' && 'post--comment',
    consecutive && 'same--user',
    post.is_pinned && location === 'CENTER' && 'post--pinned-or-flagged',
    location === 'RHS' && 'post--thread',
    post.state === 'DELETED' && 'post--hide-controls',
  ];
  return {
    classes: classes.filter(Boolean).join(' '),
    hideProfilePicture: sameRoot && post.root_id === '' && !hasReplies && !bot,
  };
}

/** `time[datetime]`: local time in ISO form without an offset, as Mattermost's web app writes it. */
export function localIsoTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

// Made once: `toLocaleString` builds a formatter on every call, a cost every arriving post paid twice.
const CLOCK = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', hour12: true });
const FULL_DATE = new Intl.DateTimeFormat('en-US', {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

export function clockTime(ms: number): string {
  return CLOCK.format(ms);
}

/** The time's tooltip: the whole date, as Mattermost's web app shows on hover. */
export function fullDate(ms: number): string {
  return FULL_DATE.format(ms);
}
