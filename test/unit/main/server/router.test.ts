import { describe, expect, it } from 'vitest';
import { Router } from '../../../../src/main/server/router';
import type { RouteDef } from '../../../../src/main/server/http-types';

const route = (method: string, path: string): RouteDef => ({ method, path, handle: () => ({ status: 200 }) });

describe('Router', () => {
  const getPost = route('GET', '/api/v4/posts/:postId');
  const action = route('POST', '/api/v4/posts/:postId/actions/:actionId');
  const byName = route('GET', '/api/v4/teams/name/:name~');
  const router = new Router([getPost, action, byName]);

  it('matches a path and decodes its parameters', () => {
    expect(router.match('GET', '/api/v4/posts/abc123')).toEqual({ route: getPost, params: { postId: 'abc123' } });
    expect(router.match('GET', '/api/v4/teams/name/my-team')).toEqual({ route: byName, params: { name: 'my-team' } });
  });

  it('does not route ids outside [A-Za-z0-9], as Mattermost does not', () => {
    expect(router.match('POST', '/api/v4/posts/abc/actions/approve_1')).toBeUndefined();
  });

  it("tells a path that exists with another method from one that doesn't", () => {
    expect(router.match('DELETE', '/api/v4/posts/abc')).toBe('method');
    expect(router.match('GET', '/api/v4/nothing')).toBeUndefined();
  });
});
