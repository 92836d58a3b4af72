import type { ControlApi, ControlRoute } from '../../../../shared/contract/control-api';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';

export const CONTROL_PREFIX = '/_mockmost/api';

/** The `:name` parameters of a route's path, from its contract key: `'GET /exchanges/:id'` → `{ id: string }`. */
type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [N in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [N in Name]: string }
    : Record<string, never>;

/** A request to route K: its path parameters typed by the contract key. */
export type ControlContext<K extends ControlRoute> = Omit<RequestContext, 'params'> & {
  params: PathParams<K extends `${string} ${infer Path}` ? Path : never>;
};

/**
 * A control route's handler: it reads the path parameters its contract key names and answers the
 * type the contract gives the route, or throws an AppError.
 */
export type ControlHandler<K extends ControlRoute> = (ctx: ControlContext<K>) => ControlApi[K]['res'] | Promise<ControlApi[K]['res']>;

/**
 * Every route of the contract with its handler: a contract entry without a route, a route the
 * contract does not list, a path parameter it does not name, or an answer of another type does
 * not compile. A route that creates answers 201.
 */
export type ControlRoutes = { [K in ControlRoute]: ControlHandler<K> | { status: 201; handle: ControlHandler<K> } };

/** The router's routes for the control API, their method and path taken from the contract's keys. */
export function controlRouteDefs(routes: ControlRoutes): RouteDef[] {
  return Object.entries(routes).map(([key, route]: [string, ControlRoutes[ControlRoute]]) => {
    const [method, path] = key.split(' ') as [RouteDef['method'], string];
    const { status, handle } = typeof route === 'function' ? { status: 200, handle: route } : route;
    return {
      method,
      path: `${CONTROL_PREFIX}${path}`,
      handle: async (ctx: RequestContext) => json(status, await (handle as (ctx: RequestContext) => unknown)(ctx)),
    };
  });
}
