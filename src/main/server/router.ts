import type { RouteDef } from './http-types';

interface Compiled {
  route: RouteDef;
  pattern: RegExp;
  names: string[];
}

export interface Match {
  route: RouteDef;
  params: Record<string, string>;
}

/**
 * Method + path routing. Parameters are `[A-Za-z0-9]+`, like Mattermost's gorilla/mux routes
 * (server/channels/api4/integration_action.go: `{action_id:[A-Za-z0-9]+}`), so `approve_1` as an action id does not route, as in Mattermost;
 * `:name~` takes any single segment (names such as `town-square`).
 */
export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: RouteDef[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const loose = segment.endsWith('~');
          names.push(segment.slice(1, loose ? -1 : undefined));
          return loose ? '([^/]+)' : '([A-Za-z0-9]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** The route for method and path; `'method'` when the path exists with another method only. */
  match(method: string, path: string): Match | 'method' | undefined {
    let pathMatched = false;
    for (const { route, pattern, names } of this.compiled) {
      const found = pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = safeDecode(found[i + 1]!)));
      return { route, params };
    }
    return pathMatched ? 'method' : undefined;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
