import type { MenuItemConstructorOptions } from 'electron';

/** What the Mockmost menu does; index.ts supplies each with Electron's clipboard, shell and dialogs. */
export interface MenuActions {
  copyServerUrl(): void;
  copyControlToken(): void;
  openInBrowser(): void;
  openDataFolder(): void;
  resetWorkspace(): void;
}

export const MENU_LABELS = {
  mockmost: 'Mockmost',
  copyServerUrl: 'Copy Server URL',
  copyControlToken: 'Copy Control Token',
  openInBrowser: 'Open in Browser',
  openDataFolder: 'Open Data Folder',
  resetWorkspace: 'Reset Workspace…',
} as const;

/**
 * The application menu. The Edit menu's roles are what make copy, paste and select-all reach
 * Monaco and the inputs on macOS (without them the shortcuts do nothing there); View and
 * Window keep the platform's usual entries. Mockmost's own items take no shortcut: a menu's
 * accelerator wins over the page's, and Monaco and DevTools already use the likely ones.
 */
export function appMenuTemplate(actions: MenuActions, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const mockmost: MenuItemConstructorOptions = {
    label: MENU_LABELS.mockmost,
    submenu: [
      { label: MENU_LABELS.copyServerUrl, click: () => actions.copyServerUrl() },
      { label: MENU_LABELS.copyControlToken, click: () => actions.copyControlToken() },
      { type: 'separator' },
      { label: MENU_LABELS.openInBrowser, click: () => actions.openInBrowser() },
      { label: MENU_LABELS.openDataFolder, click: () => actions.openDataFolder() },
      { type: 'separator' },
      { label: MENU_LABELS.resetWorkspace, click: () => actions.resetWorkspace() },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  return [...(mac ? [{ role: 'appMenu' } as const] : []), mockmost, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }];
}
