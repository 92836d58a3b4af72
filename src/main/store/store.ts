import type Database from 'better-sqlite3';
import { deepFreeze } from '../base/deep-freeze';
import type { MemberRow } from '../../shared/mattermost/model';
import { CollectionTable } from './collection-table';
import { CommandWebhookTable } from './command-webhooks';
import { dirname, join } from 'node:path';
import { ExchangeLog } from './exchange-log';
import { ExchangePacker, PACKING_PROGRESS_KEY } from './exchange-packer';
import { FileBlobs } from './file-blobs';
import { EmojiTable } from './emoji-table';
import { FileInfoTable } from './file-info-table';
import { StorageHealth } from './storage-health';
import { IdleWork } from './idle-work';
import { CommandTable, IncomingHookTable, OutgoingHookTable } from './integration-tables';
import { PostTable } from './post-table';
import { ReactionTable } from './reaction-table';
import { StatusTable } from './status-table';
import { startRetention, type KeepRule } from './retention';
import { SEARCH_PROGRESS_KEY, SearchIndex } from './search-index';
import { StatementCache } from './statement-cache';
import { WalCheckpointer } from './wal-checkpointer';
import { WriteBatch } from './write-batch';
import { AccessTokenTable, BotTable, ChannelTable, SessionTable, TeamTable, UserTable } from './workspace-tables';

/**
 * The data dir's database, with one repository per kind of object. It is sealed: the connection
 * is private and every query is a named method here or in a repository, so no SQL is written
 * outside src/main/store.
 */
export class Store {
  readonly batch: WriteBatch;
  readonly teams: TeamTable;
  readonly users: UserTable;
  readonly channels: ChannelTable;
  readonly sessions: SessionTable;
  readonly posts: PostTable;
  readonly incomingHooks: IncomingHookTable;
  readonly outgoingHooks: OutgoingHookTable;
  readonly commands: CommandTable;
  readonly bots: BotTable;
  readonly accessTokens: AccessTokenTable;
  readonly commandWebhooks: CommandWebhookTable;
  readonly collections: CollectionTable;
  readonly reactions: ReactionTable;
  readonly files: FileInfoTable;
  readonly statuses: StatusTable;
  readonly emoji: EmojiTable;
  /** Uploaded files' bytes, in the data dir's files/ folder. */
  readonly blobs: FileBlobs;
  readonly exchanges: ExchangeLog;
  /** The full-text index of the exchanges, filled in the background. */
  readonly search: SearchIndex;
  /** Compresses captured exchanges once they are indexed. */
  readonly packer: ExchangePacker;
  /** The background work (indexing, then packing captures), run while traffic pauses. */
  readonly idle: IdleWork;
  readonly health: StorageHealth;
  private configCache: unknown;
  /** Several of these queries run on every REST request (members, roles, the config). */
  private readonly statements: StatementCache;

  private readonly checkpointer: WalCheckpointer;

  constructor(
    private readonly db: Database.Database,
    log?: (line: string) => void,
  ) {
    this.statements = new StatementCache(db);
    this.checkpointer = new WalCheckpointer(db, log);
    this.batch = new WriteBatch(db, {
      // A rolled-back write may have changed the config or a cached document: read them again from the database.
      onRollback: () => this.forgetCached(),
      onCommit: () => this.checkpointer.committed(),
    });
    this.teams = new TeamTable(db);
    this.users = new UserTable(db);
    this.channels = new ChannelTable(db);
    this.sessions = new SessionTable(db);
    this.posts = new PostTable(db);
    this.incomingHooks = new IncomingHookTable(db);
    this.outgoingHooks = new OutgoingHookTable(db);
    this.commands = new CommandTable(db);
    this.bots = new BotTable(db);
    this.accessTokens = new AccessTokenTable(db);
    this.commandWebhooks = new CommandWebhookTable(db);
    this.collections = new CollectionTable(db);
    this.reactions = new ReactionTable(db);
    this.files = new FileInfoTable(db);
    this.statuses = new StatusTable(db);
    this.emoji = new EmojiTable(db);
    this.blobs = new FileBlobs(join(dirname(db.name), 'files'));
    this.exchanges = new ExchangeLog(db);
    this.search = new SearchIndex(db, (fn) => this.batch.run(fn));
    this.packer = new ExchangePacker(
      db,
      (fn) => this.batch.run(fn),
      () => this.search.indexedUpTo(),
    );
    this.idle = new IdleWork([() => this.search.step(), () => this.packer.step()], log);
    this.health = new StorageHealth(log);
  }

  private forgetCached(): void {
    this.configCache = undefined;
    for (const table of [this.teams, this.users, this.channels, this.incomingHooks]) table.forget();
  }

