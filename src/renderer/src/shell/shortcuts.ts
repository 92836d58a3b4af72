import { RAIL_PAGES, type RailPage } from './rail-pages';

export type ShortcutAction = { kind: 'switch-channel' } | { kind: 'help' } | { kind: 'open'; page: RailPage };

/** "Ctrl" on Linux and Windows, "⌘" on macOS, as the menus there write it. */
export const MOD_LABEL = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/**
 * The app's keyboard shortcuts: Ctrl/Cmd+K finds a channel and Ctrl/Cmd+/ lists the shortcuts, as
 * in Mattermost; Ctrl/Cmd+Shift+1…5 opens the rail's pages in order (3 is Traffic). Digits are read
 * from the key's position (`code`), so Shift and keyboard layouts do not change them.
 */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return null;
  if (!event.shiftKey && event.key.toLowerCase() === 'k') return { kind: 'switch-channel' };
  if (!event.shiftKey && event.key === '/') return { kind: 'help' };
  const digit = /^Digit([1-9])$/.exec(event.code);
  const page = event.shiftKey && digit ? RAIL_PAGES[Number(digit[1]) - 1] : undefined;
  return page ? { kind: 'open', page: page.page } : null;
}

/** Every shortcut, for the help dialog and the rail's tooltips. */
export const SHORTCUT_LIST: [keys: string, what: string][] = [
  [`${MOD_LABEL}+K`, 'Find a channel'],
  ...RAIL_PAGES.map((p, i): [string, string] => [`${MOD_LABEL}+Shift+${i + 1}`, `Open ${p.label}`]),
  [`${MOD_LABEL}+/`, 'Show these shortcuts'],
  ['Esc', 'Close a dialog'],
];
