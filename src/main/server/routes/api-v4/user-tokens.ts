import { diagnose } from '../../../diagnostics/catalog';
import type { UserAccessToken } from '../../../../shared/mattermost/model';
import { newId } from '../../../base/new-id';
import { requireUser } from '../../../workspace/lookups';
import { isSystemAdmin } from '../../../workspace/permissions';
import { AppError, invalidBodyParam, noPermission } from '../../../workspace/app-error';
import { requireSession } from '../../auth';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJson } from '../../read-api-json';

/**
 * Personal access tokens (server/channels/api4/user.go: createUserAccessToken). Only system admins hold create_user_access_token by
 * default; tokens of people need EnableUserAccessTokens, tokens of bots do not.
 */
export const createUserAccessToken: RouteDef = {
  method: 'POST',
  path: '/api/v4/users/:userId/tokens',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'user_access_token');
    const description = typeof body.description === 'string' ? body.description : '';
    if (description === '') throw new AppError(400, 'api.context.invalid_param.app_error', 'Invalid Description parameter.');
    if (!isSystemAdmin(caller.user)) throw noPermission();
    const store = ctx.core.store;
    const user = requireUser(store, ctx.params.userId === 'me' ? caller.user.id : ctx.params.userId!);
    if (!user.is_bot && ctx.core.config().ServiceSettings?.EnableUserAccessTokens !== true) {
      ctx.capture.diagnosis.push(diagnose.tokensDisabled());
      throw new AppError(
        501,
        'app.user_access_token.disabled',
        'Personal access tokens are disabled on this server. Please contact your system administrator for details.',
      );
    }
    if (description.length > 255) throw invalidBodyParam('description');
    const token: UserAccessToken & { token: string } = { id: newId(), token: newId(), user_id: user.id, description, is_active: true };
    store.batch.run(() => store.accessTokens.put(token));
    return json(200, token);
  },
};

export const listUserAccessTokens: RouteDef = {
  method: 'GET',
  path: '/api/v4/users/:userId/tokens',
  handle(ctx) {
    const caller = requireSession(ctx);
    if (!isSystemAdmin(caller.user)) throw noPermission();
    const store = ctx.core.store;
    const user = requireUser(store, ctx.params.userId === 'me' ? caller.user.id : ctx.params.userId!);
    // The secret is shown once, at creation; listings leave it out, as Mattermost does.
    const tokens = store.accessTokens.ofUser(user.id).map(({ token: _secret, ...rest }) => rest);
    return json(200, tokens);
  },
};
