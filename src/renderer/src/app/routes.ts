/** The UI's routes, shaped like Mattermost's web app so links can be shared (contract.md §5). */
export type Route =
  | { name: 'channel'; team: string; channel: string }
  | { name: 'permalink'; team: string; postId: string }
  | { name: 'composer' }
  | { name: 'integrations' }
  | { name: 'traffic' }
  | { name: 'not-found'; path: string };

export const DEFAULT_PATH = '/dev/channels/town-square';

export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 2 && parts[0] === '_mockmost' && parts[1] === 'composer') return { name: 'composer' };
  if (parts.length === 2 && parts[0] === '_mockmost' && parts[1] === 'integrations') return { name: 'integrations' };
  if (parts.length === 2 && parts[0] === '_mockmost' && parts[1] === 'traffic') return { name: 'traffic' };
  if (parts.length === 3 && parts[1] === 'channels') return { name: 'channel', team: parts[0]!, channel: parts[2]! };
  if (parts.length === 3 && parts[1] === 'pl') return { name: 'permalink', team: parts[0]!, postId: parts[2]! };
  return { name: 'not-found', path };
}
