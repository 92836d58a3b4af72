import type { StateCreator } from 'zustand';
import type { ChannelView } from '../../../../shared/contract/control-api';
import type { AppState } from '../../app/store';

export interface ChannelSlice {
  view: ChannelView | null;
  viewError: string | null;
  /** Loads (or refreshes) a channel; keeps the old view on screen while it loads. */
  loadChannel: (team: string, channel: string) => Promise<void>;
}

export const createChannelSlice: StateCreator<AppState, [], [], ChannelSlice> = (set, get) => ({
  view: null,
  viewError: null,
  loadChannel: async (team, channel) => {
    const control = get().control;
    if (!control) return;
    try {
      const view = await control.call('GET /view/channel', { query: { team, channel } });
      set({ view, viewError: null });
    } catch (error) {
      set({ viewError: (error as Error).message });
    }
  },
});
