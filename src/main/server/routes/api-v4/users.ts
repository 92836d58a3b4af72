import { randomBytes } from 'node:crypto';
import type { Session } from '../../../../shared/mattermost/model';
import { newId } from '../../../core/new-id';
import { verifyPassword } from '../../../core/password';
import { AppError } from '../../app-error';
import { requireSession } from '../../auth';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { optionalString, readApiJson } from '../../read-api-json';

const HOUR_MS = 3600 * 1000;

const invalidCredentials = () =>
  new AppError(401, 'api.user.login.invalid_credentials_email_username', 'Enter a valid email or username and/or password.');

export const login: RouteDef = {
  method: 'POST',
  path: '/api/v4/users/login',
  async handle(ctx) {
    const body = await readApiJson(ctx, 'login_id');
    const loginId = optionalString(body.login_id);
    const password = optionalString(body.password);
    if (password === '') throw new AppError(400, 'api.user.login.blank_pwd.app_error', 'Password field must not be blank');
    const store = ctx.core.store;
    const user = store.users.first('username = ? OR email = ?', loginId.toLowerCase(), loginId.toLowerCase());
    if (!user || user.delete_at !== 0) throw invalidCredentials();
    if (user.is_bot) throw new AppError(401, 'api.user.login.bot_login_forbidden.app_error', 'Bot login is forbidden.');
    if (!(await verifyPassword(password, store.passwordHash(user.id) ?? ''))) throw invalidCredentials();

    const now = Date.now();
    const hours = Number(ctx.core.config().ServiceSettings?.SessionLengthWebInHours ?? 720);
    const session: Session = {
      id: newId(),
      token: newId(),
      create_at: now,
      expires_at: now + hours * HOUR_MS,
      last_activity_at: now,
      user_id: user.id,
      device_id: optionalString(body.device_id),
      roles: user.roles,
      is_oauth: false,
      props: { csrf: randomBytes(13).toString('hex').slice(0, 26), platform: 'Mockmost', os: '', browser: '' },
    };
    store.batch.run(() => store.sessions.put(session));
    const headers: Record<string, string | string[]> = { Token: session.token };
    // Mattermost sets its cookies only for the web app, which sends this header (server.md §9.1).
    if (ctx.req.headers['x-requested-with'] === 'XMLHttpRequest') {
      const maxAge = `Max-Age=${hours * 3600}`;
      headers['Set-Cookie'] = [
        `MMAUTHTOKEN=${session.token}; Path=/; ${maxAge}; HttpOnly; SameSite=Lax`,
        `MMUSERID=${user.id}; Path=/; ${maxAge}; SameSite=Lax`,
        `MMCSRF=${session.props.csrf}; Path=/; ${maxAge}; SameSite=Lax`,
      ];
    }
    return json(200, user, headers);
  },
};

export const logout: RouteDef = {
  method: 'POST',
  path: '/api/v4/users/logout',
  handle(ctx) {
    const { session } = requireSession(ctx);
    const store = ctx.core.store;
    store.batch.run(() => store.sessions.delete(session.id));
    return json(200, { status: 'OK' });
  },
};

export const getMe: RouteDef = {
  method: 'GET',
  path: '/api/v4/users/me',
  handle: (ctx) => json(200, requireSession(ctx).user),
};
