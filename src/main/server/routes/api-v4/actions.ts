import { openDialog, submitDialog } from '../../../caller/dialogs';
import { doPostAction } from '../../../caller/post-actions';
import { isValidId } from '../../../../shared/mattermost/ids';
import { invalidUrlParam } from '../../../workspace/app-error';
import { requireSession } from '../../auth';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJson } from '../../read-api-json';

/** The click body is optional and Mattermost ignores what does not decode (server/channels/api4/integration_action.go: doPostAction). */
async function clickBody(ctx: RequestContext): Promise<{ selectedOption: string; cookie: string }> {
  const body = await ctx.body();
  let value: unknown;
  try {
    value = body.overLimit ? undefined : JSON.parse(body.data.toString('utf8'));
  } catch {
    value = undefined;
  }
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { selectedOption: text(fields.selected_option), cookie: text(fields.cookie) };
}

export const doPostActionRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/posts/:postId/actions/:actionId',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const postId = ctx.params.postId!;
    if (!isValidId(postId)) throw invalidUrlParam('post_id');
    ctx.capture.kind = 'action';
    ctx.capture.postId = postId;
    const { selectedOption, cookie } = await clickBody(ctx);
    const triggerId = await doPostAction(ctx.core, { caller, postId, actionId: ctx.params.actionId!, selectedOption, cookie });
    return json(200, { status: 'OK', trigger_id: triggerId });
  },
};

export const openDialogRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/actions/dialogs/open',
  async handle(ctx) {
    ctx.capture.kind = 'dialog';
    openDialog(ctx.core, await readApiJson(ctx, 'dialog'), ctx.capture.diagnosis);
    return json(200, { status: 'OK' });
  },
};

export const submitDialogRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/actions/dialogs/submit',
  async handle(ctx) {
    const caller = requireSession(ctx);
    ctx.capture.kind = 'dialog';
    return json(200, await submitDialog(ctx.core, caller, await readApiJson(ctx, 'dialog')));
  },
};
