import { isValidId } from '../../../../shared/mattermost/ids';
import { invalidParam, noPermission } from '../../../workspace/app-error';
import { isSystemAdmin } from '../../../workspace/permissions';
import { setManualStatus } from '../../../workspace/statuses';
import { requireSession } from '../../auth';
import { routeUserId } from './route-user';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJsonAsParam, readApiJsonValue } from '../../read-api-json';

/** Mattermost answers a status for any id, offline when it has none (server/channels/app/status.go: GetUserStatusesByIds). */
export const getUserStatusRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/users/:userId/status',
  handle(ctx) {
    const caller = requireSession(ctx);
    return json(200, ctx.core.store.statuses.get(routeUserId(ctx, caller.user.id)));
  },
};

export const getStatusesByIdsRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/users/status/ids',
  async handle(ctx) {
    requireSession(ctx);
    const ids = await readApiJsonValue(ctx, 'user_ids');
    if (!Array.isArray(ids) || ids.length === 0) throw invalidParam('user_ids');
    for (const id of ids) if (!isValidId(id)) throw invalidParam('user_ids');
    return json(
      200,
      [...new Set(ids as string[])].map((id) => ctx.core.store.statuses.get(id)),
    );
  },
};

/** PUT /users/{id}/status: the user or an admin (edit_other_users) sets it (api4/status.go: updateUserStatus). */
export const updateUserStatusRoute: RouteDef = {
  method: 'PUT',
  path: '/api/v4/users/:userId/status',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const userId = routeUserId(ctx, caller.user.id);
    const body = await readApiJsonAsParam(ctx, 'status');
    if (typeof body.status !== 'string' || body.status === '') throw invalidParam('status');
    if (body.user_id !== userId) throw invalidParam('user_id');
    if (userId !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
    return json(200, setManualStatus(ctx.core, userId, body));
  },
};
