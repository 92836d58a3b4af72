import type { Store } from '../../../store/store';
import { AppError, noPermission } from '../../../workspace/app-error';
import { requireChannel } from '../../../workspace/lookups';
import { canManageIntegrations, isSystemAdmin } from '../../../workspace/permissions';
import type { Caller } from '../../../workspace/sessions';
import type { RequestContext } from '../../http-types';
import { requireEnabled, type Integration, type IntegrationKind } from './integration-routes';

const MAX_PER_PAGE = 200;

/** Mattermost's answer to an update whose body names another webhook. */
export const invalidHookId = () => new AppError(400, 'api.context.invalid_param.app_error', 'Invalid hook_id parameter.');

/** `?page=&per_page=` over a list, as Mattermost's hook and command listings page. */
export function hookListPage<T>(ctx: RequestContext, items: T[]): T[] {
  const q = ctx.url.searchParams;
  const page = Number(q.get('page') ?? 0);
  const perPage = Math.min(Number(q.get('per_page') ?? 60), MAX_PER_PAGE);
  if (!Number.isInteger(page) || page < 0) throw new AppError(400, 'api.context.invalid_param.app_error', 'Invalid page parameter.');
  if (!Number.isInteger(perPage) || perPage < 0)
    throw new AppError(400, 'api.context.invalid_param.app_error', 'Invalid per_page parameter.');
  return items.slice(page * perPage, page * perPage + perPage);
}

/**
 * GET /hooks/incoming and /hooks/outgoing: a team's webhooks for those who manage its
 * integrations (`?team_id=`; outgoing hooks also take `?channel_id=`), every team's for system
 * admins, a page at a time.
 */
export function webhookList<T extends Integration & { channel_id: string }>(
  ctx: RequestContext,
  caller: Caller,
  kind: IntegrationKind<T>,
  active: (store: Store, teamId: string | undefined) => T[],
  { byChannel = false } = {},
): T[] {
  requireEnabled(ctx, kind);
  const store = ctx.core.store;
  const q = ctx.url.searchParams;
  const channelId = byChannel ? q.get('channel_id') : null;
  const teamId = channelId ? requireChannel(store, channelId).team_id : q.get('team_id');
  if (teamId ? !canManageIntegrations(store, caller.user, teamId) : !isSystemAdmin(caller.user)) throw noPermission();
  const hooks = active(store, teamId || undefined);
  return hookListPage(ctx, channelId ? hooks.filter((hook) => hook.channel_id === channelId) : hooks);
}
