import { readPref, writePref } from '../app/prefs';
import { THEME_NAMES, type ThemeName } from './themes';

/** What the user picked in Settings: a look, or whatever the operating system prefers (the default). */
export type ThemeChoice = 'system' | ThemeName;
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', ...THEME_NAMES];

const KEY = 'mockmost.theme';

/** The stored choice; anything else there (an old value, garbage typed into dev tools) reads as `system`. */
export function readThemeChoice(storage?: Pick<Storage, 'getItem'>): ThemeChoice {
  const stored = readPref(KEY, storage);
  return (THEME_CHOICES as readonly (string | null)[]).includes(stored) ? (stored as ThemeChoice) : 'system';
}

export function saveThemeChoice(choice: ThemeChoice): void {
  writePref(KEY, choice);
}

/** The look to draw: the chosen one, or for `system` Onyx when the OS is dark (Mattermost's dark theme) and Denim otherwise. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): ThemeName {
  if (choice !== 'system') return choice;
  return systemDark ? 'onyx' : 'denim';
}
