import type { Channel, Post, User } from '../../shared/mattermost/model';
import type { Store } from '../store/store';
import { toList } from './posts';

/** A search as Mattermost's model.ParseSearchParams reads it. */
export interface SearchQuery {
  /** Words and quoted phrases, lower case; a word may end in `*` for a prefix. */
  terms: string[][];
  excluded: string[][];
  hashtags: string[];
  from: string[];
  notFrom: string[];
  in: string[];
  notIn: string[];
  after?: number;
  before?: number;
  on?: [number, number];
}

const FLAGS = ['from', 'in', 'after', 'before', 'on'] as const;

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_*'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean);

/** Midnight UTC of a YYYY-MM-DD date, shifted by the client's offset in seconds; undefined if not a date. */
function dayStart(text: string, offsetSeconds: number): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const at = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(at) ? undefined : at - offsetSeconds * 1000;
}

/**
 * Splits search terms into words, "quoted phrases" (an unbalanced quote just ends), -exclusions,
 * #hashtags and the from:/in:/after:/before:/on: flags.
 */
export function parseSearch(text: string, timeZoneOffset = 0): SearchQuery {
  const query: SearchQuery = { terms: [], excluded: [], hashtags: [], from: [], notFrom: [], in: [], notIn: [] };
  const tokens = text.match(/-?"[^"]*"?|\S+/g) ?? [];
  for (const raw of tokens) {
    const negated = raw.startsWith('-') && raw.length > 1;
    const token = negated ? raw.slice(1) : raw;
    if (token.startsWith('"')) {
      const phrase = words(token.replace(/"/g, ''));
      if (phrase.length > 0) (negated ? query.excluded : query.terms).push(phrase);
      continue;
    }
    const flag = FLAGS.find((name) => token.toLowerCase().startsWith(`${name}:`) && token.length > name.length + 1);
    if (flag) {
      const value = token
        .slice(flag.length + 1)
        .replace(/^[@~]/, '')
        .toLowerCase();
      if (flag === 'from') (negated ? query.notFrom : query.from).push(value);
      else if (flag === 'in') (negated ? query.notIn : query.in).push(value);
      else {
        const start = dayStart(value, timeZoneOffset);
        if (start === undefined) continue;
        if (flag === 'after') query.after = start + 86_400_000;
        if (flag === 'before') query.before = start;
        if (flag === 'on') query.on = [start, start + 86_400_000];
      }
      continue;
    }
    if (/^#\w/.test(token) && !negated) {
      query.hashtags.push(token.toLowerCase());
      continue;
    }
    for (const word of words(token)) (negated ? query.excluded : query.terms).push([word]);
  }
  return query;
}

/** Whether the message holds the phrase as consecutive words (a trailing `*` matches a prefix). */
function hasPhrase(messageWords: string[], phrase: string[]): boolean {
  const match = (word: string, pattern: string) => (pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern);
  for (let i = 0; i + phrase.length <= messageWords.length; i++) {
    if (phrase.every((pattern, j) => match(messageWords[i + j]!, pattern))) return true;
  }
  return false;
}

export interface SearchScope {
  /** Channels searched: the user's own in the team, and their direct and group messages. */
  channels: Channel[];
  usersByName: (username: string) => User | undefined;
}

export function matchesQuery(post: Post, channel: Channel, query: SearchQuery, scope: SearchScope, isOr: boolean): boolean {
  const messageWords = words(post.message);
  const hashtags = (post.hashtags ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const positives = [
    ...query.terms.map((phrase) => hasPhrase(messageWords, phrase)),
    ...query.hashtags.map((tag) => hashtags.includes(tag)),
  ];
  if (positives.length > 0 && !(isOr ? positives.some(Boolean) : positives.every(Boolean))) return false;
  if (query.excluded.some((phrase) => hasPhrase(messageWords, phrase))) return false;
  const authorIs = (names: string[]) => names.some((name) => scope.usersByName(name)?.id === post.user_id);
  if (query.from.length > 0 && !authorIs(query.from)) return false;
  if (authorIs(query.notFrom)) return false;
  if (query.in.length > 0 && !query.in.includes(channel.name)) return false;
  if (query.notIn.includes(channel.name)) return false;
  if (query.after !== undefined && post.create_at < query.after) return false;
  if (query.before !== undefined && post.create_at >= query.before) return false;
  if (query.on && (post.create_at < query.on[0] || post.create_at >= query.on[1])) return false;
  return true;
}

/** The words to narrow the scan in SQL: the longest plain word of the search, when it has one. */
function needle(query: SearchQuery): string {
  const plain = query.terms
    .flat()
    .map((w) => w.replace(/\*$/, ''))
    .filter((w) => w.length > 0);
  return plain.sort((a, b) => b.length - a.length)[0] ?? '';
}

/** The matching posts, newest first, as Mattermost's PostSearchResults (page of `perPage`, has_next). */
export function searchPosts(store: Store, scope: SearchScope, query: SearchQuery, isOr: boolean, page: number, perPage: number) {
  const byId = new Map(scope.channels.map((c) => [c.id, c]));
  const candidates = store.posts.containing([...byId.keys()], isOr ? '' : needle(query));
  const matched = candidates.filter(
    (post) => !post.type?.startsWith('system_') && matchesQuery(post, byId.get(post.channel_id)!, query, scope, isOr),
  );
  const pageOf = matched.slice(page * perPage, page * perPage + perPage);
  return { ...toList(pageOf), has_next: matched.length > (page + 1) * perPage, matches: null };
}
