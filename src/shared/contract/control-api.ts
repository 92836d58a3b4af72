import type { Channel, Post, PostList, Team, User } from '../mattermost/model';
import type { Difference } from '../replay/compare';
import type { Collection, CollectionBody, CollectionEntry } from './collection';
import type { Exchange, ExchangeSummary } from './exchange';
import type { SeedFile } from './seed';

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

/** The server settings that change how posts render (ServiceSettings.EnableLatex and the like, which the web app reads). */
export interface RenderSettings {
  siteUrl: string;
  /** Schemes autolinked in bare text: Mattermost's defaults plus DisplaySettings.CustomURLSchemes. */
  autolinkSchemes: string[];
  minimumHashtagLength: number;
  latex: boolean;
  inlineLatex: boolean;
  svgs: boolean;
  postPriority: boolean;
  /** Custom emoji by name → id (empty when ServiceSettings.EnableCustomEmoji is off), drawn from `/api/v4/emoji/{id}/image`. */
  customEmoji: Record<string, string>;
}

/** What the channel view needs to draw one channel. */
export interface ChannelView {
  team: Team;
  channel: Channel;
  /** The team's channels for the sidebar, by display name. */
  channels: Channel[];
  /** Stored posts plus the ephemeral ones delivered to the viewer in this channel. */
  posts: PostList;
  /** Every user, by id: authors and everyone a message may @mention. */
  users: Record<string, User>;
  /** Whom the view shows the channel to (sysadmin unless `as` says otherwise). */
  viewer: User;
  settings: RenderSettings;
}

/** An ephemeral post as Mattermost sent it to one user's clients. */
export interface DeliveredEphemeral {
  user_id: string;
  post: Post;
}

/** An interactive dialog an integration opened for a user (server/channels/app/integration_action.go: OpenInteractiveDialog), as the client gets it. */
export interface OpenedDialog {
  user_id: string;
  opened_at: number;
  /** `trigger_id` is the client id here, as in Mattermost's open_dialog event. */
  request: { trigger_id: string; url: string; dialog: Record<string, unknown> };
}

/** A click on an interactive message, made in the UI as a workspace user (the viewer by default). */
export interface ActionClick {
  post_id: string;
  action_id: string;
  selected_option?: string;
  cookie?: string;
  user_id?: string;
}

/** Filters of the traffic list; all optional. */
export interface ExchangeQuery {
  limit?: string;
  kind?: string;
  direction?: string;
  /** 1xx…5xx, or `error` for calls that got no answer. */
  status?: string;
  /** Words that must all appear in the URL or a body. */
  q?: string;
  before?: string;
  after?: string;
  hook_id?: string;
  command_id?: string;
  /** Started at or after / before, in ms since 1970. */
  from?: string;
  to?: string;
}

/** A page of the traffic list; `continue_before` when a search stopped early and older matches may remain. */
export interface TrafficPage {
  items: ExchangeSummary[];
  continue_before?: number;
  /** Exchanges not searchable yet (the index is catching up after a burst): the newest matches may come later. */
  indexing_pending?: number;
}

/** Changes to a recorded request before it is sent again, and extra fields to ignore in the diff. */
export interface ReplayEdits {
  request?: { method?: string; url?: string; headers?: [string, string][]; body?: string };
  ignore?: string[];
}

/** The answer to a replayed exchange, compared with the recorded one. */
export interface ReplayOutcome {
  outcome: 'same' | 'changed' | 'failed';
  differences: Difference[];
  error?: string;
  durationMs: number;
  response?: { status: number; headers: [string, string][]; body: CollectionBody | null };
}

/** Two captured exchanges compared (`GET /exchanges/diff`): in each difference, `recorded` is a's and `replayed` b's. */
export interface ExchangeDiff {
  a: string;
  b: string;
  request: Difference[];
  response: Difference[];
}

/** Where a setting in effect comes from: built in, a `serve` flag (this run only), or the data dir's settings. */
export type SettingSource = 'default' | 'flag' | 'settings';

