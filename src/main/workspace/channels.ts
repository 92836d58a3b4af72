import { softDeleted } from './soft-delete';
import type { Channel } from '../../shared/mattermost/model';
import { newId } from '../base/new-id';
import { AppError } from './app-error';
import type { Store } from '../store/store';

const CHANNEL_NAME = /^[a-z0-9]+([a-z\-_0-9]+|(__)?)[a-z0-9]+$/;

function blankChannel(teamId: string, type: Channel['type'], name: string, displayName: string, creatorId: string): Channel {
  const now = Date.now();
  return {
    id: newId(),
    create_at: now,
    update_at: now,
    delete_at: 0,
    team_id: teamId,
    type,
    display_name: displayName,
    name,
    header: '',
    purpose: '',
    last_post_at: now,
    last_root_post_at: now,
    creator_id: creatorId,
    scheme_id: '',
    group_constrained: false,
  };
}

/** The direct-message channel of two users, created on first use as Mattermost does. */
export function directChannel(store: Store, userA: string, userB: string): Channel {
  const name = [userA, userB].sort().join('__');
  const existing = store.channels.byName('', name);
  if (existing) return existing;
  const channel = store.channels.put(blankChannel('', 'D', name, '', userA));
  store.addChannelMember(channel.id, userA, 'channel_user');
  if (userB !== userA) store.addChannelMember(channel.id, userB, 'channel_user');
  return channel;
}

export interface NewChannel {
  team_id: string;
  name: string;
  display_name: string;
  type: 'O' | 'P';
  purpose?: string;
  header?: string;
}

/** A public or private channel with its creator as admin member; Mattermost's name rules and limits. */
export function createChannel(store: Store, input: NewChannel, creatorId: string): Channel {
  if (
    input.name.length < 1 ||
    input.name.length > 64 ||
    (input.name.length > 1 && !CHANNEL_NAME.test(input.name)) ||
    !/^[a-z0-9]/.test(input.name)
  ) {
    throw new AppError(
      400,
      'model.channel.is_valid.name.app_error',
      'Invalid channel name. User ids are not permitted in channel name for non-direct message channels.',
    );
  }
  if (input.display_name.length < 1 || input.display_name.length > 64) {
    throw new AppError(400, 'model.channel.is_valid.display_name.app_error', 'Invalid display name.');
  }
  if ((input.purpose ?? '').length > 250) throw new AppError(400, 'model.channel.is_valid.purpose.app_error', 'Invalid purpose.');
  if ((input.header ?? '').length > 1024) throw new AppError(400, 'model.channel.is_valid.header.app_error', 'Invalid header.');
  if (store.channels.byName(input.team_id, input.name)) {
    throw new AppError(400, 'store.sql_channel.save_channel.exists.app_error', 'A channel with that name already exists on the same team.');
  }
  const channel = blankChannel(input.team_id, input.type, input.name, input.display_name, creatorId);
  channel.purpose = input.purpose ?? '';
  channel.header = input.header ?? '';
  store.channels.put(channel);
  store.addChannelMember(channel.id, creatorId, 'channel_user channel_admin');
  return channel;
}

/** Archiving deletes the channel's incoming and outgoing webhooks (server/channels/app/channel.go: DeleteChannel). */
export function archiveChannel(store: Store, channel: Channel): Channel {
  const now = Date.now();
  store.incomingHooks.deleteInChannel(channel.id, now);
  store.outgoingHooks.deleteInChannel(channel.id, now);
  return store.channels.put(softDeleted(channel, now));
}
