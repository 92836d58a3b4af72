import type { Channel, Post, PostList, Team, User } from '../mattermost/model';
import type { Exchange } from './exchange';

/** Ids of the freshly seeded workspace, by name. */
export interface SeedSummary {
  teams: Record<string, string>;
  /** team name → channel name → id */
  channels: Record<string, Record<string, string>>;
  users: Record<string, string>;
  /** seed key → incoming hook id */
  hooks: Record<string, string>;
  commands: Record<string, string>;
}

/** What the channel view needs to draw one channel. */
export interface ChannelView {
  team: Team;
  channel: Channel;
  /** The team's channels for the sidebar, by display name. */
  channels: Channel[];
  posts: PostList;
  users: Record<string, User>;
}

/** An ephemeral post as Mattermost sent it to one user's clients. */
export interface DeliveredEphemeral {
  user_id: string;
  post: Post;
}

/** An interactive dialog an integration opened for a user (server.md §8.1), as the client gets it. */
export interface OpenedDialog {
  user_id: string;
  opened_at: number;
  /** `trigger_id` is the client id here, as in Mattermost's open_dialog event. */
  request: { trigger_id: string; url: string; dialog: Record<string, unknown> };
}

/** Every control route, with what it takes and what it answers. */
export interface ControlApi {
  'POST /workspace/reset': { query: Record<string, never>; body: { exchanges?: boolean }; res: SeedSummary };
  'GET /exchanges': { query: { limit?: string }; body: undefined; res: Exchange[] };
  'GET /ephemerals': { query: { limit?: string }; body: undefined; res: DeliveredEphemeral[] };
  'GET /dialogs': { query: { limit?: string }; body: undefined; res: OpenedDialog[] };
  'GET /view/channel': { query: { team: string; channel: string }; body: undefined; res: ChannelView };
}
export type ControlRoute = keyof ControlApi;