  /** Keeps the captured history within `rule` in the background; answers a function that stops it. */
  keepWithin(rule: KeepRule): () => void {
    return startRetention(this.db, this, rule);
  }

  /** The bytes the database's pages hold (freed pages, which SQLite reuses, not counted). */
  usedBytes(): number {
    const pragma = (name: string) => this.db.pragma(name, { simple: true }) as number;
    return (pragma('page_count') - pragma('freelist_count')) * pragma('page_size');
  }

  setPassword(userId: string, hash: string): void {
    this.statements.get('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, userId);
  }

  passwordHash(userId: string): string | undefined {
    return this.statements.get('SELECT password_hash FROM users WHERE id = ?').pluck().get(userId) as string | undefined;
  }

  addTeamMember(teamId: string, userId: string, roles: string): void {
    this.statements.get('INSERT OR REPLACE INTO team_members (team_id, user_id, roles) VALUES (?, ?, ?)').run(teamId, userId, roles);
  }

  addChannelMember(channelId: string, userId: string, roles: string): void {
    this.statements
      .get('INSERT OR REPLACE INTO channel_members (channel_id, user_id, roles) VALUES (?, ?, ?)')
      .run(channelId, userId, roles);
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
      .prepare('SELECT channel_id, user_id, roles, last_viewed_at FROM channel_members WHERE channel_id = ? ORDER BY rowid')
      .all(channelId) as (MemberRow & { channel_id: string })[];
  }

  /** The user's roles in the team, or undefined when not a member. */
  teamRoles(teamId: string, userId: string): string | undefined {
    return this.statements.get('SELECT roles FROM team_members WHERE team_id = ? AND user_id = ?').pluck().get(teamId, userId) as
      string | undefined;
  }

  removeChannelMember(channelId: string, userId: string): void {
    this.statements.get('DELETE FROM channel_members WHERE channel_id = ? AND user_id = ?').run(channelId, userId);
  }

  /** Marks the channel viewed by its member now (no-op for a non-member). */
  viewChannel(channelId: string, userId: string, at: number): void {
    this.statements.get('UPDATE channel_members SET last_viewed_at = ? WHERE channel_id = ? AND user_id = ?').run(at, channelId, userId);
  }

  channelMember(channelId: string, userId: string): MemberRow | undefined {
    return this.db
      .prepare('SELECT user_id, roles, last_viewed_at FROM channel_members WHERE channel_id = ? AND user_id = ?')
      .get(channelId, userId) as MemberRow | undefined;
  }

  /**
   * The config, parsed once and kept (frozen) until it changes, because every request reads it.
   * Callers that want to change it work on a copy and call setConfig.
   */
  getConfig<T>(): T {
    this.configCache ??= deepFreeze(JSON.parse(this.statements.get('SELECT doc FROM config WHERE id = 1').pluck().get() as string));
    return this.configCache as T;
  }

  setConfig(config: unknown): void {
    this.statements.get('INSERT OR REPLACE INTO config (id, doc) VALUES (1, ?)').run(JSON.stringify(config));
    this.configCache = undefined;
  }

  getMeta(key: string): string | undefined {
    return this.statements.get('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  }

  setMeta(key: string, value: string): void {
    this.statements.get('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  /** One of Mockmost's own settings (which a reset keeps), as stored. */
  getSetting(key: string): string | undefined {
    return this.statements.get('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  }

  /** Stores a setting; undefined removes it (back to its default). */
  setSetting(key: string, value: string | undefined): void {
    if (value === undefined) this.statements.get('DELETE FROM settings WHERE key = ?').run(key);
    else this.statements.get('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, value);
  }

  /** Empties the workspace (not the captured exchanges, their search index, or the settings) for a reset. */
  clearWorkspace(): void {
    this.forgetCached();
    for (const table of [
      'team_members',
      'channel_members',
      'sessions',
      'access_tokens',
      'reactions',
      'file_infos',
      'statuses',
      'custom_emoji',
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
    // The search index's and the packer's progress stay: the exchanges they describe outlive the reset.
    this.statements.get('DELETE FROM meta WHERE key NOT IN (?, ?)').run(SEARCH_PROGRESS_KEY, PACKING_PROGRESS_KEY);
    // The files' bytes go once the reset is committed; an upload that lands meanwhile keeps its own.
    this.batch.afterCommit(() => void this.blobs.sweep((hash) => this.blobInUse(hash)).catch(() => undefined));
  }

  /** Whether a file or a custom emoji still needs the blob. */
  blobInUse(hash: string): boolean {
    return this.files.usesBlob(hash) || this.emoji.usesBlob(hash);
  }

  close(): void {
    this.batch.flush();
    this.checkpointer.stop();
    this.db.close();
  }
}
