import type { Post } from '../../shared/mattermost/model';

/**
 * What a waited-for post must have. Strings match when contained (any case is kept), regular
 * expressions when they match; every field given must match.
 */
export interface PostMatch {
  /** The message text. */
  message?: string | RegExp;
  /** Some attachment's pretext, title, text or field value. */
  attachment?: string | RegExp;
  /** The author's username (a bot's or the hook creator's). */
  user?: string;
  /** The name a webhook or integration posted under (props.override_username). */
  overrideName?: string;
  /** Props that must be present with these values (compared as JSON). */
  props?: Record<string, unknown>;
  /** Anything else. */
  where?: (post: Post) => boolean;
}

const matchesText = (text: unknown, pattern: string | RegExp) =>
  typeof text === 'string' && (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));

function attachmentTexts(post: Post): unknown[] {
  const attachments = (post.props as { attachments?: unknown } | undefined)?.attachments;
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a: { pretext?: unknown; title?: unknown; text?: unknown; fields?: { value?: unknown }[] }) => [
    a?.pretext,
    a?.title,
    a?.text,
    ...(Array.isArray(a?.fields) ? a.fields.map((f) => f?.value) : []),
  ]);
}

export function postMatches(post: Post, match: PostMatch, usernameOf: (userId: string) => string | undefined): boolean {
  if (match.message !== undefined && !matchesText(post.message, match.message)) return false;
  if (match.attachment !== undefined && !attachmentTexts(post).some((text) => matchesText(text, match.attachment!))) return false;
  if (match.user !== undefined && usernameOf(post.user_id) !== match.user) return false;
  if (match.overrideName !== undefined && post.props?.override_username !== match.overrideName) return false;
  for (const [key, value] of Object.entries(match.props ?? {})) {
    if (JSON.stringify(post.props?.[key]) !== JSON.stringify(value)) return false;
  }
  return match.where ? match.where(post) : true;
}

/** One line a person can read about a post, for a failed wait's message. */
export function describePost(post: Post, usernameOf: (userId: string) => string | undefined): string {
  const name = (post.props?.override_username as string | undefined) ?? usernameOf(post.user_id) ?? post.user_id;
  const attachments = attachmentTexts(post).filter((t): t is string => typeof t === 'string' && t !== '');
  const text = post.message || (attachments.length > 0 ? `[attachment] ${attachments[0]}` : '(no text)');
  return `@${name}: ${JSON.stringify(text.length > 120 ? `${text.slice(0, 117)}…` : text)}`;
}
