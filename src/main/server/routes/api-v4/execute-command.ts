import { executeCommand } from '../../../caller/slash-commands';
import { AppError } from '../../../workspace/app-error';
import { requireSession } from '../../auth';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { optionalString, readApiJson } from '../../read-api-json';

export const executeCommandRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/commands/execute',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'command_args');
    const channel = ctx.core.store.channels.get(optionalString(body.channel_id));
    if (!channel) throw new AppError(400, 'api.command.execute_command.start.app_error', 'No command trigger found.');
    const command = optionalString(body.command);
    const response = await executeCommand(ctx.core, {
      user: caller.user,
      channel,
      command,
      rootId: optionalString(body.root_id) || optionalString(body.parent_id),
    });
    return json(200, response);
  },
};
