import type Database from 'better-sqlite3';
import type {
  Bot,
  Channel,
  Command,
  IncomingWebhook,
  OutgoingWebhook,
  MemberRow,
  Post,
  Session,
  Team,
  User,
  UserAccessToken,
} from '../../shared/mattermost/model';
import { DocTable } from './doc-table';
import { ExchangeLog } from './exchange-log';
import { SEARCH_PROGRESS_KEY, SearchIndex } from './search-index';
import { WriteBatch } from './write-batch';

/** The data dir's database, with one repository per kind of object. */
export class Store {
  readonly batch: WriteBatch;
  readonly teams: DocTable<Team>;
  readonly users: DocTable<User>;
  readonly channels: DocTable<Channel>;
  readonly sessions: DocTable<Session & { user_id: string }>;
  readonly posts: DocTable<Post>;
  readonly incomingHooks: DocTable<IncomingWebhook>;
  readonly outgoingHooks: DocTable<OutgoingWebhook>;
  readonly commands: DocTable<Command>;
  readonly bots: DocTable<Bot & { id: string }>;
  readonly accessTokens: DocTable<UserAccessToken & { token: string }>;
  readonly exchanges: ExchangeLog;
  /** The full-text index of the exchanges, filled in the background. */
  readonly search: SearchIndex;
  private configCache: unknown;

  constructor(readonly db: Database.Database) {
    // A rolled-back write may have changed the config: read it again from the database.
    this.batch = new WriteBatch(db, () => (this.configCache = undefined));
    this.teams = new DocTable<Team>(db, 'teams', ['name']);
    this.users = new DocTable<User>(db, 'users', ['username', 'email']);
    this.channels = new DocTable<Channel>(db, 'channels', ['team_id', 'name', 'type', 'delete_at']);
    this.sessions = new DocTable<Session>(db, 'sessions', ['token', 'user_id', 'expires_at']);
    this.posts = new DocTable<Post>(db, 'posts', ['channel_id', 'root_id', 'create_at', 'delete_at']);
    this.incomingHooks = new DocTable<IncomingWebhook>(db, 'incoming_hooks', ['channel_id', 'team_id', 'delete_at']);
    this.outgoingHooks = new DocTable<OutgoingWebhook>(db, 'outgoing_hooks', ['team_id', 'channel_id', 'delete_at']);
    this.commands = new DocTable<Command>(db, 'commands', ['team_id', 'trigger', 'delete_at']);
    this.bots = new DocTable<Bot & { id: string }>(db, 'bots', ['owner_id']);
    this.accessTokens = new DocTable<UserAccessToken & { token: string }>(db, 'access_tokens', ['token', 'user_id']);
    this.exchanges = new ExchangeLog(db);
    this.search = new SearchIndex(db, (fn) => this.batch.run(fn));
  }

  /** The bytes the database's pages hold (freed pages, which SQLite reuses, not counted). */
  usedBytes(): number {
    const pragma = (name: string) => this.db.pragma(name, { simple: true }) as number;
    return (pragma('page_count') - pragma('freelist_count')) * pragma('page_size');
  }

  setPassword(userId: string, hash: string): void {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, userId);
  }

  passwordHash(userId: string): string | undefined {
    return this.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(userId) as string | undefined;
  }

  addTeamMember(teamId: string, userId: string, roles: string): void {
    this.db.prepare('INSERT OR REPLACE INTO team_members (team_id, user_id, roles) VALUES (?, ?, ?)').run(teamId, userId, roles);
  }

  addChannelMember(channelId: string, userId: string, roles: string): void {
    this.db.prepare('INSERT OR REPLACE INTO channel_members (channel_id, user_id, roles) VALUES (?, ?, ?)').run(channelId, userId, roles);
  }

  teamMemberRows(teamId: string): (MemberRow & { team_id: string })[] {
    return this.db
      .prepare('SELECT team_id, user_id, roles FROM team_members WHERE team_id = ? ORDER BY rowid')
      .all(teamId) as (MemberRow & {
      team_id: string;
    })[];
  }

  channelMemberRows(channelId: string): (MemberRow & { channel_id: string })[] {
    return this.db
      .prepare('SELECT channel_id, user_id, roles FROM channel_members WHERE channel_id = ? ORDER BY rowid')
      .all(channelId) as (MemberRow & { channel_id: string })[];
  }

  teamsOfUser(userId: string): Team[] {
    return this.teams.where('id IN (SELECT team_id FROM team_members WHERE user_id = ?) ORDER BY name', userId);
  }

  /** The channels a user belongs to in a team, with their direct and group messages (Mattermost lists both). */
  channelsOfUser(userId: string, teamId: string): Channel[] {
    return this.channels.where(
      "id IN (SELECT channel_id FROM channel_members WHERE user_id = ?) AND (team_id = ? OR team_id = '') ORDER BY name",
      userId,
      teamId,
    );
  }

  channelMember(channelId: string, userId: string): MemberRow | undefined {
    return this.db.prepare('SELECT user_id, roles FROM channel_members WHERE channel_id = ? AND user_id = ?').get(channelId, userId) as
      MemberRow | undefined;
  }

  /**
   * The config, parsed once and kept (frozen) until it changes, because every request reads it.
   * Callers that want to change it work on a copy and call setConfig.
   */
  getConfig<T>(): T {
    this.configCache ??= deepFreeze(JSON.parse(this.db.prepare('SELECT doc FROM config WHERE id = 1').pluck().get() as string));
    return this.configCache as T;
  }

  setConfig(config: unknown): void {
    this.db.prepare('INSERT OR REPLACE INTO config (id, doc) VALUES (1, ?)').run(JSON.stringify(config));
    this.configCache = undefined;
  }

  getMeta(key: string): string | undefined {
    return this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  /** One of Mockmost's own settings (which a reset keeps), as stored. */
  getSetting(key: string): string | undefined {
    return this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  }

  /** Stores a setting; undefined removes it (back to its default). */
  setSetting(key: string, value: string | undefined): void {
    if (value === undefined) this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    else this.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, value);
  }

  /** Empties the workspace (not the captured exchanges, their search index, or the settings) for a reset. */
  clearWorkspace(): void {
    this.configCache = undefined;
    for (const table of [
      'team_members',
      'channel_members',
      'sessions',
      'access_tokens',
      'posts',
      'incoming_hooks',
      'outgoing_hooks',
      'commands',
      'channels',
      'users',
      'teams',
      'config',
    ]) {
      this.db.exec(`DELETE FROM ${table}`);
    }
    // The search index's progress stays: the exchanges it describes outlive the reset.
    this.db.prepare('DELETE FROM meta WHERE key <> ?').run(SEARCH_PROGRESS_KEY);
  }

  close(): void {
    this.batch.flush();
    this.db.close();
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
