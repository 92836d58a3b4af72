import type { User } from '../../shared/mattermost/model';
import { newId } from '../base/new-id';
import { AppError } from './app-error';
import type { Store } from '../store/store';

const USERNAME = /^[a-z0-9.\-_]+$/;
const RESERVED_USERNAMES = new Set(['all', 'channel', 'matterbot', 'system']);

/** Mattermost's IsValidUsername: 3–64 of a-z 0-9 . - _, starting with a letter, not reserved. */
export function isValidUsername(name: string): boolean {
  return name.length >= 3 && name.length <= 64 && USERNAME.test(name) && /^[a-z]/.test(name) && !RESERVED_USERNAMES.has(name);
}

export interface NewUser {
  username: string;
  email?: string;
  /** The password's hash (core/password.ts), made before the write: hashing takes a while. */
  passwordHash?: string;
  roles?: string;
  first_name?: string;
  last_name?: string;
  nickname?: string;
  is_bot?: boolean;
  bot_description?: string;
}

/** Creates a user with every field Mattermost's user JSON has; checks the name and uniqueness. */
export function createUser(store: Store, input: NewUser): User {
  if (!isValidUsername(input.username)) {
    throw new AppError(
      400,
      'model.user.is_valid.username.app_error',
      'Username must begin with a letter and contain between 3 and 64 characters made up of numbers, lowercase letters, and the symbols ".", "-", and "_".',
    );
  }
  if (store.users.byUsername(input.username)) {
    throw new AppError(400, 'app.user.save.username_exists.app_error', 'An account with that username already exists.');
  }
  const email = (input.email ?? `${input.username}@${input.is_bot ? 'localhost' : 'sample.mattermost.com'}`).toLowerCase();
  if (store.users.byEmail(email)) {
    throw new AppError(400, 'app.user.save.email_exists.app_error', 'An account with that email already exists.');
  }
  const now = Date.now();
  const user: User = {
    id: newId(),
    create_at: now,
    update_at: now,
    delete_at: 0,
    username: input.username,
    auth_data: '',
    auth_service: '',
    email,
    email_verified: true,
    nickname: input.nickname ?? '',
    first_name: input.first_name ?? '',
    last_name: input.last_name ?? '',
    position: '',
    roles: input.roles ?? 'system_user',
    notify_props: { channel: 'true', comments: 'never', desktop: 'mention', email: 'true', mention_keys: '', push: 'mention' },
    last_password_update: now,
    locale: 'en',
    timezone: { automaticTimezone: '', manualTimezone: '', useAutomaticTimezone: 'true' },
    disable_welcome_email: false,
  };
  if (input.is_bot) {
    user.is_bot = true;
    user.bot_description = input.bot_description ?? '';
  }
  store.users.put(user);
  if (input.passwordHash) store.setPassword(user.id, input.passwordHash);
  return user;
}
