import { defaultProfileImage } from '../../../workspace/default-avatar';
import { requireUser } from '../../../workspace/lookups';
import { requireSession } from '../../auth';
import type { RequestContext, Reply, RouteDef } from '../../http-types';

const DAY_SECONDS = 86400;

async function profileImage(ctx: RequestContext): Promise<Reply> {
  const caller = requireSession(ctx);
  const id = ctx.params.userId!;
  const user = id === 'me' ? caller.user : requireUser(ctx.core.store, id);
  return {
    status: 200,
    // Nobody uploads pictures to Mockmost: every user has the generated one (last_picture_update 0, hence the etag),
    // which Mattermost caches for a day.
    headers: { 'Content-Type': 'image/png', 'Cache-Control': `max-age=${DAY_SECONDS}, private`, Etag: '0' },
    body: await defaultProfileImage(user),
  };
}

/** GET /users/{id}/image (api4/user.go: getProfileImage). */
export const getProfileImageRoute: RouteDef = { method: 'GET', path: '/api/v4/users/:userId/image', handle: profileImage };

/** GET /users/{id}/image/default (api4/user.go: getDefaultProfileImage). */
export const getDefaultProfileImageRoute: RouteDef = { method: 'GET', path: '/api/v4/users/:userId/image/default', handle: profileImage };
