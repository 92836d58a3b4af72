import type { ChannelView, RenderSettings } from '../../../../shared/contract/control-api';
import type { PostList, User } from '../../../../shared/mattermost/model';
import { servedPostList } from '../../../workspace/serve-post';
import { DEFAULT_AUTOLINK_SCHEMES } from '../../../../shared/markdown/ast';
import type { Core } from '../../../core/core';
import { channelPosts, toList } from '../../../workspace/posts';
import { isSystemAdmin } from '../../../workspace/permissions';
import { AppError } from '../../app-error';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';

const VIEW_POSTS = 200;

function renderSettings(core: Core): RenderSettings {
  const config = core.config();
  const service = config.ServiceSettings ?? {};
  const custom = (config.DisplaySettings?.CustomURLSchemes as unknown[] | undefined) ?? [];
  return {
    siteUrl: String(service.SiteURL ?? ''),
    autolinkSchemes: [...DEFAULT_AUTOLINK_SCHEMES, ...custom.filter((s): s is string => typeof s === 'string').map((s) => s.toLowerCase())],
    minimumHashtagLength: Number(service.MinimumHashtagLength ?? 3),
    latex: service.EnableLatex === true,
    inlineLatex: service.EnableLatex === true && service.EnableInlineLatex !== false,
    svgs: service.EnableSVGs === true,
    postPriority: service.PostPriority !== false,
  };
}

/** Ephemeral posts live only in the viewer's client; the view mixes in those it was sent here (after `since`). */
function withEphemerals(core: Core, posts: PostList, viewerId: string, channelId: string, since: number): PostList {
  const mine = core.ephemerals
    .newest(1000)
    .filter((e) => e.user_id === viewerId && e.post.channel_id === channelId && e.post.create_at > since);
  if (mine.length === 0) return posts;
  const all = { ...posts.posts };
  for (const { post } of mine) all[post.id] = post;
  const order = [...posts.order, ...mine.map(({ post }) => post.id)].sort((a, b) => all[b]!.create_at - all[a]!.create_at);
  return { ...posts, posts: all, order };
}

function timeParam(value: string | null, name: string): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new AppError(400, 'mockmost.control.param.app_error', `${name} must be a time in milliseconds.`);
  return Number(value);
}

/** The newest page of posts, the page before `before` (a create_at), or what changed after `since` (deleted posts included). */
function postsFor(store: Core['store'], channelId: string, since: number | undefined, before: number | undefined): PostList {
  if (since !== undefined) return channelPosts(store, channelId, 0, VIEW_POSTS, since);
  if (before === undefined) return channelPosts(store, channelId, 0, VIEW_POSTS);
  const older = store.posts.where(
    'channel_id = ? AND delete_at = 0 AND create_at < ? ORDER BY create_at DESC LIMIT ?',
    channelId,
    before,
    VIEW_POSTS,
  );
  return toList(older);
}

/**
 * Everything the channel view draws for one channel, in one call: the newest posts, or with
 * `since` only what changed after that time (how the view follows live traffic cheaply), or
 * with `before` the next older page (scrolling back through a long channel).
 */
export const viewChannel: RouteDef = {
  method: 'GET',
  path: '/_mockmost/api/view/channel',
  handle(ctx) {
    const core = ctx.core;
    const store = core.store;
    const teamName = ctx.url.searchParams.get('team') ?? '';
    const channelName = ctx.url.searchParams.get('channel') ?? '';
    const team = store.teams.first('name = ?', teamName);
    if (!team) throw new AppError(404, 'mockmost.view.team.app_error', `There is no team named ${JSON.stringify(teamName)}.`);
    const channel = store.channels.first('team_id = ? AND name = ?', team.id, channelName);
    if (!channel) {
      throw new AppError(404, 'mockmost.view.channel.app_error', `Team ${teamName} has no channel named ${JSON.stringify(channelName)}.`);
    }
    const everyone = store.users.where("json_extract(doc, '$.delete_at') = 0 ORDER BY username LIMIT 1000");
    // The viewer is sysadmin (rendering.md §0) unless the UI acts as someone else (`as`).
    const as = ctx.url.searchParams.get('as');
    const viewer =
      everyone.find((u) => u.id === as) ?? everyone.find((u) => u.username === 'sysadmin') ?? everyone.find(isSystemAdmin) ?? everyone[0]!;
    const users: Record<string, User> = {};
    for (const user of everyone) users[user.id] = user;
    const since = timeParam(ctx.url.searchParams.get('since'), 'since');
    const before = timeParam(ctx.url.searchParams.get('before'), 'before');
    const stored = postsFor(store, channel.id, since, before);
    // Ephemeral posts are the newest page's and each update's, never an older page's.
    const posts = before === undefined ? withEphemerals(core, stored, viewer.id, channel.id, since ?? 0) : stored;
    for (const post of Object.values(posts.posts)) users[post.user_id] ??= store.users.get(post.user_id)!;
    const channels = store.channels.where('team_id = ? AND delete_at = 0 ORDER BY name', team.id);
    const view: ChannelView = {
      team,
      channel,
      channels,
      posts: servedPostList(ctx.core, posts),
      users,
      viewer,
      settings: renderSettings(core),
    };
    return json(200, view);
  },
};
