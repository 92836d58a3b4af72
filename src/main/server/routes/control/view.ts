import type { ChannelView } from '../../../../shared/contract/control-api';
import type { User } from '../../../../shared/mattermost/model';
import { channelPosts } from '../../../workspace/posts';
import { postListForClient } from '../../../../shared/mattermost/post-actions';
import { AppError } from '../../app-error';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';

const VIEW_POSTS = 200;

/** Everything the channel view draws for one channel, in one call. */
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
    const posts = channelPosts(store, channel.id, 0, VIEW_POSTS);
    const users: Record<string, User> = {};
    for (const post of Object.values(posts.posts)) {
      users[post.user_id] ??= store.users.get(post.user_id)!;
    }
    const channels = store.channels.where('team_id = ? AND delete_at = 0 ORDER BY name', team.id);
    const view: ChannelView = { team, channel, channels, posts: postListForClient(posts), users };
    return json(200, view);
  },
};
