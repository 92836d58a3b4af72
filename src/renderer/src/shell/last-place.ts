import { readPref, writePref } from '../app/prefs';
import { parseRoute } from '../app/routes';

const PAGE_KEY = 'mockmost.lastPage';
const CHANNEL_KEY = 'mockmost.lastChannel';
const TEAM_NAME_KEY = 'mockmost.lastTeamDisplayName';

/** Only an app opened at `/` goes back to its last page, and only until it shows one: later visits to `/` are asked for. */
let reopening = window.location.pathname === '/';

/** Notes the page shown, and the channel if it is one, for the next start and the rail's Channels. */
export function rememberPlace(path: string): void {
  const route = parseRoute(path);
  if (route.name === 'not-found') return;
  reopening = false;
  writePref(PAGE_KEY, path);
  if (route.name === 'channel') writePref(CHANNEL_KEY, path);
}

/** The channel last shown (team and channel names), if any was. */
export function lastChannel(): { team: string; channel: string } | null {
  const route = parseRoute(readPref(CHANNEL_KEY) ?? '');
  return route.name === 'channel' ? { team: route.team, channel: route.channel } : null;
}

/** Notes the display name of the team in view, for the header before a channel has loaded. */
export function rememberTeamDisplayName(name: string): void {
  writePref(TEAM_NAME_KEY, name);
}

/** The display name of the team last in view, if any was. */
export function lastTeamDisplayName(): string | null {
  return readPref(TEAM_NAME_KEY);
}

/** Where an app opened at `/` starts: the last page shown, when it was one of Mockmost's own pages. */
export function startPage(): string | null {
  if (!reopening) return null;
  const path = readPref(PAGE_KEY) ?? '';
  const route = parseRoute(path);
  // A channel (or permalink) page is checked by the server first: it may be gone since.
  return route.name === 'not-found' || route.name === 'channel' || route.name === 'permalink' ? null : path;
}
