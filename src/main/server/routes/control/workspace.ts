import type { ControlHandler } from './control-route';
import { readJsonBody } from './read-json-body';

export const resetWorkspace: ControlHandler<'POST /workspace/reset'> = async (ctx) => {
  const body = await readJsonBody(ctx);
  const summary = await ctx.core.reset({ exchanges: body?.exchanges === true });
  await ctx.core.store.batch.durable();
  return summary;
};
