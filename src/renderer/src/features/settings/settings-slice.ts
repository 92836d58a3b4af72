import type { StateCreator } from 'zustand';
import { readPref, writePref } from '../../app/prefs';
import type { AppState } from '../../app/store';
import { readThemeChoice, resolveTheme, saveThemeChoice, type ThemeChoice } from '../../theme/theme-choice';
import type { ThemeName } from '../../theme/themes';

/** Viewer preferences kept in this browser (the server's settings are read and changed through the control API). */
export interface SettingsSlice {
  /** Remote images in posts load only once the user allows them (they reveal the viewer to the host). */
  allowRemoteImages: boolean;
  setAllowRemoteImages: (allow: boolean) => void;
  themeChoice: ThemeChoice;
  /** Whether the operating system asks for dark colours (`prefers-color-scheme`), followed live. */
  systemDark: boolean;
  /** The look drawn: the choice, resolved against the system's preference. */
  theme: ThemeName;
  setThemeChoice: (choice: ThemeChoice) => void;
  setSystemDark: (dark: boolean) => void;
}

const REMOTE_IMAGES_KEY = 'mockmost-allow-remote-images';

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => {
  const themeChoice = readThemeChoice();
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  return {
    allowRemoteImages: readPref(REMOTE_IMAGES_KEY) === 'true',
    setAllowRemoteImages: (allow) => {
      writePref(REMOTE_IMAGES_KEY, String(allow));
      set({ allowRemoteImages: allow });
    },
    themeChoice,
    systemDark,
    theme: resolveTheme(themeChoice, systemDark),
    setThemeChoice: (choice) => {
      saveThemeChoice(choice);
      set({ themeChoice: choice, theme: resolveTheme(choice, get().systemDark) });
    },
    setSystemDark: (dark) => set({ systemDark: dark, theme: resolveTheme(get().themeChoice, dark) }),
  };
};
