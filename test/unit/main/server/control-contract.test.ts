import { describe, expect, it } from 'vitest';
import type { ControlRoute } from '../../../../src/shared/contract/control-api';
import { CONTROL_PREFIX, type ControlContext, type ControlRoutes } from '../../../../src/main/server/routes/control/control-route';
import { CONTROL_HANDLERS, CONTROL_ROUTES } from '../../../../src/main/server/routes';

// The control API's routes are declared against the contract the renderer compiles against.
// The lines marked @ts-expect-error must not compile: `npm run typecheck` fails if one does.

// @ts-expect-error a route the contract does not list
export const extraRoute: ControlRoutes = { ...CONTROL_HANDLERS, 'GET /not-in-the-contract': () => ({}) };

const { 'GET /settings': _dropped, ...withoutSettings } = CONTROL_HANDLERS;
// @ts-expect-error a contract entry without a route
export const missingRoute: ControlRoutes = withoutSettings;

// @ts-expect-error an answer of another type than the contract's
export const wrongAnswer: ControlRoutes = { ...CONTROL_HANDLERS, 'GET /view/home': () => ({ team: 'dev' }) };

// @ts-expect-error a handler answering for another route
export const swapped: ControlRoutes = { ...CONTROL_HANDLERS, 'GET /settings': CONTROL_HANDLERS['GET /workspace/seed'] };

export const namedParam = (ctx: ControlContext<'GET /exchanges/:id'>): string => ctx.params.id;
export const unnamedParam = (ctx: ControlContext<'GET /exchanges/:id'>): string =>
  // @ts-expect-error a path parameter the route's key does not name
  ctx.params.exchangeId;

describe('the control API', () => {
  it('serves exactly the routes of its contract, at the method and path of each', () => {
    const served = CONTROL_ROUTES.map((route) => `${route.method} ${route.path.slice(CONTROL_PREFIX.length)}`);
    expect(served.sort()).toEqual((Object.keys(CONTROL_HANDLERS) as ControlRoute[]).sort());
    expect(CONTROL_ROUTES.every((route) => route.path.startsWith(`${CONTROL_PREFIX}/`))).toBe(true);
  });
});
