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

export function isConsecutive(post: Post, previous: Post | undefined): boolean {
  if (!previous || previous.user_id !== post.user_id || post.root_id !== '') return false;
  if (isFromWebhook(post) !== isFromWebhook(previous)) return false;
  if (isFromWebhook(post) && previous.props?.override_username !== post.props?.override_username) return false;
  return post.create_at - previous.create_at <= SAME_USER_WINDOW_MS;
}

/** `time[datetime]`: local time in ISO form without an offset, as Mattermost's web app writes it. */
export function localIsoTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', hour12: true });
}
