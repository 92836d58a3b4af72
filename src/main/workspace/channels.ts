import type { Channel } from '../../shared/mattermost/model';
import { newId } from '../core/new-id';
import type { Store } from '../store/store';

/** The direct-message channel of two users, created on first use as Mattermost does. */
export function directChannel(store: Store, userA: string, userB: string): Channel {
  const name = [userA, userB].sort().join('__');
  const existing = store.channels.first("team_id = '' AND name = ?", name);
  if (existing) return existing;
  const now = Date.now();
  const channel: Channel = {
    id: newId(),
    create_at: now,
    update_at: now,
    delete_at: 0,
    team_id: '',
    type: 'D',
    display_name: '',
    name,
    header: '',
    purpose: '',
    last_post_at: now,
    last_root_post_at: now,
    creator_id: userA,
    scheme_id: '',
    group_constrained: false,
  };
  store.channels.put(channel);
  store.addChannelMember(channel.id, userA, 'channel_user');
  if (userB !== userA) store.addChannelMember(channel.id, userB, 'channel_user');
  return channel;
}
