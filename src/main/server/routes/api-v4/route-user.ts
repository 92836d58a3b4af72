import { isValidId } from '../../../../shared/mattermost/ids';
import { invalidUrlParam } from '../../../workspace/app-error';
import type { RequestContext } from '../../http-types';

/** The `{user_id}` of a route: `me` stands for the caller; anything else must look like an id (c.RequireUserId). */
export function routeUserId(ctx: RequestContext, callerId: string): string {
  const id = ctx.params.userId!;
  if (id === 'me') return callerId;
  if (!isValidId(id)) throw invalidUrlParam('user_id');
  return id;
}
