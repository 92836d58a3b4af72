import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';

/** Viewer preferences kept in this browser (the server's settings are read and changed through the control API). */
export interface SettingsSlice {
  /** Remote images in posts load only once the user allows them (they reveal the viewer to the host). */
  allowRemoteImages: boolean;
  setAllowRemoteImages: (allow: boolean) => void;
}

const REMOTE_IMAGES_KEY = 'mockmost-allow-remote-images';

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  allowRemoteImages: localStorage.getItem(REMOTE_IMAGES_KEY) === 'true',
  setAllowRemoteImages: (allow) => {
    localStorage.setItem(REMOTE_IMAGES_KEY, String(allow));
    set({ allowRemoteImages: allow });
  },
});
