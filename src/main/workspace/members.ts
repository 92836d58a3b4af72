import type { ChannelMember, MemberRow, TeamMember } from '../../shared/mattermost/model';

// Members as the API answers them. Mattermost splits scheme roles (team_user, channel_admin …)
// into flags and keeps the rest as explicit_roles.

const SCHEME = { team: ['team_guest', 'team_user', 'team_admin'], channel: ['channel_guest', 'channel_user', 'channel_admin'] };

function schemeFlags(roles: string, kind: 'team' | 'channel') {
  const list = roles.split(' ').filter(Boolean);
  const [guest, user, admin] = SCHEME[kind];
  return {
    scheme_guest: list.includes(guest!),
    scheme_user: list.includes(user!),
    scheme_admin: list.includes(admin!),
    explicit_roles: list.filter((r) => !SCHEME[kind].includes(r)).join(' '),
  };
}

export function teamMemberJson(row: MemberRow & { team_id: string }): TeamMember {
  return { team_id: row.team_id, user_id: row.user_id, roles: row.roles, delete_at: 0, ...schemeFlags(row.roles, 'team') };
}

export function channelMemberJson(row: MemberRow & { channel_id: string }): ChannelMember {
  return {
    channel_id: row.channel_id,
    user_id: row.user_id,
    roles: row.roles,
    last_viewed_at: row.last_viewed_at ?? 0,
    msg_count: 0,
    mention_count: 0,
    notify_props: { desktop: 'default', email: 'default', mark_unread: 'all', push: 'default', ignore_channel_mentions: 'default' },
    last_update_at: row.last_viewed_at ?? 0,
    ...schemeFlags(row.roles, 'channel'),
  };
}
