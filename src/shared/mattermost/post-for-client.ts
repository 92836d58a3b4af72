import { emojiCodepoints } from '../emoji/emoji';
import type { Post, PostList } from './model';
import { mapPostActions } from './post-actions';

export interface ServeOptions {
  /** ServiceSettings.EnablePostIconOverride: only then is an icon emoji turned into an icon URL. */
  iconOverride: boolean;
}

/** `/static/emoji/1f604.png` for `:smile:`, as Mattermost serves its system emoji; undefined for unknown names. */
export function emojiIconUrl(emoji: string): string | undefined {
  const unified = emojiCodepoints(emoji.replace(/^:|:$/g, '').toLowerCase());
  return unified ? `/static/emoji/${unified}.png` : undefined;
}

/**
 * A post as clients receive it (server/channels/app/post.go: PreparePostForClient; server/public/model/post.go: StripActionIntegrations): every action's `integration` (URL and
 * context) stripped, so only the server knows where a click goes, and with the icon override
 * on, `override_icon_emoji` served as `override_icon_url`.
 */
export function postForClient(post: Post, options: ServeOptions): Post {
  let served = mapPostActions(post, (action) => {
    if (!('integration' in action)) return action;
    const visible = { ...action };
    delete visible.integration;
    return visible;
  });
  const emoji = post.props?.override_icon_emoji;
  const icon = options.iconOverride && typeof emoji === 'string' && emoji !== '' ? emojiIconUrl(emoji) : undefined;
  if (icon) served = { ...served, props: { ...served.props, override_icon_url: icon } };
  return served;
}

export function postListForClient(list: PostList, options: ServeOptions): PostList {
  const posts: PostList['posts'] = {};
  for (const [id, post] of Object.entries(list.posts)) posts[id] = postForClient(post, options);
  return { ...list, posts };
}
