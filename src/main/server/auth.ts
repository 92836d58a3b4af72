import type { Session, User } from '../../shared/mattermost/model';
import { AppError, sessionExpired } from './app-error';
import type { RequestContext } from './http-types';

export interface Caller {
  session: Session;
  user: User;
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * The token a request carries, in Mattermost's order of precedence (server.md §9.1): the
 * MMAUTHTOKEN cookie, then `Authorization: Bearer|Token`, then `access_token` in the query.
 */
function findToken(ctx: RequestContext): { token: string; from: 'cookie' | 'header' | 'query' } | undefined {
  const fromCookie = cookie(ctx.req.headers.cookie, 'MMAUTHTOKEN');
  if (fromCookie) return { token: fromCookie, from: 'cookie' };
  const match = /^(bearer|token)\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '');
  if (match) return { token: match[2]!.trim(), from: 'header' };
  const fromQuery = ctx.url.searchParams.get('access_token');
  if (fromQuery) return { token: fromQuery, from: 'query' };
  return undefined;
}

/** The logged-in caller, or Mattermost's 401 for a missing, unknown or expired session. */
export function requireSession(ctx: RequestContext): Caller {
  const found = findToken(ctx);
  if (!found) throw sessionExpired();
  const store = ctx.core.store;
  const session = store.sessions.first('token = ?', found.token) ?? accessTokenSession(ctx, found.token);
  if (!session || (session.expires_at !== 0 && session.expires_at < Date.now())) throw sessionExpired();
  if (found.from === 'query' && !session.is_oauth) {
    throw new AppError(401, 'api.context.token_provided.app_error', 'Session is not OAuth but token was provided in the query string.');
  }
  if (found.from === 'cookie' && ctx.method !== 'GET' && !csrfSatisfied(ctx, session)) throw sessionExpired();
  const user = store.users.get(session.user_id);
  if (!user || user.delete_at !== 0) throw sessionExpired();
  return { session, user };
}

/**
 * A personal access token acts as a session that never expires. People's tokens stop working
 * while EnableUserAccessTokens is off; bots' tokens always work (server.md §9.2).
 */
function accessTokenSession(ctx: RequestContext, token: string): Session | undefined {
  const store = ctx.core.store;
  const stored = store.accessTokens.first('token = ?', token);
  if (!stored?.is_active) return undefined;
  const user = store.users.get(stored.user_id);
  if (!user) return undefined;
  if (!user.is_bot && ctx.core.config().ServiceSettings?.EnableUserAccessTokens !== true) return undefined;
  return {
    id: stored.id,
    token,
    create_at: 0,
    expires_at: 0,
    last_activity_at: 0,
    user_id: user.id,
    device_id: '',
    roles: user.roles,
    is_oauth: false,
    props: { type: 'UserAccessToken', user_access_token_id: stored.id },
  };
}

function csrfSatisfied(ctx: RequestContext, session: Session): boolean {
  const given = ctx.req.headers['x-csrf-token'];
  if (given !== undefined) return given === session.props.csrf;
  // Accepted while StrictCSRFEnforcement is off, as Mattermost does for older clients.
  return ctx.req.headers['x-requested-with'] === 'XMLHttpRequest';
}

export function isSystemAdmin(user: User): boolean {
  return user.roles.split(' ').includes('system_admin');
}
