import type { SeedSummary } from '../../shared/contract/control-api';
import type { Channel, Command, IncomingWebhook, OutgoingWebhook, Team } from '../../shared/mattermost/model';
import type { Store } from '../store/store';
import { createUser } from './users';
import { freshConfig, type MattermostConfig } from './config-defaults';
import { deepMerge } from '../base/deep-merge';
import { newId } from '../base/new-id';
import { hashPassword } from './password';
import type { SeedFile } from './seed-schema';

const isAdmin = (roles: string) => roles.split(' ').includes('system_admin');

/**
 * Fills an empty workspace from a seed. Runs as one transaction, so a reset is all or nothing.
 * Answers the new ids by name, which is what scripts need to address the objects.
 */
/** The seed's password hashes by username, made in parallel off the main thread before the seeding write. */
export async function hashSeedPasswords(seed: SeedFile): Promise<Map<string, string>> {
  return new Map(await Promise.all(seed.users.map(async (u) => [u.username, await hashPassword(u.password)] as const)));
}

export function seedWorkspace(store: Store, seed: SeedFile, siteUrl: string, passwordHashes: Map<string, string>): SeedSummary {
  const now = Date.now();
  const summary: SeedSummary = { teams: {}, channels: {}, users: {}, hooks: {}, commands: {} };
  const base = { create_at: now, update_at: now, delete_at: 0 };
  store.setConfig(deepMerge(freshConfig(siteUrl), seed.config ?? {}) as MattermostConfig);

  const teamIds = new Map<string, string>();
  for (const t of seed.teams) {
    const team: Team = {
      ...base,
      id: newId(),
      display_name: t.display_name,
      name: t.name,
      description: '',
      email: '',
      type: t.type ?? 'O',
      company_name: '',
      allowed_domains: '',
      invite_id: newId(),
      allow_open_invite: (t.type ?? 'O') === 'O',
      scheme_id: '',
      group_constrained: false,
      policy_id: null,
    };
    store.teams.put(team);
    teamIds.set(t.name, team.id);
    summary.teams[t.name] = team.id;
    summary.channels[t.name] = {};
  }

  const userIds = new Map<string, { id: string; roles: string }>();
  for (const u of seed.users) {
    const roles = u.roles ?? 'system_user';
    const user = createUser(store, { username: u.username, email: u.email, passwordHash: passwordHashes.get(u.username), roles });
    userIds.set(u.username, { id: user.id, roles });
    summary.users[u.username] = user.id;
    for (const teamName of u.teams ?? []) {
      store.addTeamMember(teamIds.get(teamName)!, user.id, isAdmin(roles) ? 'team_user team_admin' : 'team_user');
    }
  }

  for (const c of seed.channels) {
    const members = (c.members ?? []).map((name) => userIds.get(name)!);
    const channel: Channel = {
      ...base,
      id: newId(),
      team_id: teamIds.get(c.team)!,
      type: c.type ?? 'O',
      display_name: c.display_name,
      name: c.name,
      header: '',
      purpose: '',
      last_post_at: now,
      last_root_post_at: now,
      creator_id: members.find((m) => isAdmin(m.roles))?.id ?? '',
      scheme_id: '',
      group_constrained: false,
    };
    store.channels.put(channel);
    for (const member of members) {
      store.addChannelMember(channel.id, member.id, isAdmin(member.roles) ? 'channel_user channel_admin' : 'channel_user');
    }
    summary.channels[c.team]![c.name] = channel.id;
  }

  for (const h of seed.incoming_hooks ?? []) {
    const hook: IncomingWebhook = {
      ...base,
      id: h.id ?? newId(),
      user_id: userIds.get(h.creator)!.id,
      channel_id: summary.channels[h.team]![h.channel]!,
      team_id: teamIds.get(h.team)!,
      display_name: h.display_name ?? '',
      description: h.description ?? '',
      username: h.username ?? '',
      icon_url: h.icon_url ?? '',
      channel_locked: h.channel_locked ?? false,
    };
    store.incomingHooks.put(hook);
    summary.hooks[h.key] = hook.id;
  }
  for (const h of seed.outgoing_hooks ?? []) {
    const hook: OutgoingWebhook = {
      ...base,
      id: h.id ?? newId(),
      token: h.token ?? newId(),
      creator_id: userIds.get(h.creator)!.id,
      channel_id: h.channel === undefined ? '' : summary.channels[h.team]![h.channel]!,
      team_id: teamIds.get(h.team)!,
      trigger_words: h.trigger_words ?? [],
      trigger_when: h.trigger_when ?? 0,
      callback_urls: h.callback_urls,
      display_name: h.display_name ?? '',
      description: h.description ?? '',
      content_type: h.content_type ?? '',
      username: h.username ?? '',
      icon_url: h.icon_url ?? '',
    };
    store.outgoingHooks.put(hook);
    summary.hooks[h.key] = hook.id;
  }

  for (const c of seed.commands ?? []) {
    const command: Command = {
      ...base,
      id: c.id ?? newId(),
      token: c.token ?? newId(),
      creator_id: userIds.get(c.creator)!.id,
      team_id: teamIds.get(c.team)!,
      trigger: c.trigger,
      method: c.method ?? 'P',
      url: c.url,
      username: c.username ?? '',
      icon_url: c.icon_url ?? '',
      auto_complete: c.auto_complete ?? false,
      auto_complete_desc: c.auto_complete_desc ?? '',
      auto_complete_hint: c.auto_complete_hint ?? '',
      display_name: c.display_name ?? '',
      description: c.description ?? '',
      plugin_id: '',
    };
    store.commands.put(command);
    summary.commands[c.key] = command.id;
  }
  store.setMeta('seed_summary', JSON.stringify(summary));
  return summary;
}