/** Mockmost's own settings and the state of its data dir (`GET /settings`). */
export interface MockmostSettings {
  url: string;
  data_dir: string;
  database_bytes: number;
  exchanges: number;
  /** How much captured history is kept (`5000`, `7d`, `500MB`); null: everything. */
  keep: string | null;
  keep_source: SettingSource;
  seed_source: SettingSource;
  /** The `--seed` file, when that is the seed in effect. */
  seed_file?: string;
}

/** The seed resets use (`GET /workspace/seed`). */
export interface WorkspaceSeed {
  source: SettingSource;
  file?: string;
  seed: SeedFile;
}

/** A saved collection as listed. */
export interface CollectionSummary {
  id: number;
  name: string;
  created_at: number;
  entries: number;
}

/** Every control route, with what it takes and what it answers. */
/** Recording proxies: name → the integration's base URL (`/_mockmost/proxy/{name}/…` forwards there). */
export type ProxyTargets = Record<string, string>;

export interface ControlApi {
  'GET /settings': { query: Record<string, never>; body: undefined; res: MockmostSettings };
  'PATCH /settings': { query: Record<string, never>; body: { keep?: string | null }; res: MockmostSettings };
  'GET /workspace/seed': { query: Record<string, never>; body: undefined; res: WorkspaceSeed };
  'PUT /workspace/seed': { query: Record<string, never>; body: { seed: SeedFile | null; exchanges?: boolean }; res: SeedSummary };
  'POST /workspace/reset': { query: Record<string, never>; body: { exchanges?: boolean }; res: SeedSummary };
  'GET /exchanges': { query: ExchangeQuery; body: undefined; res: Exchange[] };
  'GET /traffic': { query: ExchangeQuery; body: undefined; res: TrafficPage };
  'GET /exchanges/diff': { query: { a: string; b: string; ignore?: string }; body: undefined; res: ExchangeDiff };
  'GET /exchanges/:id': { query: Record<string, never>; body: undefined; res: Exchange };
  'DELETE /exchanges/:id': { query: Record<string, never>; body: undefined; res: { status: string } };
  'DELETE /exchanges': { query: Record<string, never>; body: undefined; res: { status: string } };
  'POST /exchanges/:id/replay': { query: Record<string, never>; body: ReplayEdits; res: ReplayOutcome };
  'GET /ephemerals': { query: { limit?: string }; body: undefined; res: DeliveredEphemeral[] };
  'GET /dialogs': { query: { limit?: string }; body: undefined; res: OpenedDialog[] };
  'POST /actions': { query: Record<string, never>; body: ActionClick; res: { status: string; trigger_id: string } };
  'POST /sessions': { query: Record<string, never>; body: { user_id?: string; username?: string }; res: { token: string; user: User } };
  'GET /collections': { query: Record<string, never>; body: undefined; res: CollectionSummary[] };
  'POST /collections': {
    query: Record<string, never>;
    body: { name?: string; exchange_ids?: number[]; collection?: unknown };
    res: { id: number; name: string; entries: number };
  };
  'GET /collections/:id': { query: Record<string, never>; body: undefined; res: Collection };
  'DELETE /collections/:id': { query: Record<string, never>; body: undefined; res: { status: string } };
  'POST /collections/:id/replay': {
    query: Record<string, never>;
    body: undefined;
    res: (ReplayOutcome & { index: number; entry: CollectionEntry })[];
  };
  'GET /proxies': { query: Record<string, never>; body: undefined; res: ProxyTargets };
  'PUT /proxies/:name': { query: Record<string, never>; body: { url: string }; res: ProxyTargets };
  'DELETE /proxies/:name': { query: Record<string, never>; body: undefined; res: ProxyTargets };
  'GET /view/home': { query: { team?: string; channel?: string }; body: undefined; res: { team: string; channel: string } };
  'GET /view/post/:id': { query: Record<string, never>; body: undefined; res: ChannelView };
  'GET /view/channel': {
    query: { team?: string; channel?: string; as?: string; since?: string; before?: string; after?: string; around?: string };
    body: undefined;
    res: ChannelView;
  };
}
export type ControlRoute = keyof ControlApi;
