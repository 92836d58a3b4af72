import { isValidId } from '../../shared/mattermost/ids';
import type { Core } from '../core/core';
import type { Status } from '../store/status-table';
import { invalidParam } from './app-error';
import { canPostInChannel } from './permissions';

const STATUSES = new Set<Status['status']>(['online', 'away', 'dnd', 'offline']);

function save(core: Core, status: Status): Status {
  const store = core.store;
  store.batch.run(() => store.statuses.put(status));
  store.batch.afterCommit(() => core.events.emit({ type: 'status_change', status }));
  return status;
}

/**
 * PUT /users/{id}/status once the route has checked who may set it: a status the user chose,
 * kept until they choose another (server/channels/api4/status.go: updateUserStatus; app/status.go).
 */
export function setManualStatus(core: Core, userId: string, body: Record<string, unknown>): Status {
  const status = body.status;
  if (typeof status !== 'string' || !STATUSES.has(status as Status['status'])) throw invalidParam('status');
  const now = Date.now();
  const dndEnd = status === 'dnd' && typeof body.dnd_end_time === 'number' && body.dnd_end_time > 0 ? body.dnd_end_time : 0;
  // Going online by hand clears the manual flag (SetStatusOnline with manual=true keeps it; offline and dnd are manual).
  return save(core, {
    user_id: userId,
    status: status as Status['status'],
    manual: status !== 'online',
    last_activity_at: now,
    dnd_end_time: dndEnd,
  });
}

/**
 * A WebSocket opened or the last one closed: online or offline, unless the user set a status by
 * hand (SetStatusOnline/SetStatusOffline with manual=false leave a manual status alone).
 */
export function setAutomaticStatus(core: Core, userId: string, status: 'online' | 'offline'): void {
  const current = core.store.statuses.get(userId);
  if (current.manual || current.status === status) return;
  save(core, { ...current, status, last_activity_at: Date.now() });
}

/** The `user_typing` WebSocket action: a `typing` event for the channel, if the typist may post there. */
export function userTyping(core: Core, userId: string, data: Record<string, unknown>) {
  const channelId = data.channel_id;
  const invalidChannel = {
    id: 'api.websocket_handler.invalid_param.app_error',
    message: 'Invalid channel_id parameter.',
    detailed_error: '',
    status_code: 400,
  };
  if (typeof channelId !== 'string' || !isValidId(channelId)) return invalidChannel;
  const store = core.store;
  const channel = store.channels.get(channelId);
  const user = store.users.get(userId);
  if (!channel || !user || !canPostInChannel(store, user, channel)) return invalidChannel;
  const parentId = typeof data.parent_id === 'string' ? data.parent_id : '';
  core.events.emit({ type: 'typing', channel, userId, parentId });
  return undefined;
}
