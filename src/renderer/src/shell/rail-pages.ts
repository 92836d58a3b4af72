import type { Route } from '../app/routes';

/** The rail's destinations, in order; Ctrl/Cmd+Shift+<position> opens each (shortcuts.ts). */
export const RAIL_PAGES = [
  { id: 'channelsLink', label: 'Channels', icon: 'icon-forum-outline', page: 'channels' },
  { id: 'composerLink', label: 'Composer', icon: 'icon-pencil-outline', page: 'composer' },
  { id: 'trafficLink', label: 'Traffic', icon: 'icon-timeline-text-outline', page: 'traffic' },
  { id: 'integrationsLink', label: 'Integrations', icon: 'icon-webhook', page: 'integrations' },
  { id: 'settingsLink', label: 'Settings', icon: 'icon-cog-outline', page: 'settings' },
] as const;

export type RailPage = (typeof RAIL_PAGES)[number]['page'];

/** The rail entry a route belongs to: a channel or permalink is under Channels. */
export function railPageOf(route: Route): RailPage | null {
  if (route.name === 'channel' || route.name === 'permalink') return 'channels';
  return route.name === 'not-found' ? null : route.name;
}
