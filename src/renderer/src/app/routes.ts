/** The UI's routes, shaped like Mattermost's web app so links can be shared (README: The UI). */
export type Route =
  | { name: 'channel'; team: string; channel: string }
  | { name: 'permalink'; team: string; postId: string }
  | { name: ToolPage }
  | { name: 'not-found'; path: string };

/** Mockmost's own pages, under `/_mockmost/`. */
const TOOL_PAGES = ['composer', 'integrations', 'traffic', 'settings'] as const;
type ToolPage = (typeof TOOL_PAGES)[number];
const isToolPage = (name: string | undefined): name is ToolPage => (TOOL_PAGES as readonly (string | undefined)[]).includes(name);

/** A path segment decoded; a malformed escape (`%E0%A4`) is taken as written rather than crash the page. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeSegment);
  if (parts.length === 2 && parts[0] === '_mockmost' && isToolPage(parts[1])) return { name: parts[1] };
  if (parts.length === 3 && parts[1] === 'channels') return { name: 'channel', team: parts[0]!, channel: parts[2]! };
  if (parts.length === 3 && parts[1] === 'pl') return { name: 'permalink', team: parts[0]!, postId: parts[2]! };
  return { name: 'not-found', path };
}
