import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readJsonBody } from './read-json-body';

export const resetWorkspace: RouteDef = {
  method: 'POST',
  path: '/_mockmost/api/workspace/reset',
  async handle(ctx) {
    const body = await readJsonBody(ctx);
    const summary = await ctx.core.reset({ exchanges: body?.exchanges === true });
    await ctx.core.store.batch.durable();
    return json(200, summary);
  },
};
