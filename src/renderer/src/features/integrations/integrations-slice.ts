import type { StateCreator } from 'zustand';
import type { ChannelView } from '../../../../shared/contract/control-api';
import type { Command, IncomingWebhook, OutgoingWebhook } from '../../../../shared/mattermost/model';
import { rest } from '../../app/rest-client';
import type { AppState } from '../../app/store';

export interface IntegrationLists {
  incoming: IncomingWebhook[];
  outgoing: OutgoingWebhook[];
  commands: Command[];
}

/** The home team's hooks and commands, read and changed through Mattermost's own REST API as sysadmin. */
export interface IntegrationsSlice {
  /** The home channel's view: its team, channels and viewer (sysadmin). */
  integrationsView: ChannelView | null;
  integrations: IntegrationLists;
  integrationsError: string | null;
  /** The id of the hook or command being edited in place. */
  editingIntegration: string | null;
  setEditingIntegration: (id: string | null) => void;
  loadIntegrations: () => Promise<void>;
  /** Calls REST v4 as sysadmin, then reloads the lists; answers whether it worked (else the error says why). */
  actOnIntegration: (method: string, path: string, body?: unknown) => Promise<boolean>;
}

export const createIntegrationsSlice: StateCreator<AppState, [], [], IntegrationsSlice> = (set, get) => ({
  integrationsView: null,
  integrations: { incoming: [], outgoing: [], commands: [] },
  integrationsError: null,
  editingIntegration: null,
  setEditingIntegration: (id) => set({ editingIntegration: id }),
  async loadIntegrations() {
    const { control, sessionFor } = get();
    if (!control) return;
    try {
      const view = await control.call('GET /view/channel', { query: {} });
      set({ integrationsView: view });
      const token = await sessionFor(view.viewer.id);
      const team = view.team.id;
      const [incoming, outgoing, commands] = await Promise.all([
        rest<IncomingWebhook[]>(token, 'GET', `/hooks/incoming?team_id=${team}&per_page=200`),
        rest<OutgoingWebhook[]>(token, 'GET', `/hooks/outgoing?team_id=${team}&per_page=200`),
        rest<Command[]>(token, 'GET', `/commands?team_id=${team}&custom_only=true`),
      ]);
      set({ integrations: { incoming, outgoing, commands } });
    } catch (error) {
      set({ integrationsError: (error as Error).message });
    }
  },
  async actOnIntegration(method, path, body) {
    set({ integrationsError: null });
    const view = get().integrationsView;
    try {
      await rest(await get().sessionFor(view!.viewer.id), method, path, body);
      await get().loadIntegrations();
      return get().integrationsError === null;
    } catch (error) {
      set({ integrationsError: (error as Error).message });
      return false;
    }
  },
});
