import type Database from 'better-sqlite3';
import type { Bot, Channel, Session, Team, User, UserAccessToken } from '../../shared/mattermost/model';
import { DocTable } from './doc-table';

// The workspace's repositories: each query the domain asks of a table, named for what it answers.
// Lists come in insertion order (rowid) unless Mattermost orders them otherwise.

const ACTIVE = "json_extract(doc, '$.delete_at') = 0";

export class TeamTable extends DocTable<Team> {
  constructor(db: Database.Database) {
    super(db, 'teams', ['name'], { cached: true });
  }
  byName(name: string): Team | undefined {
    return this.first('name = ?', name);
  }
  /** Every team, archived ones too, by name (GET /teams filters by permission). */
  all(): Team[] {
    return this.where('1 = 1 ORDER BY name');
  }
  firstActiveByName(): Team | undefined {
    return this.first(`${ACTIVE} ORDER BY name`);
  }
  /** The teams the user is a member of, by name. */
  ofUser(userId: string): Team[] {
    return this.where('id IN (SELECT team_id FROM team_members WHERE user_id = ?) ORDER BY name', userId);
  }
}

export class UserTable extends DocTable<User> {
  constructor(db: Database.Database) {
    super(db, 'users', ['username', 'email'], { cached: true });
  }
  byUsername(username: string): User | undefined {
    return this.first('username = ?', username);
  }
  byEmail(email: string): User | undefined {
    return this.first('email = ?', email);
  }
  /** The user a login id names: a username or an email, as Mattermost's login accepts either. */
  byLoginId(loginId: string): User | undefined {
    return this.first('username = ? OR email = ?', loginId, loginId);
  }
  /** Every user, deactivated ones too, by username. */
  all(): User[] {
    return this.where('1 = 1 ORDER BY username');
  }
  /** Users not deactivated, by username, at most `limit`. */
  active(limit = -1): User[] {
    return this.where(`${ACTIVE} ORDER BY username LIMIT ?`, limit);
  }
}

export class ChannelTable extends DocTable<Channel> {
  constructor(db: Database.Database) {
    super(db, 'channels', ['team_id', 'name', 'type', 'delete_at'], { cached: true });
  }
  /** A team's channel by name, archived or not (direct and group channels: team ''). */
  byName(teamId: string, name: string): Channel | undefined {
    return this.first('team_id = ? AND name = ?', teamId, name);
  }
  activeByName(teamId: string, name: string): Channel | undefined {
    return this.first('team_id = ? AND name = ? AND delete_at = 0', teamId, name);
  }
  /** A public channel by name, archived or not. */
  openByName(teamId: string, name: string): Channel | undefined {
    return this.first("team_id = ? AND name = ? AND type = 'O'", teamId, name);
  }
  /** A team's channels that are not archived, by name. */
  activeInTeam(teamId: string): Channel[] {
    return this.where('team_id = ? AND delete_at = 0 ORDER BY name', teamId);
  }
  /** The channels a user belongs to in a team, with their direct and group messages (Mattermost lists both). */
  ofUser(userId: string, teamId: string): Channel[] {
    return this.where(
      "id IN (SELECT channel_id FROM channel_members WHERE user_id = ?) AND (team_id = ? OR team_id = '') ORDER BY name",
      userId,
      teamId,
    );
  }
  /** A team's public channels that are not archived. */
  openInTeam(teamId: string): Channel[] {
    return this.where("team_id = ? AND type = 'O' AND delete_at = 0", teamId);
  }
}

export class SessionTable extends DocTable<Session & { user_id: string }> {
  constructor(db: Database.Database) {
    super(db, 'sessions', ['token', 'user_id', 'expires_at']);
  }
  byToken(token: string): Session | undefined {
    return this.first('token = ?', token);
  }
  /** The user's session from one device (Mockmost's own UI keeps one per user). */
  ofDevice(userId: string, deviceId: string): Session | undefined {
    return this.first("user_id = ? AND json_extract(doc, '$.device_id') = ?", userId, deviceId);
  }
}

export class AccessTokenTable extends DocTable<UserAccessToken & { token: string }> {
  constructor(db: Database.Database) {
    super(db, 'access_tokens', ['token', 'user_id']);
  }
  byToken(token: string): (UserAccessToken & { token: string }) | undefined {
    return this.first('token = ?', token);
  }
  ofUser(userId: string): (UserAccessToken & { token: string })[] {
    return this.where('user_id = ? ORDER BY rowid', userId);
  }
}

export class BotTable extends DocTable<Bot & { id: string }> {
  constructor(db: Database.Database) {
    super(db, 'bots', ['owner_id']);
  }
  all(): (Bot & { id: string })[] {
    return this.where('1 = 1 ORDER BY rowid');
  }
  ownedBy(userId: string): (Bot & { id: string })[] {
    return this.where('owner_id = ? ORDER BY rowid', userId);
  }
}
