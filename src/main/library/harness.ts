import type { Channel, Post, User } from '../../shared/mattermost/model';
import type { Core } from '../core/core';
import { call } from './rest';

/** A channel as tests name it: its id, its name in the first team of the seed, or a team and a name. */
export type ChannelRef = string | { team: string; name: string };
/** A post, or its id. */
export type PostRef = string | Pick<Post, 'id'>;

const ID = /^[a-z0-9]{26}$/;

/** What the library's pieces share: the core, sessions per user, and name lookups. */
export class Harness {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly core: Core) {}

  get url(): string {
    return this.core.url;
  }

  /** A session token for the user, made once per reset through the control API (as the UI gets its sessions). */
  tokenOf(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      token = call<{ token: string }>(this.url, this.core.token, 'POST', '/_mockmost/api/sessions', { username }).then((r) => r.token);
      token.catch(() => this.tokens.delete(username));
      this.tokens.set(username, token);
    }
    return token;
  }

  /** Calls the REST API as the user. */
  async rest<T>(username: string, method: string, path: string, body?: unknown): Promise<T> {
    return call<T>(this.url, await this.tokenOf(username), method, `/api/v4${path}`, body);
  }

  forgetSessions(): void {
    this.tokens.clear();
  }

  /** The first team of the seed in effect: where a bare channel name is looked up. */
  defaultTeam(): string {
    const team = this.core.seed().seed.teams[0]?.name;
    if (!team) throw new Error('the workspace has no team');
    return team;
  }

  channel(ref: ChannelRef): Channel {
    const store = this.core.store;
    if (typeof ref === 'string' && ID.test(ref)) {
      const byId = store.channels.get(ref);
      if (byId) return byId;
    }
    const { team: teamName, name } = typeof ref === 'string' ? { team: this.defaultTeam(), name: ref.replace(/^[#~]/, '') } : ref;
    const team = store.teams.byName(teamName);
    const channel = team && store.channels.byName(team.id, name);
    if (!channel) throw new Error(`there is no channel "${name}" in team "${teamName}"`);
    return channel;
  }

  user(username: string): User {
    const user = this.core.store.users.byUsername(username.replace(/^@/, '').toLowerCase());
    if (!user) throw new Error(`there is no user "${username}"`);
    return user;
  }

  /** The workspace's system admin, whom set-up and channel reads act as: sysadmin, or the first admin a custom seed has. */
  adminName(): string {
    const store = this.core.store;
    const admin = store.users.byUsername('sysadmin') ?? store.users.active().find((u) => u.roles.split(' ').includes('system_admin'));
    if (!admin) throw new Error('the workspace has no system admin to act as');
    return admin.username;
  }

  usernameOf = (userId: string): string | undefined => this.core.store.users.get(userId)?.username;
}

export const postId = (ref: PostRef): string => (typeof ref === 'string' ? ref : ref.id);
