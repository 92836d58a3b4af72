import type { IncomingHttpHeaders } from 'node:http';
import type { Core } from '../core/core';
import type { Session } from '../../shared/mattermost/model';
import type { Caller } from '../workspace/sessions';
import { diagnose } from '../diagnostics/catalog';
import { AppError, sessionExpired } from '../workspace/app-error';
import type { RequestContext } from './http-types';

type TokenSource = 'cookie' | 'header' | 'query';

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * The token a request carries, in Mattermost's order of precedence (server/channels/app/authentication.go: ParseAuthTokenFromRequest): the
 * MMAUTHTOKEN cookie, then `Authorization: Bearer|Token`, then `access_token` in the query.
 */
export function tokenFromHeaders(headers: IncomingHttpHeaders, url: URL | undefined): { token: string; from: TokenSource } | undefined {
  const fromCookie = cookie(headers.cookie, 'MMAUTHTOKEN');
  if (fromCookie) return { token: fromCookie, from: 'cookie' };
  const match = /^(bearer|token)\s+(.+)$/i.exec(headers.authorization ?? '');
  if (match) return { token: match[2]!.trim(), from: 'header' };
  const fromQuery = url?.searchParams.get('access_token');
  if (fromQuery) return { token: fromQuery, from: 'query' };
  return undefined;
}

/** The live session a token stands for (a login session or a personal access token), with its user. */
export function sessionForToken(core: Core, token: string): Caller | undefined {
  if (token === '') return undefined;
  const store = core.store;
  const session = store.sessions.byToken(token) ?? accessTokenSession(core, token);
  if (!session || (session.expires_at !== 0 && session.expires_at < Date.now())) return undefined;
  const user = store.users.get(session.user_id);
  if (!user || user.delete_at !== 0) return undefined;
  return { session, user };
}

/** The logged-in caller, or Mattermost's 401 for a missing, unknown or expired session. */
export function requireSession(ctx: RequestContext): Caller {
  const found = tokenFromHeaders(ctx.req.headers, ctx.url);
  if (!found) throw sessionExpired();
  const caller = sessionForToken(ctx.core, found.token);
  if (!caller) throw sessionExpired();
  const { session } = caller;
  if (found.from === 'query' && !session.is_oauth) {
    throw new AppError(401, 'api.context.token_provided.app_error', 'Session is not OAuth but token was provided in the query string.');
  }
  if (found.from === 'cookie' && ctx.method !== 'GET' && !csrfSatisfied(ctx, session)) {
    ctx.capture.diagnosis.push(diagnose.missingCsrf());
    throw sessionExpired();
  }
  return caller;
}

/**
 * A personal access token acts as a session that never expires. People's tokens stop working
 * while EnableUserAccessTokens is off; bots' tokens always work (server/channels/app/session.go: createSessionForUserAccessToken).
 */
function accessTokenSession(core: Core, token: string): Session | undefined {
  const store = core.store;
  const stored = store.accessTokens.byToken(token);
  if (!stored?.is_active) return undefined;
  const user = store.users.get(stored.user_id);
  if (!user) return undefined;
  if (!user.is_bot && core.config().ServiceSettings?.EnableUserAccessTokens !== true) return undefined;
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
