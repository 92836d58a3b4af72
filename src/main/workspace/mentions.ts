import type { Channel, Post } from '../../shared/mattermost/model';
import type { MattermostConfig } from './config-defaults';
import type { Store } from '../store/store';

/** Characters a word may hold while Mattermost looks for mentions in it; the rest split words. */
const WORD = /[:.\-_@\p{L}\p{N}]+/gu;
const SENTENCE_ENDS = /[.\-:_]$/;
const SPLIT = /[.\-:]/;
const CHANNEL_WIDE = ['@channel', '@all'];
const DEFAULT_MAX_NOTIFICATIONS_PER_CHANNEL = 1000;

/** The texts Mattermost looks for mentions in: the message, and attachments' pretext, text and string field values. */
function mentionableTexts(post: Post): string[] {
  const texts = [post.message];
  const attachments = (post.props as { attachments?: unknown } | undefined)?.attachments;
  if (!Array.isArray(attachments)) return texts;
  for (const attachment of attachments as { pretext?: unknown; text?: unknown; fields?: { value?: unknown }[] }[]) {
    if (typeof attachment?.pretext === 'string' && attachment.pretext) texts.push(attachment.pretext);
    if (typeof attachment?.text === 'string' && attachment.text) texts.push(attachment.text);
    for (const field of Array.isArray(attachment?.fields) ? attachment.fields : []) {
      if (typeof field?.value === 'string' && field.value) texts.push(field.value);
    }
  }
  return texts;
}

/**
 * Markdown's text without what Mattermost never reads mentions from: fenced code blocks (to their
 * closing fence, or the end of the text when there is none) and code spans.
 */
function outsideCode(text: string): string {
  return text.replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?(?:\n {0,3}\1[^\n]*|(?![\s\S]))/gm, ' ').replace(/(`+)[^`]*?\1/g, ' ');
}

/**
 * The words that mention someone, as Mattermost's StandardMentionParser.ProcessText reads them
 * (server/channels/app/mention_parser_standard.go): emoji `:name:` skipped, leading `:.-_`
 * dropped, then the word, the word less its sentence-ending `.-:_` one at a time, or its parts
 * split at `.-:`, looked up with `keyword` (the users a word names, if any).
 */
function mentionedBy(text: string, keyword: (word: string) => string[] | undefined, found: Set<string>): void {
  const check = (word: string) => {
    const ids = keyword(word);
    ids?.forEach((id) => found.add(id));
    return ids !== undefined;
  };
  for (let [word] of outsideCode(text).matchAll(WORD) as Iterable<[string]>) {
    if (word.length > 1 && word.startsWith(':') && word.endsWith(':')) continue;
    word = word.replace(/^[:.\-_]+/, '');
    if (word === '' || check(word)) continue;
    let shorter = word;
    let matched = false;
    while (!matched && shorter !== '' && SENTENCE_ENDS.test(shorter)) {
      shorter = shorter.slice(0, -1);
      matched = check(shorter);
    }
    if (!matched && !(word.startsWith('@') && !CHANNEL_WIDE.includes(word) && word !== '@here') && SPLIT.test(word)) {
      for (const part of word.split(SPLIT)) if (part) check(part);
    }
  }
}

/**
 * Who a post mentions, in the `mentions` of its `posted` event (server/channels/app/notification.go:
 * SendNotifications, getExplicitMentionsAndKeywords): in a direct channel the other member; in
 * other channels the members named by `@username`, everyone (with the default notify props)
 * for `@channel` and `@all`, those online (`isOnline`) for `@here`, and every member of a group
 * channel. The poster never mentions themselves, except through a webhook.
 */
export function postMentions(
  store: Store,
  post: Post,
  channel: Channel,
  memberIds: Set<string>,
  config: MattermostConfig,
  isOnline: (userId: string) => boolean,
): string[] {
  const fromWebhook = (post.props as Record<string, unknown> | undefined)?.from_webhook === 'true';
  const found = new Set<string>();
  if (channel.type === 'D') {
    for (const id of memberIds) if (id !== post.user_id || fromWebhook) found.add(id);
    return [...found];
  }
  const maxNotifications = Number(
    (config.TeamSettings as { MaxNotificationsPerChannel?: number } | undefined)?.MaxNotificationsPerChannel ??
      DEFAULT_MAX_NOTIFICATIONS_PER_CHANNEL,
  );
  const channelWide = memberIds.size < maxNotifications && post.type !== 'system_header_change' && post.type !== 'system_purpose_change';
  // Mattermost builds every member's keywords (@username, @channel, @all, @here) up front; looking
  // up only the words that start with @ names the same users without reading every member.
  const keyword = (word: string): string[] | undefined => {
    const lower = word.toLowerCase();
    if (lower.length < 2 || !lower.startsWith('@')) return undefined;
    const ids: string[] = [];
    if (channelWide && CHANNEL_WIDE.includes(lower)) ids.push(...memberIds);
    if (channelWide && lower === '@here') ids.push(...[...memberIds].filter(isOnline));
    const user = store.users.byUsername(lower.slice(1));
    if (user && memberIds.has(user.id)) ids.push(user.id);
    return ids.length > 0 ? ids : undefined;
  };
  for (const text of mentionableTexts(post)) mentionedBy(text, keyword, found);
  if (channel.type === 'G') memberIds.forEach((id) => found.add(id));
  if (!fromWebhook) found.delete(post.user_id);
  return [...found];
}
