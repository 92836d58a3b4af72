import type { MattermostConfig } from '../../../core/config-defaults';
import { deepMerge } from '../../../core/deep-merge';
import { AppError, noPermission } from '../../app-error';
import { isSystemAdmin } from '../../../workspace/permissions';
import { requireSession } from '../../auth';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJson } from '../../read-api-json';

function requireAdmin(ctx: RequestContext): void {
  if (!isSystemAdmin(requireSession(ctx).user)) throw noPermission();
}

/** The checks of Mattermost's config validation that integrations can run into (server.md §2.4). */
function validate(config: MattermostConfig): void {
  const service = config.ServiceSettings ?? {};
  if (!service.SiteURL) throw new AppError(400, 'api.config.update_config.clear_siteurl.app_error', 'Site URL cannot be cleared.');
  const timeout = service.OutgoingIntegrationRequestsTimeout;
  if (typeof timeout !== 'number' || timeout <= 0) {
    throw new AppError(
      400,
      'model.config.is_valid.outgoing_integrations_request_timeout.app_error',
      'Invalid value for ServiceSettings.OutgoingIntegrationRequestsTimeout. Must be a positive number.',
    );
  }
}

async function save(ctx: RequestContext, merge: boolean) {
  requireAdmin(ctx);
  const body = (await readApiJson(ctx, 'config')) as MattermostConfig;
  const store = ctx.core.store;
  const next = (merge ? deepMerge(ctx.core.config(), body) : body) as MattermostConfig;
  validate(next);
  store.batch.run(() => store.setConfig(next));
  return json(200, next);
}

export const getConfig: RouteDef = {
  method: 'GET',
  path: '/api/v4/config',
  handle(ctx) {
    requireAdmin(ctx);
    return json(200, ctx.core.config());
  },
};

export const updateConfig: RouteDef = { method: 'PUT', path: '/api/v4/config', handle: (ctx) => save(ctx, false) };
export const patchConfig: RouteDef = { method: 'PUT', path: '/api/v4/config/patch', handle: (ctx) => save(ctx, true) };
