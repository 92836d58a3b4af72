import type { ChannelView, RenderSettings } from '../../../../shared/contract/control-api';
import type { Channel, Post, PostList, Team, User } from '../../../../shared/mattermost/model';
import { servedPostList } from '../../../workspace/serve-post';
import { DEFAULT_AUTOLINK_SCHEMES } from '../../../../shared/markdown/ast';
import type { Core } from '../../../core/core';
import { channelPosts, toList } from '../../../workspace/posts';
import { isSystemAdmin } from '../../../workspace/permissions';
import { homeChannel } from '../../../workspace/home-channel';
import { AppError } from '../../../workspace/app-error';
import type { RequestContext } from '../../http-types';
import { badParam, timeParam } from './params';
import type { ControlHandler } from './control-route';

const VIEW_POSTS = 200;
/** As many custom emoji as a team is likely to have; more are drawn as their :name:. */
const CUSTOM_EMOJI_SHOWN = 5000;

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
    customEmoji:
      service.EnableCustomEmoji === false
        ? {}
        : Object.fromEntries(core.store.emoji.list(CUSTOM_EMOJI_SHOWN, 0, true).map((e) => [e.name, e.id])),
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

/** Which posts a view request asks for (at most one of them; none: the newest page). */
interface PostWindow {
  since?: number;
  before?: number;
  after?: number;
  around?: Post;
}

/**
 * The posts created after `after`, up to `limit`, newest first as lists are. Past the limit,
 * `next_post_id` names the next newer post, as Mattermost's cursors do: the reader is not at the
 * channel's newest posts yet.
 */
function newerPosts(store: Core['store'], channelId: string, after: Post | number, limit: number): PostList {
  const newer = store.posts.beside(channelId, after, 'newer', limit + 1);
  const list = toList(newer.slice(0, limit).reverse());
  list.next_post_id = newer.length > limit ? newer[limit]!.id : '';
  return list;
}

/**
 * The newest page, what changed after `since` (deleted posts included), the page before or after
 * a time, or the posts around one post (a permalink): half a page on either side of it.
 */
function postsFor(store: Core['store'], channelId: string, window: PostWindow): PostList {
  if (window.since !== undefined) return channelPosts(store, channelId, 0, VIEW_POSTS, window.since);
  if (window.before !== undefined) return toList(store.posts.beside(channelId, window.before, 'older', VIEW_POSTS));
  if (window.after !== undefined) return newerPosts(store, channelId, window.after, VIEW_POSTS);
  if (window.around === undefined) return channelPosts(store, channelId, 0, VIEW_POSTS);
  const half = VIEW_POSTS / 2;
  const newer = newerPosts(store, channelId, window.around, half);
  const older = store.posts.beside(channelId, window.around, 'older', half);
  const list = toList([...newer.order.map((id) => newer.posts[id]!), window.around, ...older]);
  list.next_post_id = newer.next_post_id;
  return list;
}

/** The post a permalink view centres on: it must be a live post of the channel asked for. */
function aroundParam(ctx: RequestContext, channel: Channel): Post | undefined {
  const id = ctx.url.searchParams.get('around');
  if (id === null || id === '') return undefined;
  const post = ctx.core.store.posts.get(id);
  if (!post || post.channel_id !== channel.id || post.delete_at > 0) {
    throw new AppError(404, 'mockmost.view.around.app_error', `Channel ${channel.name} has no post ${JSON.stringify(id)}.`);
  }
  return post;
}

/** The view of `posts` in a channel, for the viewer the UI acts as (`as`, else sysadmin). */
function viewOf(ctx: RequestContext, team: Team, channel: Channel, postsFor: (viewer: User) => PostList): ChannelView {
  const { core } = ctx;
  const { store } = core;
  const everyone = store.users.active(1000);
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
    channels: store.channels.activeInTeam(team.id),
    posts: servedPostList(core, posts),
    users,
    viewer,
    settings: renderSettings(core),
  };
}

/**
 * Everything the channel view draws for one channel, in one call: the newest posts, or with
 * `since` only what changed after that time (how the view follows live traffic cheaply), with
 * `before`/`after` the next older/newer page (scrolling through a long channel), or with
 * `around` the posts on either side of one post (a permalink).
 */
export const viewChannel: ControlHandler<'GET /view/channel'> = (ctx) => {
  const store = ctx.core.store;
  const teamName = ctx.url.searchParams.get('team') ?? '';
  const channelName = ctx.url.searchParams.get('channel') ?? '';
  // Without names: the home channel (the UI's start page, the composer's and integrations' team).
  const home = channelName === '' ? homeChannel(store, teamName || undefined) : undefined;
  const team = home?.team ?? store.teams.byName(teamName);
  if (!team) throw new AppError(404, 'mockmost.view.team.app_error', `There is no team named ${JSON.stringify(teamName)}.`);
  const channel = home?.channel ?? store.channels.byName(team.id, channelName);
  if (!channel) {
    throw new AppError(404, 'mockmost.view.channel.app_error', `Team ${team.name} has no channel named ${JSON.stringify(channelName)}.`);
  }
  const params = ctx.url.searchParams;
  const window: PostWindow = {
    since: timeParam(params.get('since'), 'since'),
    before: timeParam(params.get('before'), 'before'),
    after: timeParam(params.get('after'), 'after'),
    around: aroundParam(ctx, channel),
  };
  if (Object.values(window).filter((v) => v !== undefined).length > 1) {
    throw badParam('since, before, after and around', 'cannot be combined');
  }
  const view = viewOf(ctx, team, channel, (viewer) => {
    const stored = postsFor(store, channel.id, window);
    // Ephemeral posts belong to the newest posts (an update's, or a page that reaches the newest), never an older page's.
    const reachesNewest = window.before === undefined && stored.next_post_id === '';
    if (!reachesNewest) return stored;
    const from = window.since ?? window.after ?? window.around?.create_at ?? 0;
    return withEphemerals(ctx.core, stored, viewer.id, channel.id, from);
  });
  return view;
};

/**
 * The channel the UI opens on at `/`: the one named by `team` and `channel` (the last one viewed)
 * while it still exists and is not archived, as Mattermost's web app goes back to the last viewed
 * channel, else the home channel.
 */
export const viewHome: ControlHandler<'GET /view/home'> = (ctx) => {
  const store = ctx.core.store;
  const params = ctx.url.searchParams;
  const team = store.teams.byName(params.get('team') ?? '');
  const last = team && store.channels.byName(team.id, params.get('channel') ?? '');
  if (team && team.delete_at === 0 && last && last.delete_at === 0 && (last.type === 'O' || last.type === 'P'))
    return { team: team.name, channel: last.name };
  const home = homeChannel(store);
  if (!home) throw new AppError(404, 'mockmost.view.home.app_error', 'The workspace has no team with a channel.');
  return { team: home.team.name, channel: home.channel.name };
};

/** One post as the channel view would draw it (the traffic view shows the post an exchange made). */
export const viewPost: ControlHandler<'GET /view/post/:id'> = (ctx) => {
  const store = ctx.core.store;
  const post = store.posts.get(ctx.params.id ?? '');
  const channel = post && store.channels.get(post.channel_id);
  // Direct messages belong to no team: they are shown in the home team.
  const team = channel && (store.teams.get(channel.team_id) ?? homeChannel(store)?.team);
  if (!post || !channel || !team)
    throw new AppError(404, 'mockmost.view.post.app_error', `There is no post ${JSON.stringify(ctx.params.id)}.`);
  return viewOf(ctx, team, channel, () => toList([post]));
};
