import { requireUser } from '../../../workspace/lookups';
import { isSystemAdmin } from '../../../workspace/permissions';
import { uiSession } from '../../../workspace/sessions';
import { AppError } from '../../../workspace/app-error';
import type { ControlHandler } from './control-route';
import { readJsonBody } from './read-json-body';

/**
 * A Mattermost session for the UI to act as a workspace user through the real REST API
 * (posting, slash commands, dialogs, integrations), exactly as Mattermost's web app would.
 */
export const uiSessionRoute: ControlHandler<'POST /sessions'> = async (ctx) => {
  const body = (await readJsonBody(ctx)) ?? {};
  const store = ctx.core.store;
  const user =
    typeof body.user_id === 'string'
      ? requireUser(store, body.user_id)
      : typeof body.username === 'string'
        ? store.users.byUsername(body.username.toLowerCase())
        : // No one named: sysadmin, or the first system admin a custom seed has.
          (store.users.byUsername('sysadmin') ?? store.users.active().find(isSystemAdmin));
  if (!user || user.delete_at !== 0) throw new AppError(404, 'mockmost.control.user.app_error', 'There is no such active user.');
  if (user.is_bot) throw new AppError(400, 'mockmost.control.user.app_error', 'Bots cannot use the UI; use their access token.');
  return { token: uiSession(ctx.core, user).token, user };
};
