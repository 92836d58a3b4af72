import type { StateCreator } from 'zustand';
import { ControlClient, findControlToken, rememberControlToken } from './control-client';
import type { AppState } from './store';

/** The control API session: the token the page was served with, or the one the user pasted. */
export interface SessionSlice {
  control: ControlClient | null;
  setToken: (token: string) => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => {
  const token = findControlToken();
  return {
    control: token ? new ControlClient(token) : null,
    setToken: (value) => {
      rememberControlToken(value);
      set({ control: new ControlClient(value) });
    },
  };
};
