import { freshConfig, type MattermostConfig } from '../../../workspace/config-defaults';
import { deepMerge } from '../../../base/deep-merge';
import { AppError, invalidBodyParam, noPermission } from '../../../workspace/app-error';
import { isSystemAdmin } from '../../../workspace/permissions';
import { requireSession } from '../../auth';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJson } from '../../read-api-json';

function requireAdmin(ctx: RequestContext): void {
  if (!isSystemAdmin(requireSession(ctx).user)) throw noPermission();
}

const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Mattermost decodes a config into typed Go structs: a section that is not an object, or a
 * known setting of the wrong type, fails the whole request.
 */
function checkTypes(config: unknown, defaults: MattermostConfig): void {
  if (jsonType(config) !== 'object') throw invalidBodyParam('config');
  for (const [section, value] of Object.entries(config as Record<string, unknown>)) {
    const known = defaults[section];
    if (!known) continue;
    if (jsonType(value) !== 'object') throw invalidBodyParam('config', `${section} must be an object`);
    for (const [key, setting] of Object.entries(value as Record<string, unknown>)) {
      if (key in known && jsonType(setting) !== jsonType(known[key])) {
        throw invalidBodyParam('config', `${section}.${key} must be of type ${jsonType(known[key])}`);
      }
    }
  }
}

/** The checks of Mattermost's config validation that integrations can run into (server/public/model/config.go: Config.IsValid). */
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
  const defaults = freshConfig('');
  checkTypes(body, defaults);
  const store = ctx.core.store;
  // PUT replaces the config, and Mattermost's SetDefaults fills in whatever the body leaves out.
  const next = deepMerge(merge ? ctx.core.config() : defaults, body) as MattermostConfig;
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
