import { hashPassword } from '../../../workspace/password';
import { diagnose } from '../../../diagnostics/catalog';
import type { User } from '../../../../shared/mattermost/model';
import { startSession } from '../../../workspace/sessions';
import { verifyPassword } from '../../../workspace/password';
import { requireTeam, requireUser } from '../../../workspace/lookups';
import { isSystemAdmin, isTeamMember } from '../../../workspace/permissions';
import { createUser } from '../../../workspace/users';
import { AppError, invalidBodyParam, noPermission } from '../../../workspace/app-error';
import { requireSession } from '../../auth';
import type { Caller } from '../../../workspace/sessions';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { optionalString, readApiJson, readApiJsonValue } from '../../read-api-json';

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
    const user = store.users.byLoginId(loginId.toLowerCase());
    if (!user || user.delete_at !== 0) throw invalidCredentials();
    if (user.is_bot) throw new AppError(401, 'api.user.login.bot_login_forbidden.app_error', 'Bot login is forbidden.');
    if (!(await verifyPassword(password, store.passwordHash(user.id) ?? ''))) throw invalidCredentials();

    const hours = Number(ctx.core.config().ServiceSettings?.SessionLengthWebInHours ?? 720);
    const session = store.batch.run(() => startSession(ctx.core, user, optionalString(body.device_id)));
    const headers: Record<string, string | string[]> = { Token: session.token };
    // Mattermost sets its cookies only for the web app, which sends this header (server/channels/api4/user.go: login).
    if (ctx.req.headers['x-requested-with'] !== 'XMLHttpRequest') ctx.capture.diagnosis.push(diagnose.loginWithoutCookies());
    else {
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

/** `me` in a user route stands for the caller, as in Mattermost. */
function routeUser(ctx: RequestContext, caller: Caller): User {
  const id = ctx.params.userId!;
  return id === 'me' ? caller.user : requireUser(ctx.core.store, id);
}

export const getUser: RouteDef = {
  method: 'GET',
  path: '/api/v4/users/:userId',
  handle(ctx) {
    const caller = requireSession(ctx);
    return json(200, routeUser(ctx, caller));
  },
};

export const getUserByUsername: RouteDef = {
  method: 'GET',
  path: '/api/v4/users/username/:username~',
  handle(ctx) {
    requireSession(ctx);
    const user = ctx.core.store.users.byUsername(ctx.params.username!.toLowerCase());
    if (!user)
      throw new AppError(
        404,
        'app.user.get_by_username.app_error',
        'Unable to find an existing account matching your username for this team. This team may require an invite from the team owner to join.',
      );
    return json(200, user);
  },
};

export const getUsersByIds: RouteDef = {
  method: 'POST',
  path: '/api/v4/users/ids',
  async handle(ctx) {
    requireSession(ctx);
    const ids = await readApiJsonValue(ctx, 'user_ids');
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) throw invalidBodyParam('user_ids');
    const store = ctx.core.store;
    return json(
      200,
      (ids as string[]).map((id) => store.users.get(id)).filter((u): u is User => u !== undefined),
    );
  },
};

export const createUserRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/users',
  async handle(ctx) {
    const body = await readApiJson(ctx, 'user');
    let caller: Caller | undefined;
    try {
      caller = requireSession(ctx);
    } catch {
      caller = undefined;
    }
    const open = ctx.core.config().TeamSettings?.EnableOpenServer === true;
    if (!open && !(caller && isSystemAdmin(caller.user))) {
      throw new AppError(
        403,
        'api.user.create_user.no_open_server',
        'This server does not allow open signups.  Please speak with your Administrator to receive an invitation.',
      );
    }
    const password = optionalString(body.password);
    if (password.length < 8)
      throw new AppError(400, 'model.user.is_valid.pwd_length.app_error', 'Your password must contain at least 8 characters.');
    const store = ctx.core.store;
    const passwordHash = await hashPassword(password);
    const user = store.batch.run(() =>
      createUser(store, {
        username: optionalString(body.username).toLowerCase(),
        email: optionalString(body.email) || undefined,
        passwordHash,
        first_name: optionalString(body.first_name),
        last_name: optionalString(body.last_name),
        nickname: optionalString(body.nickname),
      }),
    );
    return json(201, user);
  },
};

export const getUserTeams: RouteDef = {
  method: 'GET',
  path: '/api/v4/users/:userId/teams',
  handle(ctx) {
    const caller = requireSession(ctx);
    const user = routeUser(ctx, caller);
    if (user.id !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
    return json(200, ctx.core.store.teams.ofUser(user.id));
  },
};

export const getUserChannelsInTeam: RouteDef = {
  method: 'GET',
  path: '/api/v4/users/:userId/teams/:teamId/channels',
  handle(ctx) {
    const caller = requireSession(ctx);
    const user = routeUser(ctx, caller);
    if (user.id !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
    const store = ctx.core.store;
    const team = requireTeam(store, ctx.params.teamId!);
    if (!isTeamMember(store, team.id, user.id) && !isSystemAdmin(caller.user)) throw noPermission();
    return json(200, store.channels.ofUser(user.id, team.id));
  },
};
