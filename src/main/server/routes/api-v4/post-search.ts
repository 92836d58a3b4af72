import { diagnose } from '../../../diagnostics/catalog';
import { AppError, invalidParam, noPermission } from '../../../workspace/app-error';
import { requireTeam } from '../../../workspace/lookups';
import { isSystemAdmin, isTeamMember } from '../../../workspace/permissions';
import { parseSearch, searchPosts } from '../../../workspace/post-search';
import { servedPostList } from '../../../workspace/serve-post';
import { requireSession } from '../../auth';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJsonValue } from '../../read-api-json';

const DEFAULT_PER_PAGE = 60;

const integerOr = (value: unknown, fallback: number, name: string): number => {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalidBody(name);
  return value;
};

const invalidBody = (detail: string) =>
  new AppError(400, 'api.post.search_posts.invalid_body.app_error', 'Unable to parse request body.', detail);

/**
 * POST /teams/{team_id}/posts/search: over the channels the user belongs to in the team, and
 * their direct and group messages, newest first (api4/post.go: searchPostsInTeam; app/post.go:
 * SearchPostsForUser). A public channel the user has not joined is not searched, as in Mattermost.
 */
export const searchPostsRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/teams/:teamId/posts/search',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const store = ctx.core.store;
    const team = requireTeam(store, ctx.params.teamId!);
    if (!isSystemAdmin(caller.user) && !isTeamMember(store, team.id, caller.user.id)) throw noPermission();
    const body = await readApiJsonValue(ctx, 'search').catch((error: AppError) => {
      throw invalidBody(error.detailedError);
    });
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidBody('not an object');
    const params = body as Record<string, unknown>;
    if (params.terms !== undefined && typeof params.terms !== 'string') throw invalidBody('terms');
    const terms = (params.terms as string | undefined) ?? '';
    if (terms.trim() === '') throw invalidParam('terms');
    const page = integerOr(params.page, 0, 'page');
    const perPage = integerOr(params.per_page, DEFAULT_PER_PAGE, 'per_page');
    const offset = typeof params.time_zone_offset === 'number' ? params.time_zone_offset : 0;
    const includeArchived = params.include_deleted_channels === true;
    const channels = store.channels.ofUser(caller.user.id, team.id).filter((c) => includeArchived || c.delete_at === 0);
    const query = parseSearch(terms, offset);
    const results = searchPosts(
      store,
      { channels, usersByName: (name) => store.users.byUsername(name) },
      query,
      params.is_or_search === true,
      page,
      perPage,
    );
    if (results.order.length === 0 && page === 0) {
      const unjoined = query.in.filter((name) => !channels.some((c) => c.name === name) && store.channels.byName(team.id, name));
      ctx.capture.diagnosis.push(diagnose.searchOutsideMemberships(unjoined));
    }
    return json(200, { ...servedPostList(ctx.core, results), has_next: results.has_next, matches: null });
  },
};
