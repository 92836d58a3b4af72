import { AppError } from '../../../workspace/app-error';
import type { RequestContext } from '../../http-types';

const MAX_PER_PAGE = 200;

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
