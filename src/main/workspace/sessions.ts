import { randomBytes } from 'node:crypto';
import type { Session, User } from '../../shared/mattermost/model';
import type { Core } from '../core/core';
import { newId } from '../base/new-id';

/** Who a request acts as: the session its token stands for, and that session's user. */
export interface Caller {
  session: Session;
  user: User;
}

const HOUR_MS = 3600 * 1000;
/** The device id of the sessions Mockmost's own UI acts through. */
const UI_DEVICE = 'mockmost-ui';

/** Stores a new web session for the user, as a login does (inside the caller's batch). */
export function startSession(core: Core, user: User, deviceId: string): Session {
  const now = Date.now();
  const hours = Number(core.config().ServiceSettings?.SessionLengthWebInHours ?? 720);
  const session: Session = {
    id: newId(),
    token: newId(),
    create_at: now,
    expires_at: now + hours * HOUR_MS,
    last_activity_at: now,
    user_id: user.id,
    device_id: deviceId,
    roles: user.roles,
    is_oauth: false,
    props: { csrf: randomBytes(13).toString('hex').slice(0, 26), platform: 'Mockmost', os: '', browser: '' },
  };
  return core.store.sessions.put(session);
}

/**
 * The session Mockmost's UI uses to act as a user (clicks, messages): a real session, so that
 * everything downstream (plugin URLs, permissions) sees what it would see from the web app.
 */
export function uiSession(core: Core, user: User): Session {
  const existing = core.store.sessions.ofDevice(user.id, UI_DEVICE);
  if (existing && existing.expires_at > Date.now()) return existing;
  return core.store.batch.run(() => startSession(core, user, UI_DEVICE));
}
