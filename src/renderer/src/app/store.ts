import { create } from 'zustand';
import { createChannelSlice, type ChannelSlice } from '../features/channel/channel-slice';
import { ControlClient, findControlToken, rememberControlToken } from './control-client';

export interface SessionSlice {
  control: ControlClient | null;
  setToken: (token: string) => void;
}

/** Viewer preferences kept in this browser. */
export interface SettingsSlice {
  /** Remote images in posts load only once the user allows them (they reveal the viewer to the host). */
  allowRemoteImages: boolean;
  setAllowRemoteImages: (allow: boolean) => void;
}

const REMOTE_IMAGES_KEY = 'mockmost-allow-remote-images';

export type AppState = SessionSlice & SettingsSlice & ChannelSlice;

export const useApp = create<AppState>()((...a) => {
  const [set] = a;
  const token = findControlToken();
  return {
    control: token ? new ControlClient(token) : null,
    setToken: (value) => {
      rememberControlToken(value);
      set({ control: new ControlClient(value) });
    },
    allowRemoteImages: localStorage.getItem(REMOTE_IMAGES_KEY) === 'true',
    setAllowRemoteImages: (allow) => {
      localStorage.setItem(REMOTE_IMAGES_KEY, String(allow));
      set({ allowRemoteImages: allow });
    },
    ...createChannelSlice(...a),
  };
});
