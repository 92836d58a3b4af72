import { create } from 'zustand';
import { createChannelSlice, type ChannelSlice } from '../features/channel/channel-slice';
import { ControlClient, findControlToken, rememberControlToken } from './control-client';

export interface SessionSlice {
  control: ControlClient | null;
  setToken: (token: string) => void;
}

export type AppState = SessionSlice & ChannelSlice;

export const useApp = create<AppState>()((...a) => {
  const [set] = a;
  const token = findControlToken();
  return {
    control: token ? new ControlClient(token) : null,
    setToken: (value) => {
      rememberControlToken(value);
      set({ control: new ControlClient(value) });
    },
    ...createChannelSlice(...a),
  };
});
