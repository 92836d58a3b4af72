import type { Channel, Command, IncomingWebhook, OutgoingWebhook, User } from '../../shared/mattermost/model';
import type { MattermostConfig } from '../workspace/config-defaults';
import type { Harness } from './harness';

/**
 * Setting up what the integration under test needs, as a system admin through Mattermost's own
 * REST API (so the traffic view shows it like any client's): hooks and commands pointing at the
 * integration, users, bots, channels, config.
 */
export class Setup {
  constructor(private readonly harness: Harness) {}

  /** Calls the REST API as the workspace's system admin, through the harness's cached session. */
  private admin<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.harness.rest<T>(this.harness.adminName(), method, path, body);
  }

  private teamId(team: string | undefined): string {
    const name = team ?? this.harness.defaultTeam();
    const found = this.harness.core.store.teams.byName(name);
    if (!found) throw new Error(`there is no team "${name}"`);
    return found.id;
  }

  /** An incoming webhook on a channel; `url` is where the integration posts. */
  async incomingHook(options: {
    channel: string | { team: string; name: string };
    displayName?: string;
    username?: string;
    iconUrl?: string;
    channelLocked?: boolean;
  }): Promise<IncomingWebhook & { url: string }> {
    const hook = await this.admin<IncomingWebhook>('POST', '/hooks/incoming', {
      channel_id: this.harness.channel(options.channel).id,
      display_name: options.displayName ?? '',
      username: options.username ?? '',
      icon_url: options.iconUrl ?? '',
      channel_locked: options.channelLocked ?? false,
    });
    return { ...hook, url: `${this.harness.url}/hooks/${hook.id}` };
  }

  /** An outgoing webhook calling the integration for trigger words (in one public channel, or the whole team). */
  outgoingHook(options: {
    callbackUrls: string[];
    triggerWords?: string[];
    channel?: string | { team: string; name: string };
    team?: string;
    triggerWhen?: 0 | 1;
    contentType?: 'application/json' | 'application/x-www-form-urlencoded';
    displayName?: string;
  }): Promise<OutgoingWebhook> {
    const channel = options.channel === undefined ? undefined : this.harness.channel(options.channel);
    return this.admin<OutgoingWebhook>('POST', '/hooks/outgoing', {
      team_id: channel?.team_id ?? this.teamId(options.team),
      channel_id: channel?.id ?? '',
      callback_urls: options.callbackUrls,
      trigger_words: options.triggerWords ?? [],
      trigger_when: options.triggerWhen ?? 0,
      content_type: options.contentType ?? 'application/x-www-form-urlencoded',
      display_name: options.displayName ?? '',
    });
  }

  /** A slash command whose requests go to the integration's `url`. */
  command(options: {
    trigger: string;
    url: string;
    method?: 'P' | 'G';
    team?: string;
    displayName?: string;
    autoComplete?: boolean;
    autoCompleteHint?: string;
    autoCompleteDesc?: string;
  }): Promise<Command> {
    return this.admin<Command>('POST', '/commands', {
      team_id: this.teamId(options.team),
      trigger: options.trigger.replace(/^\//, ''),
      url: options.url,
      method: options.method ?? 'P',
      display_name: options.displayName ?? '',
      auto_complete: options.autoComplete ?? false,
      auto_complete_hint: options.autoCompleteHint ?? '',
      auto_complete_desc: options.autoCompleteDesc ?? '',
    });
  }

  /** A person, in the first team (or those named) and the channels named. */
  async user(options: {
    username: string;
    password?: string;
    email?: string;
    teams?: string[];
    channels?: (string | { team: string; name: string })[];
  }): Promise<User> {
    const user = await this.admin<User>('POST', '/users', {
      username: options.username,
      password: options.password ?? 'Mockmost-passw0rd!',
      email: options.email ?? `${options.username}@example.com`,
    });
    await this.join(user.id, options.teams, options.channels);
    return user;
  }

  /** A bot account and an access token for it (turning on bot accounts and tokens, as a test server may). */
  async bot(options: { username: string; displayName?: string; teams?: string[]; channels?: (string | { team: string; name: string })[] }) {
    await this.config({ ServiceSettings: { EnableBotAccountCreation: true, EnableUserAccessTokens: true } });
    const bot = await this.admin<{ user_id: string; username: string }>('POST', '/bots', {
      username: options.username,
      display_name: options.displayName ?? '',
    });
    await this.join(bot.user_id, options.teams, options.channels);
    const token = await this.admin<{ token: string }>('POST', `/users/${bot.user_id}/tokens`, { description: 'mockmost test' });
    return { userId: bot.user_id, username: bot.username, token: token.token };
  }

  /** A channel in the first team (or `team`), with members by username. */
  async channel(options: { name: string; displayName?: string; type?: 'O' | 'P'; team?: string; members?: string[] }): Promise<Channel> {
    const channel = await this.admin<Channel>('POST', '/channels', {
      team_id: this.teamId(options.team),
      name: options.name,
      display_name: options.displayName ?? options.name,
      type: options.type ?? 'O',
    });
    for (const member of options.members ?? []) {
      await this.admin('POST', `/channels/${channel.id}/members`, { user_id: this.harness.user(member).id });
    }
    return channel;
  }

  /** Changes settings as `PUT /api/v4/config/patch` does; answers the whole config. */
  config(patch: MattermostConfig): Promise<MattermostConfig> {
    return this.admin<MattermostConfig>('PUT', '/config/patch', patch);
  }

  private async join(userId: string, teams: string[] | undefined, channels: (string | { team: string; name: string })[] = []) {
    for (const team of teams ?? [this.harness.defaultTeam()]) {
      const teamId = this.teamId(team);
      await this.admin('POST', `/teams/${teamId}/members`, { team_id: teamId, user_id: userId });
    }
    for (const channel of channels) await this.admin('POST', `/channels/${this.harness.channel(channel).id}/members`, { user_id: userId });
  }
}
