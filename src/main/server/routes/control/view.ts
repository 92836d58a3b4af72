import type { ChannelView, RenderSettings } from '../../../../shared/contract/control-api';
import type { Channel, PostList, Team, User } from '../../../../shared/mattermost/model';
import { servedPostList } from '../../../workspace/serve-post';
import { DEFAULT_AUTOLINK_SCHEMES } from '../../../../shared/markdown/ast';
import type { Core } from '../../../core/core';
import { channelPosts, toList } from '../../../workspace/posts';
import { isSystemAdmin } from '../../../workspace/permissions';
import { AppError } from '../../app-error';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { timeParam } from './params';

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

/** The view of `posts` in a channel, for the viewer the UI acts as (`as`, else sysadmin: rendering.md §0). */
function viewOf(ctx: RequestContext, team: Team, channel: Channel, postsFor: (viewer: User) => PostList): ChannelView {
  const { core } = ctx;
  const { store } = core;
  const everyone = store.users.where("json_extract(doc, '$.delete_at') = 0 ORDER BY username LIMIT 1000");
  const as = ctx.url.searchParams.get('as');
  const viewer =
    everyone.find((u) => u.id === as) ?? everyone.find((u) => u.username === 'sysadmin') ?? everyone.find(isSystemAdmin) ?? everyone[0]!;
  const users: Record<string, User> = {};
  for (const user of everyone) users[user.id] = user;
  const posts = postsFor(viewer);
  for (const post of Object.values(posts.posts)) users[post.user_id] ??= store.users.get(post.user_id)!;
  return {
    team,
    channel,
    channels: store.channels.where('team_id = ? AND delete_at = 0 ORDER BY name', team.id),
    posts: servedPostList(core, posts),
    users,
    viewer,
    settings: renderSettings(core),
  };
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
    const store = ctx.core.store;
    const teamName = ctx.url.searchParams.get('team') ?? '';
    const channelName = ctx.url.searchParams.get('channel') ?? '';
    const team = store.teams.first('name = ?', teamName);
    if (!team) throw new AppError(404, 'mockmost.view.team.app_error', `There is no team named ${JSON.stringify(teamName)}.`);
    const channel = store.channels.first('team_id = ? AND name = ?', team.id, channelName);
    if (!channel) {
      throw new AppError(404, 'mockmost.view.channel.app_error', `Team ${teamName} has no channel named ${JSON.stringify(channelName)}.`);
    }
    const since = timeParam(ctx.url.searchParams.get('since'), 'since');
    const before = timeParam(ctx.url.searchParams.get('before'), 'before');
    const view = viewOf(ctx, team, channel, (viewer) => {
      const stored = postsFor(store, channel.id, since, before);
      // Ephemeral posts are the newest page's and each update's, never an older page's.
      return before === undefined ? withEphemerals(ctx.core, stored, viewer.id, channel.id, since ?? 0) : stored;
    });
    return json(200, view);
  },
};

/** One post as the channel view would draw it (the traffic view shows the post an exchange made). */
export const viewPost: RouteDef = {
  method: 'GET',
  path: '/_mockmost/api/view/post/:id',
  handle(ctx) {
    const store = ctx.core.store;
    const post = store.posts.get(ctx.params.id ?? '');
    const channel = post && store.channels.get(post.channel_id);
    const team = channel && (store.teams.get(channel.team_id) ?? store.teams.first('name = ?', 'dev'));
    if (!post || !channel || !team)
      throw new AppError(404, 'mockmost.view.post.app_error', `There is no post ${JSON.stringify(ctx.params.id)}.`);
    return json(
      200,
      viewOf(ctx, team, channel, () => toList([post])),
    );
  },
};
