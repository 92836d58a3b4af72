import { doPostAction } from '../../../caller/post-actions';
import { isValidId } from '../../../../shared/mattermost/ids';
import { requireUser } from '../../../workspace/lookups';
import { uiSession } from '../../../workspace/sessions';
import { AppError, invalidUrlParam } from '../../../workspace/app-error';
import type { ControlHandler } from './control-route';
import { readJsonBody } from './read-json-body';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * A click in Mockmost's channel view: the same action flow as Mattermost's web app, made as a
 * workspace user (sysadmin, the viewer, unless `user_id` says otherwise). Captured as an action.
 */
export const clickAction: ControlHandler<'POST /actions'> = async (ctx) => {
  const body = (await readJsonBody(ctx)) ?? {};
  const store = ctx.core.store;
  const postId = text(body.post_id);
  if (!isValidId(postId)) throw invalidUrlParam('post_id');
  const actionId = text(body.action_id);
  if (!/^[A-Za-z0-9]+$/.test(actionId)) throw new AppError(404, 'api.post.do_action.action_id.app_error', 'Invalid action id.');
  const user = body.user_id ? requireUser(store, text(body.user_id)) : store.users.byUsername('sysadmin');
  if (!user) throw new AppError(400, 'mockmost.control.user.app_error', 'Name the user who clicks (user_id): there is no sysadmin.');
  ctx.capture.kind = 'action';
  ctx.capture.postId = postId;
  const caller = { user, session: uiSession(ctx.core, user) };
  const triggerId = await doPostAction(ctx.core, {
    caller,
    postId,
    actionId,
    selectedOption: text(body.selected_option),
    cookie: text(body.cookie),
  });
  return { status: 'OK', trigger_id: triggerId };
};
