import type { Store } from '../../../store/store';
import { newId } from '../../../base/new-id';
import { AppError, invalidUrlParam, noPermission } from '../../../workspace/app-error';
import { canManageIntegrations, isSystemAdmin } from '../../../workspace/permissions';
import type { Caller } from '../../../workspace/sessions';
import { softDeleted } from '../../../workspace/soft-delete';
import { requireSession } from '../../auth';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readApiJson } from '../../read-api-json';

/** What the three kinds of integration share: an id, a team, a soft delete. */
export interface Integration {
  id: string;
  team_id: string;
  delete_at: number;
  update_at: number;
  /** Outgoing hooks and commands carry one; Mattermost sends it with every call. */
  token?: string;
}

type Body = Record<string, unknown>;

/**
 * One kind of integration (incoming hooks, outgoing hooks, commands) as REST v4 manages it. The
 * routes are the same for all three; where Mattermost answers them differently, the difference is
 * a named field here, set in each kind's file (server/channels/api4/webhook.go, command.go).
 */
export interface IntegrationKind<T extends Integration> {
  /** The collection's path; one integration is `${path}/:${id.param}`. */
  path: string;
  id: {
    param: string;
    /** How Mattermost's invalid-parameter error names the id. */
    name: string;
    /** Which exchange field records the integration a request touched. */
    capture: 'hookId' | 'commandId';
  };
  /** The names readApiJson gives a create and an update body in its errors. */
  body: { create: string; update: string };
  /** The ServiceSettings switch that turns this kind on, and Mattermost's error when it is off. */
  setting: 'EnableIncomingWebhooks' | 'EnableOutgoingWebhooks' | 'EnableCommands';
  disabled: () => AppError;
  /** Whether reading, deleting or renewing one checks the switch first (webhooks do; commands only on update). */
  settingGuardsEveryRoute: boolean;
  /** Mattermost's answer for an unknown or deleted id. */
  notFound: () => AppError;
  /** Commands answer a caller who may not manage the team as if the command did not exist (404, not 403). */
  hiddenFromNonManagers: boolean;
  /** Who made it: only they and system admins may manage it. */
  owner: (item: T) => string;
  table: (store: Store) => { get(id: string): T | undefined; put(item: T): T };
  update: {
    /** Incoming hooks answer an update with 201, the others with 200. */
    status: 200 | 201;
    /** Whether the body's `id` must be there (incoming hooks), or must match only when given. */
    bodyId: 'required' | 'when-given';
    wrongBodyId: () => AppError;
  };
  /** Renewing the token, where the kind has one: the method, and whether the answer is the integration or `{token}`. */
  regenerateToken?: { method: 'POST' | 'PUT'; answer: 'integration' | 'token' };
  /** A new integration from a create body, checked as Mattermost checks it; the factory stores it. */
  create(ctx: RequestContext, caller: Caller, body: Body): T;
  /** The integration as an update body changes it, checked; the factory stores it. */
  apply(ctx: RequestContext, body: Body, existing: T): T;
  /** What GET on the collection answers. */
  list(ctx: RequestContext, caller: Caller): unknown[];
}

/** Throws the kind's error when its switch is off. */
export function requireEnabled(ctx: RequestContext, kind: Pick<IntegrationKind<Integration>, 'setting' | 'disabled'>): void {
  if (ctx.core.config().ServiceSettings?.[kind.setting] !== true) throw kind.disabled();
}

/** The integration the URL names, if the caller may manage it. */
function managed<T extends Integration>(ctx: RequestContext, kind: IntegrationKind<T>, caller: Caller): T {
  const id = ctx.params[kind.id.param]!;
  if (!/^[a-z0-9]{26}$/i.test(id)) throw invalidUrlParam(kind.id.name);
  if (kind.settingGuardsEveryRoute) requireEnabled(ctx, kind);
  const store = ctx.core.store;
  const item = kind.table(store).get(id);
  const manager = item !== undefined && canManageIntegrations(store, caller.user, item.team_id);
  if (!item || item.delete_at !== 0 || (kind.hiddenFromNonManagers && !manager)) throw kind.notFound();
  if (!manager) throw noPermission();
  if (kind.owner(item) !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
  ctx.capture[kind.id.capture] = item.id;
  return item;
}

function save<T extends Integration>(ctx: RequestContext, kind: IntegrationKind<T>, item: T): T {
  const store = ctx.core.store;
  return store.batch.run(() => kind.table(store).put(item));
}

/** REST v4's create, list, get, update, delete (and token renewal) for one kind of integration. */
export function integrationRoutes<T extends Integration>(kind: IntegrationKind<T>): RouteDef[] {
  const one = `${kind.path}/:${kind.id.param}`;
  const routes: RouteDef[] = [
    {
      method: 'POST',
      path: kind.path,
      async handle(ctx) {
        const caller = requireSession(ctx);
        const body = await readApiJson(ctx, kind.body.create);
        const item = save(ctx, kind, kind.create(ctx, caller, body));
        ctx.capture[kind.id.capture] = item.id;
        return json(201, item);
      },
    },
    { method: 'GET', path: kind.path, handle: (ctx) => json(200, kind.list(ctx, requireSession(ctx))) },
    { method: 'GET', path: one, handle: (ctx) => json(200, managed(ctx, kind, requireSession(ctx))) },
    {
      method: 'PUT',
      path: one,
      async handle(ctx) {
        const caller = requireSession(ctx);
        const body = await readApiJson(ctx, kind.body.update);
        const item = managed(ctx, kind, caller);
        const given = kind.update.bodyId === 'required' || body.id !== undefined;
        if (given && body.id !== item.id) throw kind.update.wrongBodyId();
        requireEnabled(ctx, kind);
        return json(kind.update.status, save(ctx, kind, kind.apply(ctx, body, { ...item, update_at: Date.now() })));
      },
    },
    {
      method: 'DELETE',
      path: one,
      handle(ctx) {
        save(ctx, kind, softDeleted(managed(ctx, kind, requireSession(ctx))));
        return json(200, { status: 'OK' });
      },
    },
  ];
  const regenerate = kind.regenerateToken;
  if (regenerate) {
    routes.push({
      method: regenerate.method,
      path: `${one}/regen_token`,
      handle(ctx) {
        const item = managed(ctx, kind, requireSession(ctx));
        const renewed = save(ctx, kind, { ...item, token: newId(), update_at: Date.now() });
        return json(200, regenerate.answer === 'token' ? { token: renewed.token } : renewed);
      },
    });
  }
  return routes;
}
