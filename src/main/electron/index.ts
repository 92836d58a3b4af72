// The Electron entry: the only file that imports 'electron'. It starts the same core as
// `mockmost serve` and shows its web UI in one hardened window.
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { join } from 'node:path';
import type { Core } from '../core/core';
import { appMenuTemplate, type MenuActions } from './app-menu';
import { registerBridge } from './bridge';
import { navigationDecision, openExternalSafely } from './navigation';
import { startDesktopCore } from './start-desktop-core';
import { windowOptions } from './window-options';
import { readWindowState, restoreWindowState, saveWindowState } from './window-state';

const log = (line: string) => console.error(line);
const openExternal = (url: unknown) => openExternalSafely((checked) => shell.openExternal(checked), url);

function failed(title: string, error: unknown): void {
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
}

function openWindow(core: Core): BrowserWindow {
  const dataDir = core.options.dataDir;
  const placement = restoreWindowState(
    readWindowState(dataDir),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  // The title says where Mockmost listens: the URL to give an integration is always in sight.
  const title = `Mockmost — ${core.url}`;
  const { maximized, ...bounds } = placement;
  const window = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js'), bounds, title));
  const origin = new URL(core.url).origin;
  window.on('page-title-updated', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (navigationDecision(url, origin) === 'external') openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    const decision = navigationDecision(url, origin);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'external') openExternal(url);
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  window.on('close', () => saveWindowState(dataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }, log));
  void window.loadURL(`${core.url}/`);
  return window;
}

/** Empties the workspace after the user confirms, optionally with the captured exchanges. */
async function resetWorkspace(core: Core, window: BrowserWindow): Promise<void> {
  const answer = await dialog.showMessageBox(window, {
    type: 'warning',
    buttons: ['Reset', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Reset the workspace?',
    detail: 'Posts, users, channels, hooks and commands go back to the seed. Integrations must be set up again.',
    checkboxLabel: 'Also delete the captured exchanges',
  });
  if (answer.response !== 0) return;
  try {
    await core.reset({ exchanges: answer.checkboxChecked });
    window.webContents.reload();
  } catch (error) {
    failed('The workspace was not reset', error);
  }
}

async function main(): Promise<void> {
  // One data folder for the app and `mockmost serve` (core/default-data-dir.ts), whatever name
  // the installer gives the app; set first, as Electron keeps the single-instance lock there.
  app.setPath('userData', join(app.getPath('appData'), 'mockmost'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  // No page of ours needs the camera, notifications or anything else a site may ask for.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  let core: Core;
  try {
    core = await startDesktopCore({ dataDir: app.getPath('userData'), rendererDir: join(__dirname, '../renderer'), log });
  } catch (error) {
    failed('Mockmost cannot start', error);
    app.exit(1);
    return;
  }
  registerBridge(ipcMain, { appOrigin: () => new URL(core.url).origin, openExternal });
  let window = openWindow(core);
  const actions: MenuActions = {
    copyServerUrl: () => clipboard.writeText(core.url),
    copyControlToken: () => clipboard.writeText(core.token),
    openInBrowser: () => openExternal(`${core.url}/`),
    openDataFolder: () => void shell.openPath(core.options.dataDir),
    resetWorkspace: () => void resetWorkspace(core, window),
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(actions, process.platform)));
  app.on('second-instance', () => {
    if (window.isDestroyed()) window = openWindow(core);
    else if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = openWindow(core);
  });
  // macOS apps stay in the dock with their window closed; the server keeps answering meanwhile.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void core
      .stop()
      .catch((error: unknown) => log(`mockmost: error while stopping: ${(error as Error).message}`))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });
}

main().catch((error: unknown) => {
  failed('Mockmost stopped', error);
  app.exit(1);
});
