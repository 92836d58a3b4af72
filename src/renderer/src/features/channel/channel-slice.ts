import type { StateCreator } from 'zustand';
import type { ChannelView } from '../../../../shared/contract/control-api';
import type { AppState } from '../../app/store';

export interface ChannelSlice {
  view: ChannelView | null;
  viewError: string | null;
  /** The user the channel view acts as and shows the channel to; null: sysadmin. */
  actAs: string | null;
  setActAs: (userId: string) => void;
  /** A Mattermost session token for the user, for REST calls made from the UI. */
  sessionFor: (userId: string) => Promise<string>;
  /** Loads (or refreshes) a channel; keeps the old view on screen while it loads. */
  loadChannel: (team: string, channel: string) => Promise<void>;
}

const tokens = new Map<string, Promise<string>>();

export const createChannelSlice: StateCreator<AppState, [], [], ChannelSlice> = (set, get) => ({
  view: null,
  viewError: null,
  actAs: null,
  setActAs: (userId) => set({ actAs: userId }),
  sessionFor: (userId) => {
    const control = get().control;
    if (!control) return Promise.reject(new Error('No control token yet.'));
    let token = tokens.get(userId);
    if (!token) {
      token = control.call('POST /sessions', { body: { user_id: userId } }).then((r) => r.token);
      token.catch(() => tokens.delete(userId));
      tokens.set(userId, token);
    }
    return token;
  },
  loadChannel: async (team, channel) => {
    const control = get().control;
    if (!control) return;
    try {
      const actAs = get().actAs;
      const view = await control.call('GET /view/channel', { query: { team, channel, ...(actAs ? { as: actAs } : {}) } });
      set({ view, viewError: null });
    } catch (error) {
      set({ viewError: (error as Error).message });
    }
  },
});
